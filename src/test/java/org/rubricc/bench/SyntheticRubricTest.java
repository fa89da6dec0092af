package org.rubricc.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rubricc.check.Compilation;
import org.rubricc.check.Frontend;

/** The compile benchmark's synthetic rubrics check clean at every size, and its harness prints every figure. */
class SyntheticRubricTest {
    @Test
    void syntheticRubricsCheckWithoutDiagnostics(@TempDir Path tmp) throws Exception {
        for (int n : new int[] {1, 7, 51, 120}) {
            Path f = tmp.resolve("synthetic-" + n + ".rubric");
            Files.writeString(f, SyntheticRubric.of(n));
            Compilation c = new Frontend(tmp).check(f);
            assertEquals(List.of(), c.diagnostics(), "synthetic rubric of " + n);
            assertEquals(n, c.rubric().orElseThrow().dimensions().size());
            assertTrue(n < 10 || !c.rubric().get().rules().isEmpty());
        }
    }

    @Test
    void theCompileBenchmarkPrintsEveryFigure(@TempDir Path tmp) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CompileBenchmark.run(new int[] {20, 40}, 1, tmp, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        for (String s : new String[] {"round 1:", "cpu ms/dim", "peak heap MiB", "the cpu time for 2.0x the dimensions", "changelog"}) {
            assertTrue(out.contains(s), s + " missing in\n" + out);
        }
        assertTrue(Files.exists(tmp.resolve("out-40/synthetic/1.0.0/validator.mjs")));
    }
}
