package org.rubricc.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.rubricc.check.Compilation;
import org.rubricc.check.Frontend;

/**
 * How long {@code rubricc check} takes on a rubric with decision tables (README, "Benchmark"): 200 dimensions and
 * 20 tables of 3 inputs each. Inputs are categorical (five choices), ordinal (1 to 5, compared with {@code <=} and
 * {@code >=}) and range (0 to 100 in steps of 1, compared with constants), some optional or skipped, so every table
 * has classes of answers to split, `not answered` cells and wildcards; each table is complete and free of
 * conflicts, so every proof runs to its end. The rubric is checked once cold, then {@code rounds} times; the median
 * counts, against the target of 2 s.
 *
 * <p>{@code mvn -B -q test-compile exec:exec@tables-bench} ({@code -Dbench.rounds=N}).
 */
public final class TablesBenchmark {
    private TablesBenchmark() {}

    /** The synthetic rubric of {@code n} dimensions (a multiple of 10) and {@code n / 10} tables, as source text. */
    public static String rubric(int n) {
        StringBuilder b = new StringBuilder("rubric tables\nversion 1.0.0\ntitle \"Tables\"\n\n");
        b.append("scale five: ordinal {\n");
        for (int p = 1; p <= 5; p++) b.append("  ").append(p).append(" \"P").append(p).append("\" \"Point ").append(p).append(".\"\n");
        b.append("}\nscale kind: categorical {\n");
        for (char c = 'a'; c <= 'e'; c++) b.append("  ").append(c).append(" \"").append(c).append("\" \"Choice ").append(c).append(".\"\n");
        b.append("}\nscale share: range { min 0 max 100 step 1 }\n\nsection main \"Main\" {\n");
        for (int i = 0; i < n; i++) {
            b.append("  dimension d").append(i).append(" \"Dimension ").append(i).append("\" {\n");
            b.append("    question \"Question ").append(i).append("?\"\n");
            b.append(switch (i % 10) {
                case 0, 3, 6 -> "    scale kind\n";
                case 1, 4 -> "    scale share\n";
                default -> "    scale five\n";
            });
            if (i % 10 == 4) b.append("    optional\n");
            if (i % 10 == 1) b.append("    skip when d").append(i - 1).append(" == e\n");
            b.append("  }\n");
        }
        b.append("}\n");
        for (int t = 0; t < n / 10; t++) {
            int k = t * 10;
            b.append("\ntable t").append(t).append(" \"Table ").append(t).append("\" {\n");
            b.append("  | d").append(k).append(" | d").append(k + 1).append(" | d").append(k + 2).append(" | -> d").append(k + 9).append(" |\n");
            b.append("  | e       | not answered   | any    | -> 1 |\n");
            b.append("  | a, b    | < 25           | <= 2   | -> 1 |\n");
            b.append("  | a, b    | < 25           | >= 3   | -> 2 |\n");
            b.append("  | a       | >= 25          | any    | -> 3 |\n");
            b.append("  | b       | >= 25          | <= 3   | -> 3 |\n");
            b.append("  | b       | >= 25          | 4, 5   | -> 4 |\n");
            b.append("  | c, d    | any            | 1, 2   | -> 3 |\n");
            b.append("  | c, d    | any            | 3      | -> 4 |\n");
            b.append("  | c, d    | < 50           | 4, 5   | -> 4 |\n");
            b.append("  | c, d    | >= 50          | 4, 5   | -> 5 |\n");
            b.append("}\n");
        }
        return b.toString();
    }

    public static void main(String[] args) throws IOException {
        int rounds = Integer.getInteger("rubricc.bench.rounds", 5);
        run(200, rounds, System.out);
    }

    /** Checks the rubric once cold and {@code rounds} times; returns the median in milliseconds. */
    public static double run(int n, int rounds, PrintStream out) throws IOException {
        Path dir = Path.of("target/bench/tables");
        Files.createDirectories(dir);
        Path f = dir.resolve("tables-" + n + ".rubric");
        Files.writeString(f, rubric(n));
        long start = System.nanoTime();
        Compilation c = new Frontend(dir).check(f);
        double cold = (System.nanoTime() - start) / 1e6;
        if (c.hasErrors() || !c.diagnostics().isEmpty()) throw new IllegalStateException("the synthetic rubric must check clean: " + c.diagnostics());
        double[] ms = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            start = System.nanoTime();
            new Frontend(dir).check(f);
            ms[r] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        double median = ms[rounds / 2];
        int tables = c.rubric().orElseThrow().tables().size();
        out.printf(Locale.ROOT, "rubricc tables benchmark: %s, %d dimensions, %d tables of 3 inputs, %d rounds%n", f, n, tables, rounds);
        out.printf(Locale.ROOT, "cold %.0f ms, median %.0f ms (rounds: %s); target under 2,000 ms: %s%n", cold, median,
                Arrays.toString(Arrays.stream(ms).mapToLong(Math::round).toArray()), median < 2000 ? "met" : "NOT met");
        return median;
    }
}
