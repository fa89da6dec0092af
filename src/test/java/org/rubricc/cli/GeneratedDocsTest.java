package org.rubricc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.rubricc.testing.Golden;

/**
 * The committed generated-docs/ is exactly what the current code makes of rubrics/: the golden files
 * of every target for every bundled rubric version. When it fails, run the README's first command
 * (or this test with -Drubricc.updateGolden=true) and review the diff.
 */
class GeneratedDocsTest {
    static final Path COMMITTED = Path.of("generated-docs");

    @TempDir
    static Path fresh;

    static List<String> files(Path root) throws IOException {
        if (!Files.isDirectory(root)) return List.of();
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals(OutputWriter.LOCK_FILE))
                    .map(p -> root.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> generatedDocsMatchTheCurrentCompiler() throws IOException {
        CheckCommandTest.Run run = CheckCommandTest.run("compile", "rubrics", "-o", fresh.toString());
        assertEquals(0, run.status(), run.err());
        List<String> expected = files(COMMITTED), actual = files(fresh);
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(DynamicTest.dynamicTest("the same files", () -> {
            if (Golden.updating()) return;
            assertEquals(expected, actual, "generated-docs/ is stale: run the README's first command");
        }));
        for (String f : new TreeSet<>(actual)) {
            tests.add(DynamicTest.dynamicTest(f, () -> Golden.assertMatches(COMMITTED.resolve(f),
                    Files.readString(fresh.resolve(f), StandardCharsets.UTF_8))));
        }
        return tests.stream();
    }
}
