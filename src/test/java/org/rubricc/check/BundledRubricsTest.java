package org.rubricc.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.rubricc.diag.TextRenderer;
import org.rubricc.model.Rubric;

/** The rubrics shipped in rubrics/ are the project's showcase: they check without errors or warnings. */
class BundledRubricsTest {
    static final Path ROOT = Path.of("rubrics");

    static List<Path> files() throws IOException {
        try (Stream<Path> s = Files.walk(ROOT)) {
            return s.filter(p -> p.toString().endsWith(".rubric")).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyBundledFileChecksClean() throws IOException {
        Frontend frontend = new Frontend(ROOT);
        return files().stream().map(f -> DynamicTest.dynamicTest(ROOT.relativize(f).toString(), () -> {
            Compilation c = frontend.check(f);
            assertEquals("", new TextRenderer(frontend.sources()).render(c.diagnostics()));
        }));
    }

    @Test
    void rubricsLiveInAFolderNamedByIdInAFileNamedByVersion() throws IOException {
        Frontend frontend = new Frontend(ROOT);
        Map<String, List<String>> versions = new TreeMap<>();
        for (Path f : files()) {
            Compilation c = frontend.check(f);
            if (c.library()) continue;
            Rubric r = c.rubric().orElseThrow();
            assertEquals(r.id(), f.getParent().getFileName().toString(), f + ": folder is the rubric id");
            assertEquals(r.version() + ".rubric", f.getFileName().toString(), f + ": file is the version");
            versions.computeIfAbsent(r.id(), k -> new java.util.ArrayList<>()).add(r.version().toString());
        }
        assertTrue(versions.getOrDefault("image-edit", List.of()).size() >= 2, "image-edit has several versions: " + versions);
        assertTrue(versions.containsKey("image-quality"), "image-quality is bundled: " + versions);
    }
}
