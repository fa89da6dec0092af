package org.rubricc.bench;

import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.rubricc.cli.Main;

/**
 * The benchmark of {@code rubricc agree} (README, "`rubricc agree`"): writes (once) simulated ratings of image-edit
 * 2.0.0 — by default 1,000,000 ratings by 200 raters on 50,000 items, and gold answers for 1,000 of the items —
 * then times whole runs of {@code rubricc agree} in this JVM (reading and judging every line, alpha, 1,000
 * bootstrap resamples per dimension, raters against gold, the JSON report), first without the bootstrap, then
 * as shipped, and reports the heap's peak. Run: {@code mvn -B -q test-compile exec:exec@agree-bench}.
 */
public final class AgreeBenchmark {
    private AgreeBenchmark() {}

    public static void main(String[] args) throws Exception {
        int ratings = Integer.getInteger("rubricc.bench.ratings", 1_000_000);
        int raters = Integer.getInteger("rubricc.bench.raters", 200);
        int items = Integer.getInteger("rubricc.bench.items", 50_000);
        Path file = Path.of("target/bench/agree-" + ratings + "-" + raters + "-" + items + ".jsonl");
        Path gold = Path.of("target/bench/agree-gold-" + items + ".jsonl");
        if (!Files.exists(file)) SimulatedRatings.write(file, ratings, raters, items, 7);
        if (!Files.exists(gold)) {
            SimulatedRatings sim = new SimulatedRatings("2.0.0", 7);
            try (BufferedWriter out = Files.newBufferedWriter(gold, StandardCharsets.UTF_8)) {
                for (int i = 0; i < Math.min(1000, items); i++) sim.write(out, SimulatedRatings.gold(), i, String.format("item-%06d", i));
            }
        }
        Runtime rt = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "rubricc agree benchmark: %,d ratings by %,d raters on %,d items in %s (%,d bytes), gold for %,d items%n",
                ratings, raters, items, file, Files.size(file), Math.min(1000, items));
        System.out.printf(Locale.ROOT, "machine: %d cores, %s %s, max heap %,d MiB%n", rt.availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"), rt.maxMemory() >> 20);
        Path report = Path.of("target/bench/agree-report.json");
        for (String bootstrap : new String[] {"0", "1000", "1000"}) {
            System.gc();
            resetPeaks();
            long start = System.nanoTime(), cpuStart = cpu();
            StringWriter err = new StringWriter();
            int status = Main.run(new String[] {"agree", "rubrics/image-edit/2.0.0.rubric", file.toString(), "--gold", gold.toString(),
                    "--format", "json", "-o", report.toString(), "--bootstrap", bootstrap}, new PrintWriter(new StringWriter()),
                    new PrintWriter(err));
            double seconds = (System.nanoTime() - start) / 1e9, cpuSeconds = (cpu() - cpuStart) / 1e9;
            System.out.printf(Locale.ROOT, "bootstrap %4s: %6.1f s wall, %,9.0f ratings/s; %6.1f s CPU (all threads, GC included); "
                    + "heap peak %,d MiB; exit %d%n", bootstrap, seconds, ratings / seconds, cpuSeconds, peakHeap() >> 20, status);
            if (status == 2) System.out.print(err);
        }
        compareWithDkpro(file, raters, items);
    }

    /**
     * One estimate of alpha for `overall` (ordinal) on the same ratings: rubricc's {@code Alpha} against DKPro
     * Statistics' {@code KrippendorffAlphaAgreement}, each timed after two warm-up runs. The bootstrap needs a thousand
     * such estimates per dimension; rubricc's are counted from patterns of values, DKPro's would each be a new study.
     */
    static void compareWithDkpro(Path file, int raters, int items) throws Exception {
        int[][] values = new int[items][raters];
        for (int[] row : values) java.util.Arrays.fill(row, -1);
        java.util.Map<String, Integer> raterIds = new java.util.HashMap<>();
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        try (java.io.BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                com.fasterxml.jackson.databind.JsonNode n = mapper.readTree(line);
                int item = Integer.parseInt(n.get("item").asText().substring("item-".length()));
                int rater = raterIds.computeIfAbsent(n.get("rater").asText(), k -> raterIds.size());
                values[item][rater] = n.get("answers").get("overall").asInt() - 1;
            }
        }
        double ours = 0, theirs = 0;
        long oursNanos = 0, theirsNanos = 0;
        for (int round = 0; round < 3; round++) {
            long t = System.nanoTime();
            org.rubricc.agree.Alpha.Builder b = org.rubricc.agree.Alpha.builder(org.rubricc.agree.Alpha.Level.ORDINAL, 5);
            for (int v = 0; v < 5; v++) b.number(v, v + 1);
            int[] unit = new int[raters];
            for (int[] row : values) {
                int m = 0;
                for (int x : row) if (x >= 0) unit[m++] = x;
                b.unit(unit, 0, m);
            }
            ours = b.build().estimate().alpha();
            oursNanos = System.nanoTime() - t;
            t = System.nanoTime();
            org.dkpro.statistics.agreement.coding.CodingAnnotationStudy study =
                    new org.dkpro.statistics.agreement.coding.CodingAnnotationStudy(raters);
            for (int[] row : values) {
                Object[] o = new Object[raters];
                for (int r = 0; r < raters; r++) o[r] = row[r] < 0 ? null : Integer.valueOf(row[r] + 1);
                study.addItemAsArray(o);
            }
            theirs = new org.dkpro.statistics.agreement.coding.KrippendorffAlphaAgreement(study,
                    new org.dkpro.statistics.agreement.distance.OrdinalDistanceFunction()).calculateAgreement();
            theirsNanos = System.nanoTime() - t;
        }
        System.out.printf(Locale.ROOT, "one estimate of alpha for overall (ordinal, %,d items): rubricc %.3f in %,d ms, "
                + "DKPro Statistics %.3f in %,d ms%n", items, ours, oursNanos / 1_000_000, theirs, theirsNanos / 1_000_000);
    }

    /** CPU time of this JVM so far, all threads: on a shared machine the wall time says more about the neighbours. */
    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) if (p.getType() == MemoryType.HEAP) p.resetPeakUsage();
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) sum += p.getPeakUsage().getUsed();
        }
        return sum;
    }
}
