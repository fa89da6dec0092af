package org.rubricc.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.rubricc.check.Compilation;
import org.rubricc.check.Frontend;
import org.rubricc.check.analysis.RandomRubrics;
import org.rubricc.diag.Code;
import org.rubricc.diag.Diagnostic;
import org.rubricc.diag.JsonRenderer;
import org.rubricc.diag.TextRenderer;

/**
 * The semantic analysis under random rubrics: generated rubrics of up to 40 dimensions and 30 rules (every
 * kind of scale, skips of dimensions and sections, every kind of constraint), also with random lines cut
 * out or repeated, end in diagnostics within the time limit, never an exception. A rubric the analysis
 * could not finish must say so (R1106), never pass in silence; with a budget of zero it must say so
 * whenever there was anything to prove. The front-end fuzzers reach the analysis too, through every
 * mutation of a real rubric that still checks.
 */
class AnalysisFuzzTest {
    static final Duration LIMIT = Duration.ofSeconds(30);
    Path dir;

    @BeforeProperty
    void makeDir() throws IOException {
        dir = Files.createTempDirectory("rubricc-analysis-fuzz");
    }

    @AfterProperty
    void removeDir() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    static String damage(String text, long seed) {
        Random r = new Random(seed);
        String[] lines = text.split("\n", -1);
        StringBuilder b = new StringBuilder();
        for (String line : lines) {
            int roll = r.nextInt(30);
            if (roll == 0) continue;
            b.append(line).append('\n');
            if (roll == 1) b.append(line).append('\n');
        }
        return b.toString();
    }

    Compilation check(String source, Duration budget) throws IOException {
        Path f = dir.resolve("gen.rubric");
        Files.writeString(f, source);
        Frontend frontend = new Frontend(dir).analysisBudget(budget);
        Compilation c = frontend.check(f);
        String text = new TextRenderer(frontend.sources()).render(c.diagnostics());
        JsonRenderer.render(c.diagnostics());
        assertFalse(text.contains("Exception"), text);
        for (Diagnostic d : c.diagnostics()) assertFalse(d.message().contains("internal error"), source + "\n" + text);
        return c;
    }

    @Property(tries = 200)
    void generatedRubrics(@ForAll long seed) {
        assertTimeoutPreemptively(LIMIT, () -> check(RandomRubrics.generate(seed, 40, 30), Duration.ofSeconds(10)));
    }

    @Property(tries = 200)
    void damagedGeneratedRubrics(@ForAll long seed) {
        assertTimeoutPreemptively(LIMIT, () -> check(damage(RandomRubrics.generate(seed, 25, 20), seed), Duration.ofSeconds(10)));
    }

    @Property(tries = 100)
    void aZeroBudgetIsNeverASilentPass(@ForAll long seed) {
        assertTimeoutPreemptively(LIMIT, () -> {
            String source = RandomRubrics.generate(seed, 20, 15);
            List<Diagnostic> full = check(source, Duration.ofSeconds(10)).diagnostics();
            List<Diagnostic> none = check(source, Duration.ZERO).diagnostics();
            // with no time, the analysis either says what it did not prove, or had nothing to ask the solver
            boolean said = none.stream().anyMatch(d -> d.code() == Code.ANALYSIS_INCOMPLETE);
            assertTrue(said || none.equals(full), source);
        });
    }
}
