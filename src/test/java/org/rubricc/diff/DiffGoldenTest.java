package org.rubricc.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.rubricc.check.Compilation;
import org.rubricc.check.Frontend;
import org.rubricc.model.Rubric;
import org.rubricc.testing.Golden;

/**
 * Diff cases in the Smithy style: every folder {@code diffs/CASE/} holds {@code old.rubric},
 * {@code new.rubric} and {@code expected.json}, the output of {@code rubricc diff --format json}.
 * Adding a case is adding files.
 */
class DiffGoldenTest {
    static final Path DIR = Path.of("src/test/resources/diffs");

    static List<Path> cases() throws IOException {
        try (Stream<Path> s = Files.list(DIR)) {
            return s.filter(Files::isDirectory).sorted().toList();
        }
    }

    static Rubric load(Path file) {
        return load(file, file.getParent());
    }

    static Rubric load(Path file, Path root) {
        Frontend frontend = new Frontend(root);
        Compilation c = frontend.check(file);
        assertTrue(c.rubric().isPresent() && !c.hasErrors(), file + " has errors: " + c.diagnostics());
        return c.rubric().get();
    }

    static Diff diff(Path dir) {
        return Diff.between(load(dir.resolve("old.rubric")), load(dir.resolve("new.rubric")));
    }

    @TestFactory
    Stream<DynamicTest> eachCaseMatchesItsExpectedJson() throws IOException {
        return cases().stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(),
                () -> Golden.assertMatches(dir.resolve("expected.json"), DiffJson.render(diff(dir)))));
    }

    @TestFactory
    Stream<DynamicTest> eachCaseHasANoticeThatDescribesEveryChange() throws IOException {
        return cases().stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
            Diff d = diff(dir);
            String md = Notice.markdown(d);
            assertTrue(md.startsWith("# Calibration notice: "), md);
            List<String> lines = Notice.descriptions(d);
            assertEquals(d.changes().size(), lines.size());
            for (String line : lines) assertTrue(!line.isBlank() && !line.contains("Optional["), dir + ": " + line);
        }));
    }

    @Test
    void everyRuleHasACase() throws IOException {
        Set<ChangeRule> missing = EnumSet.allOf(ChangeRule.class);
        for (Path dir : cases()) {
            Path expected = dir.resolve("expected.json");
            if (!Files.exists(expected)) continue;
            String json = Files.readString(expected);
            missing.removeIf(r -> json.contains("\"rule\": \"" + r.id() + "\""));
        }
        assertTrue(missing.isEmpty(), "rules without a case in " + DIR + ": " + missing);
    }

    @Test
    void aRubricComparedWithItselfHasNoChanges() throws IOException {
        for (Path dir : cases()) {
            for (String f : List.of("old.rubric", "new.rubric")) {
                Rubric r = load(dir.resolve(f));
                assertEquals(List.of(), Diff.between(r, r).changes(), dir + "/" + f);
            }
        }
        for (String v : List.of("1.0.0", "1.1.0", "2.0.0")) {
            Rubric r = load(Path.of("rubrics/image-edit/" + v + ".rubric"), Path.of("rubrics"));
            assertEquals(List.of(), Diff.between(r, r).changes(), v);
        }
    }
}
