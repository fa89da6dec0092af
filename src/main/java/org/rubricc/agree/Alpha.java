package org.rubricc.agree;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Krippendorff's alpha for one variable, computed from the coincidence matrix as in Krippendorff,
 * "Computing Krippendorff's Alpha-Reliability" (2011): {@code alpha = 1 - (n - 1) * sum(o_ck * d_ck) /
 * sum(n_c * n_k * d_ck)}, where {@code o} counts the pairable values of each unit, each pair weighted by
 * {@code 1 / (m_u - 1)}, and {@code d} is the level's difference function. Units with fewer than two
 * values are not pairable and count for nothing; missing values are simply absent.
 *
 * <p>Each unit adds a fixed part to {@code o}. Units with the same multiset of values add the same part, so
 * the data are kept as distinct patterns with their counts: the estimate sums over patterns, and the
 * bootstrap resamples units (items) and sums over the patterns the resample drew. Values are ids
 * {@code 0 .. valueCount-1}; the caller says what each one is (a number, or a set for MASI).
 */
public final class Alpha {
    /** The level of measurement, which decides the difference function. */
    public enum Level {
        /** Different values differ by 1. */
        NOMINAL("nominal"),
        /** Krippendorff's ordinal difference: the values between two ranks, as observed. */
        ORDINAL("ordinal"),
        /** The squared difference of the numbers. */
        INTERVAL("interval"),
        /** Sets of choices: MASI distance, {@code 1 - J * M} (Passonneau 2006). */
        MASI("MASI (sets)");

        private final String label;

        Level(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** An estimate: alpha (NaN when undefined), the pairable units and values behind it, and the disagreements. */
    public record Estimate(double alpha, int units, double pairableValues, double observed, double expected) {
        public boolean defined() {
            return !Double.isNaN(alpha);
        }
    }

    /** One cell of the coincidence matrix, {@code c != k} or {@code c == k}. */
    public record Cell(int c, int k, double count) {}

    /** Up to this many distinct sets, their MASI distances are kept in a table (8 MiB at most). */
    private static final int MASI_TABLE = 1024;

    private final Level level;
    private final int valueCount;
    private final double[] numbers;
    private final long[][] sets;
    /** Pair table: pair q is the ordered pair of values (pairC[q], pairK[q]). */
    private final int[] pairC;
    private final int[] pairK;
    /** Per pattern: the pairs it adds to and how much. */
    private final int[][] patternPairs;
    private final double[][] patternCounts;
    private final int[] patternUnits;
    /** Per pairable unit, its pattern (for resampling). */
    private final int[] unitPattern;
    /** MASI distances, precomputed per value pair (valueCount x valueCount) when there are not too many sets, or null. */
    private final double[] masi;

    private Alpha(Builder b) {
        this.level = b.level;
        this.valueCount = b.valueCount;
        this.numbers = b.numbers;
        this.sets = b.sets;
        this.pairC = Arrays.copyOf(b.pairC, b.pairs);
        this.pairK = Arrays.copyOf(b.pairK, b.pairs);
        int p = b.patternList.size();
        this.patternPairs = new int[p][];
        this.patternCounts = new double[p][];
        this.patternUnits = new int[p];
        for (int i = 0; i < p; i++) {
            Pattern pat = b.patternList.get(i);
            patternPairs[i] = pat.pairs;
            patternCounts[i] = pat.counts;
            patternUnits[i] = pat.units;
        }
        this.unitPattern = Arrays.copyOf(b.unitPattern, b.unitCount);
        if (level == Level.MASI && valueCount <= MASI_TABLE) {
            masi = new double[valueCount * valueCount];
            for (int c = 0; c < valueCount; c++) {
                for (int k = 0; k < valueCount; k++) masi[c * valueCount + k] = masiDistance(sets[c], sets[k]);
            }
        } else {
            masi = null;
        }
        ranks();
    }

    public static Builder builder(Level level, int valueCount) {
        return new Builder(level, valueCount);
    }

    public Level level() {
        return level;
    }

    /** Alpha on the data as given. */
    public Estimate estimate() {
        return estimate(observed(patternUnits));
    }

    /** The coincidence matrix's cells with a count, in pair order. */
    public List<Cell> coincidences() {
        double[] o = observed(patternUnits);
        List<Cell> out = new ArrayList<>();
        for (int q = 0; q < o.length; q++) if (o[q] > 0) out.add(new Cell(pairC[q], pairK[q], o[q]));
        return out;
    }

    /**
     * Alpha on {@code replicates} resamples of the pairable units (drawn with replacement, as many as there
     * are), sorted; resamples where alpha is undefined are left out. The same seed gives the same figures.
     */
    public double[] bootstrap(int replicates, long seed) {
        int units = unitPattern.length;
        if (units == 0 || replicates <= 0) return new double[0];
        SplittableRandom random = new SplittableRandom(seed);
        double[] out = new double[replicates];
        int kept = 0;
        int[] weights = new int[patternUnits.length];
        for (int r = 0; r < replicates; r++) {
            Arrays.fill(weights, 0);
            for (int i = 0; i < units; i++) weights[unitPattern[random.nextInt(units)]]++;
            double a = estimate(observed(weights)).alpha();
            if (!Double.isNaN(a)) out[kept++] = a;
        }
        double[] sorted = Arrays.copyOf(out, kept);
        Arrays.sort(sorted);
        return sorted;
    }

    /**
     * The percentile interval of sorted bootstrap figures: the values at ranks {@code floor(q * (n - 1))} for
     * q = (1 - confidence) / 2 and its complement. Empty when there are none.
     */
    public static double[] percentileInterval(double[] sorted, double confidence) {
        if (sorted.length == 0) return new double[0];
        double tail = (1 - confidence) / 2;
        int lo = (int) Math.floor(tail * (sorted.length - 1));
        int hi = (int) Math.ceil((1 - tail) * (sorted.length - 1));
        return new double[] {sorted[lo], sorted[hi]};
    }

    private double[] observed(int[] weights) {
        double[] o = new double[pairC.length];
        for (int p = 0; p < weights.length; p++) {
            int w = weights[p];
            if (w == 0) continue;
            int[] pairs = patternPairs[p];
            double[] counts = patternCounts[p];
            for (int i = 0; i < pairs.length; i++) o[pairs[i]] += w * counts[i];
        }
        return o;
    }

    private Estimate estimate(double[] o) {
        double[] nc = new double[valueCount];
        for (int q = 0; q < o.length; q++) nc[pairC[q]] += o[q];
        double n = 0;
        for (double x : nc) n += x;
        int units = unitPattern.length; // a resample has as many units as the data
        if (n < 2) return new Estimate(Double.NaN, units, n, Double.NaN, Double.NaN);
        double[] ordinalPrefix = level == Level.ORDINAL ? ordinalPrefix(nc) : null;
        double doSum = 0;
        for (int q = 0; q < o.length; q++) {
            if (o[q] != 0) doSum += o[q] * delta(pairC[q], pairK[q], nc, ordinalPrefix);
        }
        double deSum = expectedSum(nc, n, ordinalPrefix);
        double observed = doSum / n;
        double expected = deSum / (n * (n - 1));
        if (!(deSum > 0)) return new Estimate(Double.NaN, units, n, observed, expected);
        return new Estimate(1 - (n - 1) * doSum / deSum, units, n, observed, expected);
    }

    /** prefix[r] = the sum of n over the values of rank < r (values ranked by their numbers). */
    private double[] ordinalPrefix(double[] nc) {
        double[] prefix = new double[valueCount + 1];
        for (int r = 0; r < valueCount; r++) prefix[r + 1] = prefix[r] + nc[rankOrder[r]];
        return prefix;
    }

    private int[] rankOrder;
    private int[] rankOf;

    /** Values ranked by their numbers, for the ordinal difference. */
    private void ranks() {
        Integer[] order = new Integer[valueCount];
        for (int i = 0; i < valueCount; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Double.compare(numbers[a], numbers[b]));
        rankOrder = new int[valueCount];
        rankOf = new int[valueCount];
        for (int r = 0; r < valueCount; r++) {
            rankOrder[r] = order[r];
            rankOf[order[r]] = r;
        }
    }

    private double delta(int c, int k, double[] nc, double[] prefix) {
        if (c == k) return 0;
        switch (level) {
            case NOMINAL:
                return 1;
            case INTERVAL: {
                double d = numbers[c] - numbers[k];
                return d * d;
            }
            case ORDINAL: {
                int rc = rankOf[c], rk = rankOf[k];
                int lo = Math.min(rc, rk), hi = Math.max(rc, rk);
                double d = prefix[hi + 1] - prefix[lo] - (nc[c] + nc[k]) / 2;
                return d * d;
            }
            default:
                return masi != null ? masi[c * valueCount + k] : masiDistance(sets[c], sets[k]);
        }
    }

    private double expectedSum(double[] nc, double n, double[] prefix) {
        switch (level) {
            case NOMINAL: {
                double sq = 0;
                for (double x : nc) sq += x * x;
                return n * n - sq;
            }
            case INTERVAL: {
                // sum_c sum_k n_c n_k (x_c - x_k)^2 = 2 (n * sum n_c x_c^2 - (sum n_c x_c)^2), about the mean for accuracy
                double mean = 0;
                for (int c = 0; c < valueCount; c++) mean += nc[c] * numbers[c];
                mean /= n;
                double ss = 0;
                for (int c = 0; c < valueCount; c++) {
                    double d = numbers[c] - mean;
                    ss += nc[c] * d * d;
                }
                return 2 * n * ss;
            }
            default: {
                double sum = 0;
                for (int c = 0; c < valueCount; c++) {
                    if (nc[c] == 0) continue;
                    for (int k = 0; k < valueCount; k++) {
                        if (k != c && nc[k] != 0) sum += nc[c] * nc[k] * delta(c, k, nc, prefix);
                    }
                }
                return sum;
            }
        }
    }

    /** MASI distance of two sets: 1 - Jaccard * M, M = 1 equal, 2/3 one contains the other, 1/3 they overlap, 0 disjoint. */
    static double masiDistance(long[] a, long[] b) {
        int inter = 0, union = 0, onlyA = 0, onlyB = 0;
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            long x = i < a.length ? a[i] : 0, y = i < b.length ? b[i] : 0;
            inter += Long.bitCount(x & y);
            union += Long.bitCount(x | y);
            onlyA += Long.bitCount(x & ~y);
            onlyB += Long.bitCount(y & ~x);
        }
        if (union == 0) return 0; // two empty sets are equal
        double m = onlyA == 0 && onlyB == 0 ? 1 : onlyA == 0 || onlyB == 0 ? 2.0 / 3 : inter > 0 ? 1.0 / 3 : 0;
        return 1 - (double) inter / union * m;
    }

    /** The coincidences one unit with these values adds (pairs and counts), and how many units have them. */
    private record Pattern(int[] pairs, double[] counts, int units) {
        Pattern withOneMore() {
            return new Pattern(pairs, counts, units + 1);
        }
    }

    /** Collects units; each unit is the values its coders gave, in any order. */
    public static final class Builder {
        private final Level level;
        private final int valueCount;
        private final double[] numbers;
        private final long[][] sets;
        private final Map<Long, Integer> pairIndex = new HashMap<>();
        private int[] pairC = new int[16];
        private int[] pairK = new int[16];
        private int pairs;
        private final Map<Key, Integer> patternIndex = new HashMap<>();
        private final List<Pattern> patternList = new ArrayList<>();
        private int[] unitPattern = new int[64];
        private int unitCount;

        private Builder(Level level, int valueCount) {
            this.level = level;
            this.valueCount = valueCount;
            this.numbers = new double[valueCount];
            this.sets = new long[valueCount][];
            Arrays.fill(sets, new long[0]);
        }

        /** The number a value stands for (ordinal: its position on the scale; interval: itself). */
        public Builder number(int value, double number) {
            numbers[value] = number;
            return this;
        }

        /** The set of choices a value stands for, as bits (MASI). */
        public Builder set(int value, long[] bits) {
            sets[value] = bits.clone();
            return this;
        }

        /** Adds one unit: the values {@code values[from .. to)}. A unit with fewer than two values is not pairable. */
        public Builder unit(int[] values, int from, int to) {
            int m = to - from;
            if (m < 2) return this;
            int[] key = Arrays.copyOfRange(values, from, to);
            Arrays.sort(key);
            Key k = new Key(key);
            Integer p = patternIndex.get(k);
            if (p == null) {
                p = patternList.size();
                patternIndex.put(k, p);
                patternList.add(pattern(key));
            } else {
                patternList.set(p, patternList.get(p).withOneMore());
            }
            if (unitCount == unitPattern.length) unitPattern = Arrays.copyOf(unitPattern, unitCount * 2);
            unitPattern[unitCount++] = p;
            return this;
        }

        public Builder unit(int... values) {
            return unit(values, 0, values.length);
        }

        private Pattern pattern(int[] sorted) {
            int m = sorted.length;
            // distinct values and how often each occurs
            int[] vals = new int[m];
            int[] cnt = new int[m];
            int d = 0;
            for (int i = 0; i < m; i++) {
                if (d > 0 && vals[d - 1] == sorted[i]) cnt[d - 1]++;
                else {
                    vals[d] = sorted[i];
                    cnt[d++] = 1;
                }
            }
            int[] ps = new int[d * d];
            double[] cs = new double[d * d];
            int n = 0;
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    double c = i == j ? (double) cnt[i] * (cnt[i] - 1) / (m - 1) : (double) cnt[i] * cnt[j] / (m - 1);
                    if (c == 0) continue;
                    ps[n] = pair(vals[i], vals[j]);
                    cs[n++] = c;
                }
            }
            return new Pattern(Arrays.copyOf(ps, n), Arrays.copyOf(cs, n), 1);
        }

        private int pair(int c, int k) {
            long key = ((long) c << 32) | (k & 0xFFFFFFFFL);
            Integer q = pairIndex.get(key);
            if (q != null) return q;
            if (pairs == pairC.length) {
                pairC = Arrays.copyOf(pairC, pairs * 2);
                pairK = Arrays.copyOf(pairK, pairs * 2);
            }
            pairC[pairs] = c;
            pairK[pairs] = k;
            pairIndex.put(key, pairs);
            return pairs++;
        }

        public Alpha build() {
            return new Alpha(this);
        }
    }

    private record Key(int[] values) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(values, k.values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }
    }
}
