package org.rubricc.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.rubricc.check.Compilation;
import org.rubricc.check.Frontend;

/** Within one diff, no two changes share a path: a path names one change, in the JSON and the changelog. */
class ChangePathsTest {
    record Example(int value, String text) {}

    static String rubric(String version, List<Example> examples) {
        StringBuilder b = new StringBuilder("rubric p\nversion " + version + "\ntitle \"P\"\n"
                + "scale q: ordinal { 1 \"Low\" 2 \"Mid\" 3 \"High\" }\n"
                + "section s \"S\" {\n  dimension d \"D\" {\n    question \"Q?\"\n    scale q\n");
        for (Example e : examples) b.append("    example ").append(e.value()).append(" \"").append(e.text()).append("\"\n");
        return b.append("  }\n}\n").toString();
    }

    static org.rubricc.model.Rubric load(Path dir, String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        Compilation c = new Frontend(dir).check(f);
        return c.rubric().orElseThrow(() -> new AssertionError(c.diagnostics().toString()));
    }

    @Provide
    Arbitrary<List<Example>> examples() {
        // Few values and few words, so that examples share values and texts in every way the pairing knows.
        return Arbitraries.integers().between(1, 3).flatMap(v -> Arbitraries.of("Blurry.", "Sharp.", "Half blurry.", "Dark.")
                .map(t -> new Example(v, t))).list().ofMaxSize(6);
    }

    @Property(tries = 200)
    void changePathsWithinOneDiffAreUnique(@ForAll("examples") List<Example> olds, @ForAll("examples") List<Example> news)
            throws IOException {
        Path dir = Files.createTempDirectory("rubricc-paths");
        try {
            Diff d = Diff.between(load(dir, "old.rubric", rubric("1.0.0", olds)), load(dir, "new.rubric", rubric("1.1.0", news)));
            Set<String> paths = new HashSet<>();
            for (Change c : d.changes()) {
                if (!paths.add(c.path())) throw new AssertionError("two changes at " + c.path() + ": " + d.changes());
            }
            // Every removed or added example is a change of its own.
            long removedOrAdded = d.changes().stream().filter(c -> c.rule() == ChangeRule.EXAMPLE_REMOVED
                    || c.rule() == ChangeRule.EXAMPLE_ADDED).count();
            assertEquals(Math.abs(olds.size() - news.size()) <= removedOrAdded, true);
        } finally {
            try (var s = Files.walk(dir)) {
                for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }

}
