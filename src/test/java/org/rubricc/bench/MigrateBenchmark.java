package org.rubricc.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.rubricc.check.Frontend;
import org.rubricc.cli.Main;
import org.rubricc.model.Rubric;
import org.rubricc.validate.SubmissionGenerator;

/**
 * `rubricc migrate` against `rubricc validate` on the same file, side by side in one JVM: whole commands
 * (reading, judging, writing), run in turns after a warm-up, median of the rounds. The file holds valid
 * ratings of image-edit 1.0.0 and 1.1.0, half each, generated deterministically; migrate carries them to
 * 2.0.0 through 1.1.0, validate judges each by the version it names.
 *
 * <p>{@code mvn -B -q test-compile exec:exec@bench-migrate} (README, "Benchmark"); system properties
 * {@code rubricc.bench.lines}, {@code rubricc.bench.rounds}.
 */
public final class MigrateBenchmark {
    private MigrateBenchmark() {}

    public static void main(String[] args) throws Exception {
        int lines = Integer.getInteger("rubricc.bench.lines", 1_000_000);
        int rounds = Integer.getInteger("rubricc.bench.rounds", 5);
        run(lines, rounds, Path.of("target/bench/image-edit-1.x-" + lines + ".jsonl"), System.out);
    }

    public static void run(int lines, int rounds, Path file, PrintStream out) throws Exception {
        if (!Files.exists(file)) write(lines, file);
        Path dir = file.toAbsolutePath().getParent();
        String[] validate = {"validate", "rubrics/image-edit", file.toString()};
        // To 1.1.0 most ratings are carried whole (and proven); to 2.0.0 every one has a new required question to answer.
        String[] to110 = {"migrate", "--to", "rubrics/image-edit/1.1.0.rubric", file.toString(), "-o", dir.resolve("to-1.1.0").toString()};
        String[] to200 = {"migrate", "--to", "rubrics/image-edit/2.0.0.rubric", file.toString(), "-o", dir.resolve("to-2.0.0").toString()};
        out.printf(Locale.ROOT, "rubricc migrate benchmark: %,d ratings (image-edit 1.0.0 and 1.1.0, half each) in %s (%,d bytes)%n",
                lines, file, Files.size(file));
        out.printf(Locale.ROOT, "JVM %s, %d cores, max heap %,d MB%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        time(validate);
        time(to110);
        time(to200); // warm-up
        List<Double> v = new ArrayList<>(), a = new ArrayList<>(), b = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            v.add(time(validate));
            a.add(time(to110));
            b.add(time(to200));
            out.printf(Locale.ROOT, "round %d: validate %.2f s, migrate to 1.1.0 %.2f s, migrate to 2.0.0 %.2f s%n", r + 1,
                    v.get(r), a.get(r), b.get(r));
        }
        double mv = median(v), ma = median(a), mb = median(b);
        out.printf(Locale.ROOT, "median: validate %.2f s (%,.0f ratings/s)%n", mv, lines / mv);
        out.printf(Locale.ROOT, "        migrate to 1.1.0 %.2f s (%,.0f ratings/s): %.2fx the time of validate%n", ma, lines / ma, ma / mv);
        out.printf(Locale.ROOT, "        migrate to 2.0.0 %.2f s (%,.0f ratings/s): %.2fx the time of validate%n", mb, lines / mb, mb / mv);
        for (String to : List.of("to-1.1.0", "to-2.0.0")) {
            StringBuilder sizes = new StringBuilder("  " + to + ":");
            for (String f : List.of("migrated.jsonl", "rerate.jsonl", "rejected.jsonl", "dropped.jsonl")) {
                sizes.append(String.format(Locale.ROOT, " %s %,d bytes", f, Files.size(dir.resolve(to).resolve(f))));
            }
            out.println(sizes);
        }
    }

    private static double time(String[] args) {
        PrintWriter sink = new PrintWriter(Writer.nullWriter());
        long t = System.nanoTime();
        int status = Main.run(args, sink, sink);
        double seconds = (System.nanoTime() - t) / 1e9;
        if (status == 2) throw new IllegalStateException("rubricc " + String.join(" ", args) + " failed");
        return seconds;
    }

    private static double median(List<Double> xs) {
        double[] s = xs.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    static void write(int lines, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Frontend frontend = new Frontend(Path.of("rubrics"));
        Rubric[] versions = {
            frontend.check(Path.of("rubrics/image-edit/1.0.0.rubric")).rubric().orElseThrow(),
            frontend.check(Path.of("rubrics/image-edit/1.1.0.rubric")).rubric().orElseThrow()};
        SubmissionGenerator[] generators = {new SubmissionGenerator(versions[0], 1), new SubmissionGenerator(versions[1], 2)};
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            for (int written = 0; written < lines; ) {
                var rating = generators[written % 2].valid();
                if (rating.isEmpty()) continue;
                w.write(rating.get().toString());
                w.write('\n');
                written++;
            }
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
