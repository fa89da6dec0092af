package org.rubricc.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.rubricc.check.Compilation;
import org.rubricc.check.Frontend;
import org.rubricc.check.analysis.Analysis;
import org.rubricc.diag.Code;
import org.rubricc.diag.Diagnostic;

/**
 * How long {@code rubricc check} takes, semantic analysis included, on synthetic rubrics of 100, 1,000 and
 * 5,000 dimensions (README, "Benchmark"): five-point scales, every dimension after the first skipped when
 * the one before it is answered 1 (a chain of skips through the whole rubric), one optional dimension in
 * seven, and one rule per ten dimensions, looking back several dimensions and bounding, forbidding or
 * requiring an answer. The rubrics have no dead end, so every check of the analysis runs. Each size is
 * checked once cold (the first check in this JVM for that size), then {@code rounds} times; the median counts.
 *
 * <p>{@code mvn -B -q test-compile exec:exec@analysis-bench} ({@code -Dbench.rounds=N}); run directly, the system
 * properties {@code rubricc.bench.sizes} (comma-separated) and {@code rubricc.bench.rounds}.
 */
public final class AnalysisBenchmark {
    private AnalysisBenchmark() {}

    /** A synthetic rubric of {@code n} dimensions, as source text. */
    public static String rubric(int n) {
        StringBuilder b = new StringBuilder("rubric synthetic\nversion 1.0.0\ntitle \"Synthetic\"\n\n");
        b.append("scale five: ordinal {\n");
        for (int p = 1; p <= 5; p++) b.append("  ").append(p).append(" \"P").append(p).append("\" \"Point ").append(p).append(".\"\n");
        b.append("}\n\nsection main \"Main\" {\n");
        for (int i = 0; i < n; i++) {
            b.append("  dimension d").append(i).append(" \"Dimension ").append(i).append("\" {\n");
            b.append("    question \"Question ").append(i).append("?\"\n    scale five\n");
            if (i % 7 == 3) b.append("    optional\n");
            if (i > 0) b.append("    skip when d").append(i - 1).append(" == 1\n");
            b.append("  }\n");
        }
        b.append("}\n");
        for (int i = 10; i < n; i += 10) {
            b.append("\nrule r").append(i).append(" \"Rule ").append(i).append("\" {\n");
            switch ((i / 10) % 3) {
                case 0 -> b.append("  when d").append(i - 7).append(" >= 4 and d").append(i - 2).append(" <= 3\n  then d").append(i).append(" >= 2\n");
                case 1 -> b.append("  when d").append(i - 5).append(" == 5 or d").append(i - 3).append(" in {2, 3}\n  then forbid d").append(i).append(" == 5\n");
                default -> b.append("  when d").append(i - 1).append(" >= 2\n  then require d").append(i).append("\n");
            }
            b.append("}\n");
        }
        return b.toString();
    }

    public static void main(String[] args) throws IOException {
        String sizes = System.getProperty("rubricc.bench.sizes", "100,1000,5000");
        int rounds = Integer.getInteger("rubricc.bench.rounds", 5);
        run(Arrays.stream(sizes.split(",")).map(String::strip).mapToInt(Integer::parseInt).toArray(), rounds, System.out);
    }

    public static void run(int[] sizes, int rounds, PrintStream out) throws IOException {
        Path dir = Path.of("target/bench/analysis");
        Files.createDirectories(dir);
        out.printf(Locale.ROOT, "rubricc analysis benchmark: %d cores, %s %s, max heap %,d MiB%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.vm.version"), Runtime.getRuntime().maxMemory() >> 20);
        out.printf(Locale.ROOT, "%8s %8s %10s %10s %12s %12s  %s%n", "dims", "rules", "cold ms", "median ms", "ms per dim", "analysis ms",
                "diagnostics");
        double previous = 0;
        int previousSize = 0;
        for (int n : sizes) {
            Path file = dir.resolve("synthetic-" + n + ".rubric");
            Files.writeString(file, rubric(n));
            long t0 = System.nanoTime();
            Compilation first = new Frontend(dir).check(file);
            double cold = (System.nanoTime() - t0) / 1e6;
            // in turns, round after round, so a busy moment on a shared machine weighs on both alike
            double[] ms = new double[rounds];
            double[] alone = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                long t = System.nanoTime();
                new Frontend(dir).check(file);
                ms[r] = (System.nanoTime() - t) / 1e6;
                // the analysis alone, on the checked model: the rest is reading, parsing and resolving
                t = System.nanoTime();
                if (first.rubric().isPresent()) Analysis.analyse(first.rubric().get(), Analysis.DEFAULT_BUDGET, List.of());
                alone[r] = (System.nanoTime() - t) / 1e6;
            }
            Arrays.sort(ms);
            Arrays.sort(alone);
            double median = ms[rounds / 2];
            List<Diagnostic> ds = first.diagnostics();
            String summary = ds.isEmpty() ? "none" : ds.stream().map(d -> d.code().id()).distinct().sorted().reduce((a, c) -> a + " " + c).orElse("");
            if (ds.stream().anyMatch(d -> d.code() == Code.ANALYSIS_INCOMPLETE)) summary += " (not everything proved)";
            out.printf(Locale.ROOT, "%8d %8d %10.0f %10.0f %12.3f %12.0f  %s%n", n, Math.max(0, (n - 1) / 10), cold, median, median / n,
                    alone[rounds / 2], summary);
            if (previousSize > 0) {
                out.printf(Locale.ROOT, "         growth from %d to %d dimensions: %.1fx the time for %.1fx the dimensions%n", previousSize, n,
                        median / previous, (double) n / previousSize);
            }
            previous = median;
            previousSize = n;
        }
    }
}
