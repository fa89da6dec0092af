package org.rubricc.agree;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.rubricc.agree.Ratings.Column;
import org.rubricc.agree.Ratings.VersionData;
import org.rubricc.backend.Sentences;
import org.rubricc.diff.Change;
import org.rubricc.diff.Diff;
import org.rubricc.model.Dimension;
import org.rubricc.model.Scale;

/** Computes the report from the ratings read: alpha per dimension and version, across versions, and against gold. */
public final class Agreement {
    /** How many confused pairs of values are reported per dimension. */
    static final int CONFUSED_PAIRS = 3;
    /** Alpha against gold is computed for a rater and dimension only on at least this many compared answers. */
    public static final int MIN_GOLD_COMPARED = 10;
    /** How many items are listed for a rater below the threshold. */
    static final int DIFFERENCES = 3;

    private Agreement() {}

    public static Report compute(Ratings data, Report.Settings settings) {
        List<Report.VersionReport> versions = new ArrayList<>();
        Map<String, List<Report.DimensionReport>> byVersion = new HashMap<>();
        List<VersionData> rated = data.versions.values().stream().filter(v -> v.ratingCount > 0).toList();
        for (VersionData v : rated) {
            List<Report.DimensionReport> dims = IntStream.range(0, v.columns.size()).parallel()
                    .mapToObj(i -> dimension(v, v.columns.get(i), data.items.size(), settings)).toList();
            byVersion.put(v.rubric.version().toString(), dims);
            BitSet raters = new BitSet();
            for (int r = 0; r < v.ratingCount; r++) raters.set(v.rater.get(r));
            versions.add(new Report.VersionReport(v.rubric.version().toString(), v.ratingCount, raters.cardinality(),
                    v.ratedItems.cardinality(), dims, v.textDimensions.stream().map(Dimension::title).toList()));
        }
        List<Report.Comparison> comparisons = new ArrayList<>();
        for (int i = 0; i + 1 < rated.size(); i++) comparisons.add(compare(rated.get(i), rated.get(i + 1), byVersion));
        Optional<Report.GoldReport> gold = Optional.empty();
        if (data.goldFile != null) {
            List<Report.RaterReport> raters = new ArrayList<>();
            for (VersionData v : rated) raters.addAll(gold(data, v, settings.threshold()));
            raters.sort(Comparator.comparing(Report.RaterReport::rater).thenComparing(r -> data.versions.keySet().stream()
                    .toList().indexOf(r.version())));
            gold = Optional.of(new Report.GoldReport(data.goldFile, data.goldLines, data.goldLeftOut, raters));
        }
        List<Ratings.LeftOut> leftOut = new ArrayList<>(data.leftOut);
        List<String> order = new ArrayList<>(data.files);
        if (data.goldFile != null) order.add(data.goldFile);
        leftOut.sort(Comparator.comparingInt((Ratings.LeftOut l) -> order.indexOf(l.file())).thenComparingLong(Ratings.LeftOut::line));
        return new Report(data.rubricId, data.rubricTitle, List.copyOf(data.files), data.lines, settings, versions, comparisons,
                gold, leftOut, data.leftOutTotal);
    }

    // ---------------------------------------------------------------------------------------------
    // One dimension
    // ---------------------------------------------------------------------------------------------

    /** Alpha of the column: its values grouped by item (a counting sort), one unit per item. */
    static Alpha alpha(VersionData v, Column c, int itemCount) {
        int n = c.value.size;
        int[] start = new int[itemCount + 1];
        for (int j = 0; j < n; j++) start[v.item.get(c.rating.get(j)) + 1]++;
        for (int i = 0; i < itemCount; i++) start[i + 1] += start[i];
        int[] fill = Arrays.copyOf(start, itemCount);
        int[] grouped = new int[n];
        for (int j = 0; j < n; j++) grouped[fill[v.item.get(c.rating.get(j))]++] = c.value.get(j);
        Alpha.Builder b = c.builder();
        for (int i = 0; i < itemCount; i++) b.unit(grouped, start[i], start[i + 1]);
        return b.build();
    }

    private static Report.DimensionReport dimension(VersionData v, Column c, int itemCount, Report.Settings s) {
        Alpha alpha = alpha(v, c, itemCount);
        Alpha.Estimate e = alpha.estimate();
        long seed = s.seed() ^ (31L * v.rubric.version().toString().hashCode() + c.dimension.id().hashCode());
        double[] ci = Alpha.percentileInterval(alpha.bootstrap(s.bootstrap(), seed), s.confidence());
        long[] counts = new long[c.values.size()];
        for (int j = 0; j < c.value.size; j++) counts[c.value.get(j)]++;
        List<Integer> shown = displayOrder(c);
        List<Report.Count> distribution = new ArrayList<>();
        for (int id : shown) distribution.add(new Report.Count(label(c, id), counts[id]));
        return new Report.DimensionReport(c.dimension.id(), c.dimension.title(), c.level.label(), e.alpha(),
                ci.length == 2 ? ci[0] : Double.NaN, ci.length == 2 ? ci[1] : Double.NaN, e.units(),
                Math.round(e.pairableValues()), c.value.size, c.notApplicable, distribution, confused(c, alpha));
    }

    /** Values in the order a reader expects: the scale's order; numbers ascending; sets by size, then choice order. */
    static List<Integer> displayOrder(Column c) {
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < c.values.size(); i++) ids.add(i);
        if (c.level == Alpha.Level.INTERVAL) {
            ids.sort(Comparator.comparingDouble(i -> c.numbers.get(i)[0]));
        } else if (c.level == Alpha.Level.MASI) {
            ids.sort(Comparator.comparingInt((Integer i) -> c.choices(i).size()).thenComparing(i -> c.sets.get(i),
                    Agreement::compareBits));
        }
        return ids;
    }

    private static int compareBits(long[] a, long[] b) {
        // lower choices first: compare the bit patterns as choice lists
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) return Long.compareUnsigned(Long.reverse(b[i]), Long.reverse(a[i]));
        }
        return 0;
    }

    /** A value as the rater saw it: "2 – Partial", "Infeasible", "Yes", a number, or the chosen labels. */
    static String label(Column c, int id) {
        if (c.level == Alpha.Level.MASI) {
            List<Scale.Choice> chosen = c.choices(id);
            return chosen.isEmpty() ? "(none)" : String.join(" + ", chosen.stream().map(Scale.Choice::label).toList());
        }
        return Sentences.label(c.dimension, c.values.get(id));
    }

    private static List<Report.Confusion> confused(Column c, Alpha alpha) {
        Map<Long, Double> pairs = new HashMap<>();
        double total = 0;
        for (Alpha.Cell cell : alpha.coincidences()) {
            if (cell.c() == cell.k()) continue;
            total += cell.count();
            int a = Math.min(cell.c(), cell.k()), b = Math.max(cell.c(), cell.k());
            pairs.merge(((long) a << 32) | b, cell.count(), Double::sum);
        }
        List<Integer> order = displayOrder(c);
        int[] position = new int[c.values.size()];
        for (int i = 0; i < order.size(); i++) position[order.get(i)] = i;
        List<Map.Entry<Long, Double>> sorted = new ArrayList<>(pairs.entrySet());
        sorted.sort(Comparator.comparing((Map.Entry<Long, Double> e) -> -e.getValue())
                .thenComparingInt(e -> position[(int) (e.getKey() >>> 32)])
                .thenComparingInt(e -> position[(int) (long) e.getKey()]));
        List<Report.Confusion> out = new ArrayList<>();
        for (Map.Entry<Long, Double> e : sorted.subList(0, Math.min(CONFUSED_PAIRS, sorted.size()))) {
            int a = (int) (e.getKey() >>> 32), b = (int) (long) e.getKey();
            if (position[a] > position[b]) {
                int t = a;
                a = b;
                b = t;
            }
            out.add(new Report.Confusion(label(c, a), label(c, b), e.getValue(), e.getValue() / total));
        }
        return out;
    }

    // ---------------------------------------------------------------------------------------------
    // Across versions
    // ---------------------------------------------------------------------------------------------

    private static Report.Comparison compare(VersionData o, VersionData n, Map<String, List<Report.DimensionReport>> byVersion) {
        Map<String, String> matched = Diff.matchedDimensions(o.rubric, n.rubric);
        List<Change> changes = Diff.between(o.rubric, n.rubric).changes();
        Map<String, Report.DimensionReport> olds = new HashMap<>(), news = new HashMap<>();
        byVersion.get(o.rubric.version().toString()).forEach(d -> olds.put(d.id(), d));
        byVersion.get(n.rubric.version().toString()).forEach(d -> news.put(d.id(), d));
        List<Report.ComparisonRow> rows = new ArrayList<>();
        for (Map.Entry<String, String> m : matched.entrySet()) {
            Report.DimensionReport a = olds.get(m.getKey()), b = news.get(m.getValue());
            if (a == null || b == null) continue; // free text
            Set<String> rules = new LinkedHashSet<>();
            for (Change ch : changes) {
                if (at(ch.path(), m.getValue()) || at(ch.path(), m.getKey())) rules.add(ch.rule().id());
            }
            rows.add(new Report.ComparisonRow(m.getKey(), m.getValue(), b.title(), b.level(), a.alpha(), a.lo(), a.hi(),
                    b.alpha(), b.lo(), b.hi(), List.copyOf(rules)));
        }
        return new Report.Comparison(o.rubric.version().toString(), n.rubric.version().toString(), rows);
    }

    private static boolean at(String path, String dimensionId) {
        String p = "dimension:" + dimensionId;
        return path.equals(p) || path.startsWith(p + "/");
    }

    // ---------------------------------------------------------------------------------------------
    // Against gold
    // ---------------------------------------------------------------------------------------------

    private static List<Report.RaterReport> gold(Ratings data, VersionData v, double threshold) {
        if (v.gold.isEmpty()) return List.of();
        int raterCount = data.raters.size();
        int[] goldItems = new int[raterCount];
        BitSet present = new BitSet();
        for (int r = 0; r < v.ratingCount; r++) {
            if (v.gold.containsKey(v.item.get(r))) {
                goldItems[v.rater.get(r)]++;
                present.set(v.rater.get(r));
            }
        }
        // per column, per rater: compared, exact, within one, and the pairs for alpha
        int columns = v.columns.size();
        Report.RaterDimension[][] dims = new Report.RaterDimension[raterCount][columns];
        for (int ci = 0; ci < columns; ci++) {
            Column c = v.columns.get(ci);
            int[] compared = new int[raterCount], exact = new int[raterCount], within = new int[raterCount];
            Map<Integer, Ratings.IntList> pairs = new HashMap<>();
            for (int j = 0; j < c.value.size; j++) {
                int r = c.rating.get(j);
                Ratings.Gold g = v.gold.get(v.item.get(r));
                if (g == null || g.values()[ci] < 0) continue;
                int rater = v.rater.get(r), rv = c.value.get(j), gv = g.values()[ci];
                compared[rater]++;
                if (rv == gv) exact[rater]++;
                if (c.level == Alpha.Level.ORDINAL && Math.abs(c.rank(rv) - c.rank(gv)) <= 1) within[rater]++;
                Ratings.IntList l = pairs.computeIfAbsent(rater, k -> new Ratings.IntList());
                l.add(rv);
                l.add(gv);
            }
            for (int rater = present.nextSetBit(0); rater >= 0; rater = present.nextSetBit(rater + 1)) {
                double a = Double.NaN;
                Ratings.IntList l = pairs.get(rater);
                if (l != null && compared[rater] >= MIN_GOLD_COMPARED) {
                    Alpha.Builder b = c.builder();
                    for (int i = 0; i < l.size; i += 2) b.unit(l.a, i, i + 2);
                    a = b.build().estimate().alpha();
                }
                dims[rater][ci] = new Report.RaterDimension(c.dimension.id(), c.dimension.title(), compared[rater], exact[rater],
                        c.level == Alpha.Level.ORDINAL ? within[rater] : -1, a);
            }
        }
        boolean[] below = new boolean[raterCount];
        for (int rater = present.nextSetBit(0); rater >= 0; rater = present.nextSetBit(rater + 1)) {
            for (Report.RaterDimension d : dims[rater]) below[rater] |= !Double.isNaN(d.alpha()) && d.alpha() < threshold;
        }
        Map<Integer, List<Report.Difference>> differences = differences(data, v, below);
        List<Report.RaterReport> out = new ArrayList<>();
        for (int rater = present.nextSetBit(0); rater >= 0; rater = present.nextSetBit(rater + 1)) {
            out.add(new Report.RaterReport(data.raters.name(rater), v.rubric.version().toString(), goldItems[rater], List.of(dims[rater]),
                    below[rater], differences.getOrDefault(rater, List.of())));
        }
        return out;
    }

    /**
     * For each rater below the threshold, the items where they differ most from gold: each answer's distance from
     * gold, 0 to 1, summed over dimensions. One pass over the answers.
     */
    private static Map<Integer, List<Report.Difference>> differences(Ratings data, VersionData v, boolean[] below) {
        Map<Long, double[]> distance = new HashMap<>();
        Map<Long, List<String>> where = new HashMap<>();
        for (int ci = 0; ci < v.columns.size(); ci++) {
            Column c = v.columns.get(ci);
            for (int j = 0; j < c.value.size; j++) {
                int r = c.rating.get(j);
                int rater = v.rater.get(r);
                if (!below[rater]) continue;
                int item = v.item.get(r);
                Ratings.Gold g = v.gold.get(item);
                if (g == null || g.values()[ci] < 0 || g.values()[ci] == c.value.get(j)) continue;
                int rv = c.value.get(j), gv = g.values()[ci];
                long key = ((long) rater << 32) | item;
                distance.computeIfAbsent(key, k -> new double[1])[0] += normalisedDistance(c, rv, gv);
                where.computeIfAbsent(key, k -> new ArrayList<>()).add(c.dimension.title() + ": " + label(c, rv)
                        + " (gold: " + label(c, gv) + ")");
            }
        }
        Map<Integer, List<Long>> byRater = new HashMap<>();
        for (long key : distance.keySet()) byRater.computeIfAbsent((int) (key >>> 32), k -> new ArrayList<>()).add(key);
        Map<Integer, List<Report.Difference>> out = new HashMap<>();
        for (Map.Entry<Integer, List<Long>> e : byRater.entrySet()) {
            List<Long> keys = e.getValue();
            keys.sort(Comparator.comparingDouble((Long k) -> -distance.get(k)[0]).thenComparing(k -> data.items.name((int) (long) k)));
            List<Report.Difference> ds = new ArrayList<>();
            for (long k : keys.subList(0, Math.min(DIFFERENCES, keys.size()))) {
                ds.add(new Report.Difference(data.items.name((int) k), distance.get(k)[0], where.get(k)));
            }
            out.put(e.getKey(), ds);
        }
        return out;
    }

    /** 1 for different nominal values; ordinal points apart over the scale's span; numbers over the range; MASI. */
    static double normalisedDistance(Column c, int a, int b) {
        switch (c.level) {
            case NOMINAL:
                return a == b ? 0 : 1;
            case ORDINAL: {
                int points = c.values.size();
                return points < 2 ? 0 : Math.abs(c.rank(a) - c.rank(b)) / (double) (points - 1);
            }
            case INTERVAL: {
                Scale.Numeric r = (Scale.Numeric) c.dimension.scale();
                double span = r.max().subtract(r.min()).doubleValue();
                return span == 0 ? 0 : Math.abs(c.numbers.get(a)[0] - c.numbers.get(b)[0]) / span;
            }
            default:
                return Alpha.masiDistance(c.sets.get(a), c.sets.get(b));
        }
    }
}
