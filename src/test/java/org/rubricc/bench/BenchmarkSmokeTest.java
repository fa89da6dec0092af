package org.rubricc.bench;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark harness runs and prints every figure (on 2,000 lines: this measures nothing). */
class BenchmarkSmokeTest {
    @Test
    void theHarnessPrintsAllFigures(@TempDir Path tmp) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Benchmark.run(2000, 1, tmp.resolve("ratings.jsonl"), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        for (String row : new String[] {"parse only (Jackson streaming)", "generated validator", "runtime validator",
                "networknt json-schema-validator", "targets: generated >= 20x networknt"}) {
            assertTrue(out.contains(row), row + " missing in\n" + out);
        }
        assertFalse(out.contains("disagree"), out);
    }

    @Test
    void theEscapedFileHoldsEscapesAndTheEnginesAgreeOnIt(@TempDir Path tmp) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Path file = tmp.resolve("escaped.jsonl");
        Benchmark.run(2000, 1, file, true, 50, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String data = java.nio.file.Files.readString(file);
        assertTrue(data.contains("Caf\\u00E9") || data.contains("Caf\\u00e9"), "non-ASCII written as u escapes");
        assertTrue(data.contains("\\n") && data.contains("\\\""), "line breaks and quotes escaped");
        assertFalse(bytes.toString(StandardCharsets.UTF_8).contains("disagree"), bytes.toString(StandardCharsets.UTF_8));
    }
}
