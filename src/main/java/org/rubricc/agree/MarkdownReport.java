package org.rubricc.agree;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.rubricc.backend.Markdown;

/** The report as Markdown: a summary table per version, values and confusions, versions compared, raters against gold. */
public final class MarkdownReport {
    /** At most this many left-out lines are listed; the rest are counted. */
    static final int LISTED_LEFT_OUT = 50;

    private MarkdownReport() {}

    public static String render(Report r) {
        StringBuilder b = new StringBuilder();
        b.append("# Agreement: ").append(Markdown.inline(r.rubricTitle())).append(" (`").append(r.rubricId()).append("`)\n\n");
        b.append(intro(r)).append("\n\n");
        for (Report.VersionReport v : r.versions()) version(b, r, v);
        for (Report.Comparison c : r.comparisons()) comparison(b, c);
        r.gold().ifPresent(g -> gold(b, r, g));
        leftOut(b, r);
        return b.toString();
    }

    static String intro(Report r) {
        Report.Settings s = r.settings();
        long used = r.versions().stream().mapToLong(Report.VersionReport::ratings).sum();
        return "Krippendorff's alpha per dimension, " + bootstrap(s) + ". Skipped questions are missing data, n/a "
                + "answers are left out of alpha and counted apart, free-text dimensions are not compared.\n\n"
                + "Ratings: " + String.join(", ", r.files().stream().map(f -> "`" + f + "`").toList()) + ": "
                + count(r.lines(), "line") + ", " + used + " used, " + r.ratingsLeftOut() + " left out"
                + (r.leftOutTotal() > 0 ? " (listed at the end)" : "") + ".";
    }

    private static void version(StringBuilder b, Report r, Report.VersionReport v) {
        b.append("## ").append(r.rubricId()).append(' ').append(v.version()).append("\n\n");
        b.append(count(v.ratings(), "rating")).append(" by ").append(count(v.raters(), "rater")).append(" on ")
                .append(count(v.items(), "item")).append(".\n\n");
        b.append("| dimension | level | α | ").append(percent(r.settings().confidence()))
                .append(" interval | items | pairable values |\n|---|---|--:|---|--:|--:|\n");
        for (Report.DimensionReport d : v.dimensions()) {
            b.append("| ").append(Markdown.cell(d.title())).append(" | ").append(d.level()).append(" | ")
                    .append(fixed(d.alpha())).append(" | ").append(interval(d.lo(), d.hi())).append(" | ").append(d.items())
                    .append(" | ").append(d.pairable()).append(" |\n");
        }
        if (!v.textDimensions().isEmpty()) {
            b.append("\nNot compared (free text): ").append(String.join(", ", v.textDimensions().stream().map(Markdown::inline).toList()))
                    .append(".\n");
        }
        b.append("\n| dimension | answers | most confused |\n|---|---|---|\n");
        for (Report.DimensionReport d : v.dimensions()) {
            b.append("| ").append(Markdown.cell(d.title())).append(" | ").append(distribution(d)).append(" | ")
                    .append(confused(d)).append(" |\n");
        }
        b.append('\n');
    }

    static String distribution(Report.DimensionReport d) {
        List<String> parts = d.answerParts();
        return parts.isEmpty() ? "none" : String.join(" · ", parts.stream().map(Markdown::cell).toList());
    }

    static String confused(Report.DimensionReport d) {
        if (d.confused().isEmpty()) return "none";
        List<String> parts = new ArrayList<>();
        for (Report.Confusion c : d.confused()) {
            parts.add(Markdown.cell(c.a()) + " / " + Markdown.cell(c.b()) + " (" + percentWhole(c.share()) + ")");
        }
        return String.join("; ", parts);
    }

    private static void comparison(StringBuilder b, Report.Comparison c) {
        b.append("## From ").append(c.oldVersion()).append(" to ").append(c.newVersion()).append("\n\n");
        b.append("Alpha within each version, per dimension matched by the diff (renames through `formerly`). Ratings of "
                + "different versions are never pooled; pooling them needs the older ones migrated first (`rubricc migrate`).\n\n");
        b.append("| dimension | α ").append(c.oldVersion()).append(" | α ").append(c.newVersion())
                .append(" | change | changed in ").append(c.newVersion()).append(" |\n|---|--:|--:|--:|---|\n");
        for (Report.ComparisonRow row : c.rows()) {
            b.append("| ").append(Markdown.cell(row.title()));
            if (!row.oldId().equals(row.newId())) b.append(" (was `").append(row.oldId()).append("`)");
            b.append(" | ").append(fixed(row.oldAlpha())).append(" | ").append(fixed(row.newAlpha())).append(" | ")
                    .append(signed(row.delta())).append(" | ")
                    .append(row.changes().isEmpty() ? "" : String.join(", ", row.changes().stream().map(x -> "`" + x + "`").toList()))
                    .append(" |\n");
        }
        b.append('\n');
    }

    private static void gold(StringBuilder b, Report r, Report.GoldReport g) {
        b.append("## Raters against gold\n\n");
        b.append("Gold answers: `").append(g.file()).append("`: ").append(count(g.lines(), "line")).append(", ")
                .append(g.leftOut()).append(" left out. A rater is below the threshold when their alpha against gold on "
                + "any dimension is below ").append(fixed(r.settings().threshold())).append(" (alpha against gold needs at least ")
                .append(Agreement.MIN_GOLD_COMPARED).append(" answers compared). Exact: the share of answers equal to gold, over "
                + "every dimension compared.\n\n");
        b.append("| rater | version | gold items | exact | lowest α against gold | below |\n|---|---|--:|--:|---|---|\n");
        for (Report.RaterReport rr : g.raters()) {
            b.append("| ").append(Markdown.cell(rr.rater())).append(" | ").append(rr.version()).append(" | ").append(rr.goldItems())
                    .append(" | ").append(percentWhole(rr.exact())).append(" | ")
                    .append(rr.lowest().map(d -> fixed(d.alpha()) + " (" + Markdown.cell(d.title()) + ")").orElse("—"))
                    .append(" | ").append(rr.below() ? "**below**" : "").append(" |\n");
        }
        b.append('\n');
        for (Report.RaterReport rr : g.below()) {
            b.append("### ").append(Markdown.inline(rr.rater())).append(" (").append(rr.version()).append(")\n\n");
            b.append("| dimension | compared | exact | within one point | α against gold |\n|---|--:|--:|--:|--:|\n");
            for (Report.RaterDimension d : rr.dimensions()) {
                boolean low = !Double.isNaN(d.alpha()) && d.alpha() < r.settings().threshold();
                b.append("| ").append(Markdown.cell(d.title())).append(" | ").append(d.compared()).append(" | ")
                        .append(percentWhole(d.exact())).append(" | ").append(percentWhole(d.withinOne())).append(" | ")
                        .append(low ? "**" + fixed(d.alpha()) + "**" : fixed(d.alpha())).append(" |\n");
            }
            b.append("\nItems where ").append(Markdown.inline(rr.rater())).append(" differs most from gold:\n\n");
            for (Report.Difference d : rr.differences()) {
                b.append("- `").append(d.item().replace("`", "'")).append("` (distance ").append(fixed(d.distance()))
                        .append("): ").append(String.join("; ", d.where().stream().map(Markdown::inline).toList())).append('\n');
            }
            b.append('\n');
        }
    }

    private static void leftOut(StringBuilder b, Report r) {
        if (r.leftOutTotal() == 0) return;
        b.append("## Left out\n\n");
        b.append(count(r.leftOutTotal(), "line")).append(" were not used: each is invalid under the version it names, names "
                + "a version not given, repeats a rating, or is gold for an item nobody rated.\n\n");
        List<Ratings.LeftOut> shown = r.leftOut().subList(0, (int) Math.min(LISTED_LEFT_OUT, r.leftOut().size()));
        for (Ratings.LeftOut l : shown) {
            b.append("- `").append(l.file()).append(':').append(l.line()).append("`: ").append(Markdown.inline(l.reason())).append('\n');
        }
        if (r.leftOutTotal() > shown.size()) b.append("- and ").append(r.leftOutTotal() - shown.size()).append(" more\n");
        b.append('\n');
    }

    // ---------------------------------------------------------------------------------------------
    // Numbers, always in the same format whatever the machine's locale
    // ---------------------------------------------------------------------------------------------

    /** How the intervals were found, as a phrase. */
    static String bootstrap(Report.Settings s) {
        return s.bootstrap() == 0 ? "without intervals (no bootstrap)" : "with a " + percent(s.confidence())
                + " bootstrap interval (" + s.bootstrap() + " resamples of items, seed " + s.seed() + ")";
    }

    static String fixed(double x) {
        return Double.isNaN(x) ? "—" : String.format(Locale.ROOT, "%.3f", zero(x));
    }

    static String signed(double x) {
        return Double.isNaN(x) ? "—" : String.format(Locale.ROOT, "%+.3f", zero(x));
    }

    /** A figure that rounds to zero is written 0.000, never -0.000. */
    private static double zero(double x) {
        return Math.abs(x) < 0.0005 ? 0 : x;
    }

    static String interval(double lo, double hi) {
        return Double.isNaN(lo) ? "—" : fixed(lo) + " – " + fixed(hi);
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", share * 100);
    }

    static String percentWhole(double share) {
        return Double.isNaN(share) ? "—" : String.format(Locale.ROOT, "%.0f%%", share * 100);
    }

    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
