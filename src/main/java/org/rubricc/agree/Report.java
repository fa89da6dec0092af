package org.rubricc.agree;

import java.util.List;
import java.util.Optional;

/**
 * What {@code rubricc agree} found, ready to be written as Markdown, HTML or JSON. Figures that are
 * undefined (no pairable values, or no variation to disagree about) are NaN. Labels are plain text.
 */
public record Report(String rubricId, String rubricTitle, List<String> files, long lines, Settings settings,
        List<VersionReport> versions, List<Comparison> comparisons, Optional<GoldReport> gold,
        List<Ratings.LeftOut> leftOut, long leftOutTotal) {

    /** Lines of the ratings files left out (the rest of {@link #leftOutTotal} are gold lines). */
    public long ratingsLeftOut() {
        return leftOutTotal - gold.map(GoldReport::leftOut).orElse(0L);
    }

    public record Settings(int bootstrap, long seed, double confidence, double threshold) {}

    /** One version: its ratings, and agreement per dimension (asking order); free-text dimensions only by title. */
    public record VersionReport(String version, int ratings, int raters, int items, List<DimensionReport> dimensions,
            List<String> textDimensions) {}

    /**
     * One dimension: alpha with its bootstrap interval ({@code lo}, {@code hi}; NaN when there is none), the
     * items (units with two or more values) and pairable values behind it, every answer's value counted, the
     * n/a answers (left out of alpha), and the most confused pairs of values.
     */
    public record DimensionReport(String id, String title, String level, double alpha, double lo, double hi, int items,
            long pairable, long answers, long notApplicable, List<Count> distribution, List<Confusion> confused) {
        /** At most this many distinct sets of choices are listed for a multi-select dimension. */
        static final int LISTED_SETS = 6;

        /**
         * The answers in words, one part per value ("2 – Partial: 12"): every value of the scale in its order; for
         * multi-selects the most frequent sets and a count of the others; n/a answers last.
         */
        public List<String> answerParts() {
            boolean sets = level.equals(Alpha.Level.MASI.label());
            List<Count> shown = distribution;
            long nonZero = distribution.stream().filter(c -> c.count() > 0).count();
            if (sets) {
                shown = new java.util.ArrayList<>(distribution.stream().filter(c -> c.count() > 0).toList());
                shown.sort((x, y) -> Long.compare(y.count(), x.count()));
                if (shown.size() > LISTED_SETS) shown = shown.subList(0, LISTED_SETS);
            }
            List<String> parts = new java.util.ArrayList<>();
            for (Count c : shown) parts.add(c.label() + ": " + c.count());
            if (sets && nonZero > shown.size()) {
                long others = nonZero - shown.size();
                parts.add(others + " other set" + (others == 1 ? "" : "s"));
            }
            if (notApplicable > 0) parts.add("n/a: " + notApplicable);
            return parts;
        }
    }

    public record Count(String label, long count) {}

    /** Two values raters disagreed between: the coincidences of the pair, and their share of all disagreeing pairs. */
    public record Confusion(String a, String b, double count, double share) {}

    /** Alpha per matched dimension of two versions (alpha within each version). */
    public record Comparison(String oldVersion, String newVersion, List<ComparisonRow> rows) {}

    /** {@code changes} are the diff's rule ids at this dimension, in order of first appearance. */
    public record ComparisonRow(String oldId, String newId, String title, String level, double oldAlpha, double oldLo,
            double oldHi, double newAlpha, double newLo, double newHi, List<String> changes) {
        public double delta() {
            return newAlpha - oldAlpha;
        }
    }

    /** Agreement of each rater with the gold answers, per version; raters in name order. */
    public record GoldReport(String file, long lines, long leftOut, List<RaterReport> raters) {
        public List<RaterReport> below() {
            return raters.stream().filter(RaterReport::below).toList();
        }
    }

    /**
     * One rater under one version: the gold items they rated, per dimension the comparison, whether any
     * dimension's alpha against gold is below the threshold, and the items where they differ most from gold.
     */
    public record RaterReport(String rater, String version, int goldItems, List<RaterDimension> dimensions, boolean below,
            List<Difference> differences) {
        /** Exact matches over all compared answers of all dimensions. */
        public double exact() {
            long n = 0, same = 0;
            for (RaterDimension d : dimensions) {
                n += d.compared();
                same += d.exactCount();
            }
            return n == 0 ? Double.NaN : (double) same / n;
        }

        /** The dimension with the lowest alpha against gold, if any alpha is defined. */
        public Optional<RaterDimension> lowest() {
            return dimensions.stream().filter(d -> !Double.isNaN(d.alpha()))
                    .min((a, b) -> Double.compare(a.alpha(), b.alpha()));
        }
    }

    /**
     * One rater, one dimension: answers compared with gold (both answered, neither n/a), how many matched
     * exactly, how many within one point (ordinal scales; -1 otherwise), and alpha of rater against gold.
     */
    public record RaterDimension(String id, String title, int compared, int exactCount, int withinOneCount, double alpha) {
        public double exact() {
            return compared == 0 ? Double.NaN : (double) exactCount / compared;
        }

        public double withinOne() {
            return compared == 0 || withinOneCount < 0 ? Double.NaN : (double) withinOneCount / compared;
        }
    }

    /** An item where a rater differs from gold: how much (the sum of each dimension's distance, 0 to 1), and where. */
    public record Difference(String item, double distance, List<String> where) {}
}
