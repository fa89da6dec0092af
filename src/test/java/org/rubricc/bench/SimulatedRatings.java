package org.rubricc.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Ratings of image-edit (1.1.0 or 2.0.0) by simulated raters, valid under their version: each item has a
 * latent truth, each rater a noise level, a bias and a chance to pick a wrong category, so agreement is
 * realistic and differs between raters. Under 1.1.0 raters confuse adherence's points 1 to 3 more (what
 * 2.0.0 fixed by merging "Weak" into "Ignored"). Used by the agreement benchmark and to make the bundled
 * example ratings; the same arguments give the same bytes.
 */
public final class SimulatedRatings {
    static final String[] FEASIBILITY = {"feasible", "partial", "infeasible"};
    static final String[] HARMS = {"violence", "sexual", "hate", "self_harm", "real_person", "other"};
    static final String WHY = "The requested change is missing or clearly wrong in the edited image.";

    /** A simulated rater: noise on ordinal answers, bias, and the chance of a wrong category or yes/no. */
    public record Rater(String id, double noise, double bias, double slip) {}

    private final String version;
    private final long seed;

    public SimulatedRatings(String version, long seed) {
        this.version = version;
        this.seed = seed;
    }

    /** Raters r-001 ..: most careful, some less so, one in twenty careless. */
    public static List<Rater> raters(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Rater> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int kind = i % 20 == 19 ? 2 : i % 5 == 4 ? 1 : 0;
            double noise = new double[] {0.45, 0.75, 1.4}[kind] + random.nextDouble() * 0.1;
            double slip = new double[] {0.03, 0.08, 0.25}[kind];
            out.add(new Rater(String.format("r-%03d", i + 1), noise, random.nextGaussian() * 0.15, slip));
        }
        return out;
    }

    /** The careful reference rater whose answers serve as gold. */
    public static Rater gold() {
        return new Rater("gold", 0.2, 0, 0.005);
    }

    /** Writes one rating line of {@code rater} for item number {@code item} (named {@code itemId}). */
    public void write(Writer out, Rater rater, int item, String itemId) throws IOException {
        SplittableRandom truth = new SplittableRandom(seed * 1_000_003L + item);
        SplittableRandom r = new SplittableRandom((seed * 1_000_003L + item) * 31 + rater.id().hashCode());
        boolean v2 = version.startsWith("2.");
        // the item's truth
        double f = truth.nextDouble();
        int feasibility = f < 0.8 ? 0 : f < 0.94 ? 1 : 2;
        boolean unsafe = truth.nextDouble() < 0.05;
        int harm = truth.nextInt(HARMS.length);
        boolean identical = truth.nextDouble() < 0.03;
        boolean style = truth.nextDouble() < 0.2;
        boolean character = truth.nextDouble() < 0.5;
        boolean text = truth.nextDouble() < 0.3;
        boolean removed = truth.nextDouble() < 0.08;
        double quality = 1 + 4 * Math.pow(truth.nextDouble(), 0.7);
        double adherence5 = identical ? 1 : Math.min(5, Math.max(1, quality + truth.nextGaussian() * 0.6));
        double[] dims = new double[5];
        for (int i = 0; i < dims.length; i++) dims[i] = Math.min(5, Math.max(1, quality + truth.nextGaussian() * 0.5));
        // the rater's answers
        int feas = r.nextDouble() < rater.slip() ? (feasibility + 1 + r.nextInt(2)) % 3 : feasibility;
        boolean uns = r.nextDouble() < rater.slip() / 2 ? !unsafe : unsafe;
        boolean ident = r.nextDouble() < rater.slip() / 3 ? !identical : identical;
        boolean sty = r.nextDouble() < rater.slip() ? !style : style;
        boolean chr = r.nextDouble() < rater.slip() ? !character : character;
        boolean txt = r.nextDouble() < rater.slip() ? !text : text;
        StringBuilder a = new StringBuilder(), j = new StringBuilder();
        field(a, "feasibility", "\"" + FEASIBILITY[feas] + "\"");
        if (feas == 2) field(j, "feasibility", "\"" + WHY + "\"");
        field(a, "unsafe", Boolean.toString(uns));
        if (uns) {
            field(j, "unsafe", "\"" + WHY + "\"");
            int h = r.nextDouble() < rater.slip() * 2 ? r.nextInt(HARMS.length) : harm;
            String kinds = "\"" + HARMS[h] + "\"";
            if (r.nextDouble() < 0.3) {
                int second = (h + 1 + r.nextInt(HARMS.length - 1)) % HARMS.length;
                kinds += ",\"" + HARMS[second] + "\"";
            }
            field(a, "harm_kinds", "[" + kinds + "]");
        }
        field(a, "identical", Boolean.toString(ident));
        field(a, "style_change", Boolean.toString(sty));
        field(a, "character_present", Boolean.toString(chr));
        if (v2) field(a, "text_present", Boolean.toString(txt));
        int overallCap = uns ? 2 : 5;
        if (feas != 2) {
            int adh;
            if (ident) adh = 1;
            else if (v2) adh = point(Math.max(1, adherence5 - 1), rater, r, 4);
            else adh = point(adherence5, new Rater(rater.id(), rater.noise() + 0.35, rater.bias(), rater.slip()), r, 5);
            field(a, "adherence", Integer.toString(adh));
            if (adh <= 2 || feas == 1) field(j, "adherence", "\"" + WHY + "\"");
            int structure = point(dims[0], rater, r, 5);
            String sid = v2 ? "structural_integrity" : "structure";
            field(a, sid, Integer.toString(structure));
            if (structure <= 2) field(j, sid, "\"" + WHY + "\"");
            field(a, "preservation", Integer.toString(point(dims[1], rater, r, 5)));
            field(a, "visual_quality", Integer.toString(point(dims[2], rater, r, 5)));
            if (sty) field(a, "style_alignment", Integer.toString(point(dims[3], rater, r, 5)));
            if (v2 && txt) {
                int t = point(dims[4], rater, r, 5);
                field(a, "text_rendering", Integer.toString(t));
                if (t <= 2) field(j, "text_rendering", "\"" + WHY + "\"");
            }
            if (chr && !(v2 && ident)) {
                boolean na = removed ? r.nextDouble() > rater.slip() * 2 : r.nextDouble() < rater.slip() / 2;
                field(a, "character_consistency", na ? "\"n/a\"" : Integer.toString(point(dims[4], rater, r, 5)));
            }
        }
        int overall = Math.min(overallCap, point(feas == 2 ? 1.5 : quality, rater, r, 5));
        field(a, "overall", Integer.toString(overall));
        if (overall <= 2) field(j, "overall", "\"" + WHY + "\"");
        if (r.nextDouble() < 0.02) field(a, "novel_case", "\"An instruction in two languages at once; I rated the English part.\"");
        out.write("{\"rubric\":\"image-edit\",\"version\":\"" + version + "\",\"item\":\"" + itemId + "\",\"rater\":\""
                + rater.id() + "\",\"answers\":{" + a + "}" + (j.length() > 0 ? ",\"justifications\":{" + j + "}" : "") + "}\n");
    }

    private static int point(double latent, Rater rater, SplittableRandom r, int max) {
        long v = Math.round(latent + rater.bias() + r.nextGaussian() * rater.noise());
        return (int) Math.min(max, Math.max(1, v));
    }

    private static void field(StringBuilder b, String key, String json) {
        if (b.length() > 0) b.append(',');
        b.append('"').append(key).append("\":").append(json);
    }

    /**
     * Writes {@code ratings} ratings by {@code raters} raters on {@code items} items of 2.0.0: each item is rated by
     * {@code ratings / items} raters, taken in turn, so every rater rates about as many items as the others.
     */
    public static void write(Path file, int ratings, int raterCount, int items, long seed) throws IOException {
        List<Rater> raters = raters(raterCount, seed);
        SimulatedRatings sim = new SimulatedRatings("2.0.0", seed);
        int perItem = ratings / items;
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            int next = 0;
            for (int i = 0; i < items; i++) {
                for (int k = 0; k < perItem; k++) {
                    sim.write(out, raters.get(next), i, String.format("item-%06d", i));
                    next = (next + 1) % raterCount;
                }
            }
        }
    }
}
