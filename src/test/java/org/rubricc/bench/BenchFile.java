package org.rubricc.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import org.rubricc.check.Frontend;
import org.rubricc.model.Rubric;

/**
 * Writes the benchmark's ratings file without running the benchmark (for src/test/js/bench/validator-bench.mjs and
 * validate-vs-ajv.mjs): {@code java -cp target/classes:target/test-classes:$(cat cp.txt) org.rubricc.bench.BenchFile
 * [LINES [plain|escaped [INVALID_PERCENT]]]}, into target/bench/ under the name the benchmark gives it.
 */
public final class BenchFile {
    private BenchFile() {}

    public static void main(String[] args) throws Exception {
        int lines = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        boolean escaped = args.length > 1 && args[1].equals("escaped");
        int invalid = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        Path file = Path.of("target/bench/image-edit-2.0.0-" + lines + (escaped ? "-escaped" : "")
                + (invalid == 50 ? "" : "-invalid" + invalid) + ".jsonl");
        Rubric rubric = new Frontend(Path.of("rubrics")).check(Path.of("rubrics/image-edit/2.0.0.rubric")).rubric().orElseThrow();
        if (!Files.exists(file)) Benchmark.write(rubric, lines, file, escaped, invalid);
        System.out.println(file);
    }
}
