package org.rubricc.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.rubricc.check.Frontend;
import org.rubricc.model.Rubric;

/**
 * {@code rubricc validate} with each engine ({@code auto}, the default; {@code generated}; {@code interpreted}) on
 * files of 1, 1,000 and 100,000 ratings of image-edit 2.0.0 (README, "Benchmark"): the command as a user runs it,
 * a fresh JVM per run with the launcher's settings ({@code -Xmx1g -XX:+UseSerialGC}, and transparent huge pages where
 * the kernel gives them on request), every engine and size in
 * turns, round after round, so a busy moment on a shared machine weighs on all alike. The median wall time
 * counts, and the ratios: the default's time over the faster of the other two, and over the interpreted one's.
 *
 * <p>{@code mvn -B -q test-compile exec:exec@bench-validate} ({@code -Dbench.rounds=N}); run directly, the system
 * properties {@code rubricc.bench.sizes} (comma-separated) and {@code rubricc.bench.rounds}.
 */
public final class ValidateBenchmark {
    private ValidateBenchmark() {}

    static final List<String> ENGINES = List.of("auto", "generated", "interpreted");

    public static void main(String[] args) throws Exception {
        String sizes = System.getProperty("rubricc.bench.sizes", "1,1000,100000");
        int rounds = Integer.getInteger("rubricc.bench.rounds", 3);
        run(Arrays.stream(sizes.split(",")).map(String::strip).mapToInt(Integer::parseInt).toArray(), rounds,
                Path.of("target/bench/validate"), System.out);
    }

    public static void run(int[] sizes, int rounds, Path dir, PrintStream out) throws Exception {
        Files.createDirectories(dir);
        String rubricFile = "rubrics/image-edit/2.0.0.rubric";
        Rubric rubric = new Frontend(Path.of("rubrics")).check(Path.of(rubricFile)).rubric().orElseThrow();
        Path[] files = new Path[sizes.length];
        for (int i = 0; i < sizes.length; i++) {
            files[i] = dir.resolve("image-edit-2.0.0-" + sizes[i] + ".jsonl");
            if (!Files.exists(files[i])) Benchmark.write(rubric, sizes[i], files[i], false, 50);
        }
        out.printf(Locale.ROOT, "rubricc validate benchmark: %s, %d cores, %s %s; a fresh JVM each run with %s%n", rubricFile,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"), System.getProperty("java.vm.version"),
                String.join(" ", CompileBenchmark.LAUNCHER_OPTIONS));
        double[][][] s = new double[sizes.length][ENGINES.size()][rounds];
        String[][] outputs = new String[sizes.length][ENGINES.size()];
        for (int r = 0; r < rounds; r++) {
            StringBuilder line = new StringBuilder("round " + (r + 1) + ":");
            for (int i = 0; i < sizes.length; i++) {
                line.append(String.format(Locale.ROOT, "  %,d:", sizes[i]));
                for (int e = 0; e < ENGINES.size(); e++) {
                    // the engines in a different order each round, so none is always the first after another's run
                    int k = (e + r) % ENGINES.size();
                    long t = System.nanoTime();
                    String digest = command(rubricFile, files[i], ENGINES.get(k));
                    s[i][k][r] = (System.nanoTime() - t) / 1e9;
                    if (outputs[i][k] == null) outputs[i][k] = digest;
                }
                for (int k = 0; k < ENGINES.size(); k++) line.append(String.format(Locale.ROOT, " %s %.2f s", ENGINES.get(k), s[i][k][r]));
            }
            out.println(line);
        }
        out.printf(Locale.ROOT, "%nmedian of %d rounds, wall seconds:%n%10s %10s %10s %12s %22s %18s  %s%n", rounds, "ratings", "auto",
                "generated", "interpreted", "auto / faster other", "auto / interpreted", "output");
        for (int i = 0; i < sizes.length; i++) {
            double[] m = new double[ENGINES.size()];
            for (int k = 0; k < ENGINES.size(); k++) m[k] = median(s[i][k]);
            boolean same = outputs[i][0].equals(outputs[i][1]) && outputs[i][0].equals(outputs[i][2]);
            out.printf(Locale.ROOT, "%,10d %10.2f %10.2f %12.2f %21.2fx %17.2fx  %s%n", sizes[i], m[0], m[1], m[2], m[0] / Math.min(m[1], m[2]),
                    m[0] / m[2], same ? "identical" : "DIFFERS");
        }
    }

    /** One run of {@code rubricc validate --format json}; the SHA-256 of what it wrote. */
    private static String command(String rubric, Path ratings, String engine) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(CompileBenchmark.LAUNCHER_OPTIONS);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.rubricc.cli.Main", "validate", "--format", "json",
                "--engine", engine, rubric, ratings.toString()));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        java.security.MessageDigest sha;
        try {
            sha = java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (var in = p.getInputStream()) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) sha.update(buf, 0, n);
        }
        int status = p.waitFor();
        if (status > 1) throw new IllegalStateException("validate --engine " + engine + " " + ratings + " exited " + status);
        return java.util.HexFormat.of().formatHex(sha.digest());
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
