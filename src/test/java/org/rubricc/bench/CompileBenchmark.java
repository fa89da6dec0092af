package org.rubricc.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rubricc.backend.GeneratedFile;
import org.rubricc.backend.Target;
import org.rubricc.backend.Targets;
import org.rubricc.check.Compilation;
import org.rubricc.check.Frontend;
import org.rubricc.model.Rubric;

/**
 * How long {@code rubricc compile} (every target) takes on synthetic rubrics ({@link SyntheticRubric}) of
 * 1,000, 2,000 and 5,000 dimensions (README, "Benchmark"). Two parts:
 *
 * <ul>
 *   <li>the command as a user runs it: a fresh JVM per run, with the launcher's settings for compile ({@code -Xms1g -Xmx1g
 *       -XX:+UseParallelGC -XX:MaxTenuringThreshold=1 -XX:TieredStopAtLevel=1}, and transparent huge pages where the kernel gives them on request), the sizes in turns, round after round; the median wall time counts, and a run that
 *       needs more than the 1 GiB heap fails;
 *   <li>in this JVM, after a warm-up: the check and each target in turn, with the heap's peak, so that the
 *       stage whose time grows faster than the rubric shows.
 * </ul>
 *
 * <p>{@code mvn -B -q test-compile exec:exec@bench-compile} ({@code -Dbench.rounds=N}); run directly, the system
 * properties {@code rubricc.bench.sizes} (comma-separated) and {@code rubricc.bench.rounds}.
 */
public final class CompileBenchmark {
    private CompileBenchmark() {}

    /** The JVM options of the launcher, src/main/sh/rubricc, for the commands that go through ratings (validate). */
    static final List<String> LAUNCHER_OPTIONS = withHugePages("-Xmx1g", "-XX:+UseSerialGC");
    /** The launcher's JVM options for compile: the parallel collector, promoting at once, the quick compiler only. */
    static final List<String> COMPILE_OPTIONS = withHugePages("-Xms1g", "-Xmx1g", "-XX:+UseParallelGC",
            "-XX:MaxTenuringThreshold=1", "-XX:TieredStopAtLevel=1");

    /** The options, and transparent huge pages where the kernel gives them on request, as the launcher asks. */
    static List<String> withHugePages(String... options) {
        List<String> out = new ArrayList<>(List.of(options));
        try {
            if (Files.readString(Path.of("/sys/kernel/mm/transparent_hugepage/enabled")).contains("[madvise]")) {
                out.add("-XX:+UseTransparentHugePages");
            }
        } catch (IOException | RuntimeException e) {
            // no such file (not Linux, or a kernel without them): the launcher does not ask either
        }
        return List.copyOf(out);
    }

    public static void main(String[] args) throws Exception {
        String sizes = System.getProperty("rubricc.bench.sizes", "1000,2000,5000");
        int rounds = Integer.getInteger("rubricc.bench.rounds", 3);
        run(Arrays.stream(sizes.split(",")).map(String::strip).mapToInt(Integer::parseInt).toArray(), rounds,
                Path.of("target/bench/compile"), System.out);
    }

    public static void run(int[] sizes, int rounds, Path dir, PrintStream out) throws Exception {
        Files.createDirectories(dir);
        out.printf(Locale.ROOT, "rubricc compile benchmark: %d cores, %s %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.vm.version"));
        Path[] files = new Path[sizes.length];
        for (int i = 0; i < sizes.length; i++) {
            files[i] = dir.resolve("synthetic-" + sizes[i] + ".rubric");
            Files.writeString(files[i], SyntheticRubric.of(sizes[i]));
        }

        out.printf(Locale.ROOT, "%nrubricc compile FILE -o OUT (all targets), a fresh JVM each run with %s, median of %d rounds:%n",
                String.join(" ", COMPILE_OPTIONS), rounds);
        Run[][] runs = new Run[sizes.length][rounds];
        for (int r = 0; r < rounds; r++) {
            StringBuilder line = new StringBuilder("round " + (r + 1) + ":");
            for (int i = 0; i < sizes.length; i++) {
                runs[i][r] = command(files[i], dir.resolve("out-" + sizes[i]));
                line.append(String.format(Locale.ROOT, "  %d dims %.2f s (cpu %.2f s)", sizes[i], runs[i][r].wall(), runs[i][r].cpu()));
            }
            out.println(line);
        }
        out.printf(Locale.ROOT, "%8s %10s %10s %12s %15s%n", "dims", "wall s", "cpu s", "cpu ms/dim", "peak heap MiB");
        double previous = 0;
        for (int i = 0; i < sizes.length; i++) {
            double wall = median(Arrays.stream(runs[i]).mapToDouble(Run::wall).toArray());
            double cpu = median(Arrays.stream(runs[i]).mapToDouble(Run::cpu).toArray());
            long heap = Arrays.stream(runs[i]).mapToLong(Run::heapMiB).max().orElse(0);
            out.printf(Locale.ROOT, "%8d %10.2f %10.2f %12.3f %15d%s%n", sizes[i], wall, cpu, cpu * 1000 / sizes[i], heap,
                    i == 0 ? "" : String.format(Locale.ROOT, "   %.1fx the cpu time for %.1fx the dimensions", cpu / previous,
                            (double) sizes[i] / sizes[i - 1]));
            previous = cpu;
        }

        out.printf(Locale.ROOT, "%nin one JVM (max heap %,d MiB), after a warm-up, median of %d rounds, ms:%n",
                Runtime.getRuntime().maxMemory() >> 20, rounds);
        List<Target> targets = Targets.all();
        List<String> stages = new ArrayList<>(List.of("check"));
        targets.forEach(t -> stages.add(t.name()));
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%8s", "dims"));
        for (String s : stages) head.append(String.format(Locale.ROOT, " %9s", s));
        out.println(head.append(String.format(Locale.ROOT, " %9s %13s", "total", "peak heap MiB")));
        inProcess(files[0], targets); // warm-up
        for (int i = 0; i < sizes.length; i++) {
            Map<String, double[]> ms = new LinkedHashMap<>();
            stages.forEach(s -> ms.put(s, new double[rounds]));
            long peak = 0;
            for (int r = 0; r < rounds; r++) {
                resetPeaks();
                Map<String, Double> one = inProcess(files[i], targets);
                peak = Math.max(peak, peakHeap());
                for (String s : stages) ms.get(s)[r] = one.get(s);
            }
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%8d", sizes[i]));
            double total = 0;
            for (String s : stages) {
                double m = median(ms.get(s));
                total += m;
                row.append(String.format(Locale.ROOT, " %9.0f", m));
            }
            out.println(row.append(String.format(Locale.ROOT, " %9.0f %13d", total, peak >> 20)));
        }
    }

    /** Wall and CPU seconds of one run of the command, and the peak of the heap used (MiB). */
    record Run(double wall, double cpu, long heapMiB) {}

    /** One run of the command in a fresh JVM with the launcher's options, through {@link Child}. */
    private static Run command(Path rubric, Path outDir) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(COMPILE_OPTIONS);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Child.class.getName(), "compile", rubric.toString(),
                "-o", outDir.toString()));
        long t = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        int status = p.waitFor();
        double s = (System.nanoTime() - t) / 1e9;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^bench: cpu ([0-9.]+) s, heap (\\d+) MiB$").matcher(output);
        if (status != 0 || !m.find()) throw new IllegalStateException("compile " + rubric + " exited " + status + ":\n" + output);
        return new Run(s, Double.parseDouble(m.group(1)), Long.parseLong(m.group(2)));
    }

    /**
     * rubricc's command line, as {@code Main.main} runs it, then the CPU time of the whole process (JIT and
     * collector threads included) and the peak of the heap used: what a machine busy with other work changes least.
     */
    public static final class Child {
        public static void main(String[] args) {
            java.io.PrintWriter err = new java.io.PrintWriter(System.err, true);
            int status = org.rubricc.cli.Main.run(args, new java.io.PrintWriter(System.out, true), err);
            double cpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
            err.printf(Locale.ROOT, "bench: cpu %.2f s, heap %d MiB%n", cpu, peakHeap() >> 20);
            System.exit(status);
        }
    }

    /** The check and every target on one rubric; ms per stage. */
    public static Map<String, Double> inProcess(Path file, List<Target> targets) {
        Map<String, Double> ms = new LinkedHashMap<>();
        long t = System.nanoTime();
        Compilation c = new Frontend(file.getParent()).check(file);
        ms.put("check", (System.nanoTime() - t) / 1e6);
        Rubric r = c.rubric().orElseThrow(() -> new IllegalStateException(file + " does not check: " + c.diagnostics()));
        long bytes = 0;
        for (Target target : targets) {
            t = System.nanoTime();
            for (GeneratedFile g : target.generate(r, List.of(r), Target.Options.DEFAULT)) bytes += g.content().length;
            for (GeneratedFile g : target.generateHistory(List.of(r), Target.Options.DEFAULT)) bytes += g.content().length;
            ms.put(target.name(), (System.nanoTime() - t) / 1e6);
        }
        if (bytes == 0) throw new IllegalStateException("no output");
        return ms;
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) if (p.getType() == MemoryType.HEAP) p.resetPeakUsage();
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) if (p.getType() == MemoryType.HEAP) sum += p.getPeakUsage().getUsed();
        return sum;
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
