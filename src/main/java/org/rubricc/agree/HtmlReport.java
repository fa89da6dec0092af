package org.rubricc.agree;

import static org.rubricc.agree.MarkdownReport.count;
import static org.rubricc.agree.MarkdownReport.fixed;
import static org.rubricc.agree.MarkdownReport.interval;
import static org.rubricc.agree.MarkdownReport.percent;
import static org.rubricc.agree.MarkdownReport.percentWhole;
import static org.rubricc.agree.MarkdownReport.signed;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.rubricc.backend.Html;
import org.rubricc.backend.Resources;

/**
 * The report as one self-contained HTML page: inline CSS, charts as inline SVG drawn here, no script and
 * nothing fetched. Every text that comes from the rubric or the ratings is escaped.
 */
public final class HtmlReport {
    /** Chart geometry (SVG user units; the charts scale to the page width). */
    private static final int WIDTH = 780, LABEL = 250, PLOT_RIGHT = 700, ROW = 26, TOP = 34;
    /** Colours: a blue for figures, orange for what needs attention, a grey for context. */
    private static final String BLUE = "#2b6cb0", ORANGE = "#c05621", GREY = "#718096";
    /** Categorical palette (colour-blind safe, Okabe-Ito), and a sequential one for ordered values. */
    private static final String[] CATEGORICAL = {"#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#999999"};

    private HtmlReport() {}

    public static String render(Report r) {
        StringBuilder b = new StringBuilder();
        String title = "Agreement: " + r.rubricTitle() + " (" + r.rubricId() + ")";
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(Html.escape(title)).append("</title>\n<style>\n")
                .append(Resources.text(HtmlReport.class, "report.css")).append("</style>\n</head>\n<body>\n<main>\n");
        b.append("<h1>Agreement: ").append(Html.escape(r.rubricTitle())).append(" <code>").append(Html.escape(r.rubricId()))
                .append("</code></h1>\n");
        Report.Settings s = r.settings();
        long used = r.versions().stream().mapToLong(Report.VersionReport::ratings).sum();
        b.append("<p>Krippendorff's alpha per dimension, ").append(MarkdownReport.bootstrap(s)).append(". Skipped questions are missing data, n/a answers are left out of alpha and counted apart, "
                        + "free-text dimensions are not compared. Dashed lines mark 0.667 and 0.800, Krippendorff's "
                        + "lowest tentative and customary bounds.</p>\n");
        b.append("<p>Ratings: ").append(String.join(", ", r.files().stream().map(f -> "<code>" + Html.escape(f) + "</code>").toList()))
                .append(": ").append(count(r.lines(), "line")).append(", ").append(used).append(" used, ")
                .append(r.ratingsLeftOut()).append(" left out").append(r.leftOutTotal() > 0 ? " (<a href=\"#left-out\">listed at the end</a>)" : "")
                .append(".</p>\n");
        for (Report.VersionReport v : r.versions()) version(b, r, v);
        for (Report.Comparison c : r.comparisons()) comparison(b, c);
        r.gold().ifPresent(g -> gold(b, r, g));
        leftOut(b, r);
        b.append("</main>\n</body>\n</html>\n");
        return b.toString();
    }

    private static void version(StringBuilder b, Report r, Report.VersionReport v) {
        b.append("<section>\n<h2>").append(Html.escape(r.rubricId() + " " + v.version())).append("</h2>\n<p>")
                .append(count(v.ratings(), "rating")).append(" by ").append(count(v.raters(), "rater")).append(" on ")
                .append(count(v.items(), "item")).append(".</p>\n");
        List<Bar> bars = new ArrayList<>();
        for (Report.DimensionReport d : v.dimensions()) bars.add(new Bar(d.title(), d.alpha(), d.lo(), d.hi()));
        b.append("<figure>\n<div class=\"scroll\">").append(alphaChart(bars, "Alpha per dimension, " + r.rubricId() + " " + v.version()))
                .append("</div><figcaption>Alpha per dimension (bar) with its ").append(percent(r.settings().confidence()))
                .append(" bootstrap interval (whisker).</figcaption>\n</figure>\n");
        b.append("<div class=\"scroll\"><table>\n<thead><tr><th>dimension</th><th>level</th><th class=\"n\">α</th><th>")
                .append(percent(r.settings().confidence())).append(" interval</th><th class=\"n\">items</th>")
                .append("<th class=\"n\">pairable values</th></tr></thead>\n<tbody>\n");
        for (Report.DimensionReport d : v.dimensions()) {
            b.append("<tr><td>").append(Html.escape(d.title())).append("</td><td>").append(Html.escape(d.level()))
                    .append("</td><td class=\"n\">").append(fixed(d.alpha())).append("</td><td class=\"ci\">").append(interval(d.lo(), d.hi()))
                    .append("</td><td class=\"n\">").append(d.items()).append("</td><td class=\"n\">").append(d.pairable())
                    .append("</td></tr>\n");
        }
        b.append("</tbody>\n</table></div>\n");
        if (!v.textDimensions().isEmpty()) {
            b.append("<p>Not compared (free text): ").append(Html.escape(String.join(", ", v.textDimensions()))).append(".</p>\n");
        }
        b.append("<h3>Answers and confusions</h3>\n<div class=\"scroll\"><table>\n<thead><tr><th>dimension</th>")
                .append("<th>answers</th><th>most confused</th></tr></thead>\n<tbody>\n");
        for (Report.DimensionReport d : v.dimensions()) {
            b.append("<tr><td>").append(Html.escape(d.title())).append("</td><td>").append(distributionBar(d))
                    .append("<div class=\"legend\">").append(legend(d)).append("</div></td><td>").append(confused(d))
                    .append("</td></tr>\n");
        }
        b.append("</tbody>\n</table></div>\n</section>\n");
    }

    private static void comparison(StringBuilder b, Report.Comparison c) {
        b.append("<section>\n<h2>From ").append(Html.escape(c.oldVersion())).append(" to ").append(Html.escape(c.newVersion()))
                .append("</h2>\n<p>Alpha within each version, per dimension matched by the diff (renames through "
                        + "<code>formerly</code>). Ratings of different versions are never pooled; pooling them needs the "
                        + "older ones migrated first (<code>rubricc migrate</code>).</p>\n");
        b.append("<figure>\n<div class=\"scroll\">").append(dumbbell(c)).append("</div><figcaption>Alpha under ").append(Html.escape(c.oldVersion()))
                .append(" (hollow grey) and under ").append(Html.escape(c.newVersion())).append(" (filled blue).</figcaption>\n</figure>\n");
        b.append("<div class=\"scroll\"><table>\n<thead><tr><th>dimension</th><th class=\"n\">α ").append(Html.escape(c.oldVersion()))
                .append("</th><th class=\"n\">α ").append(Html.escape(c.newVersion())).append("</th><th class=\"n\">change</th><th>changed in ")
                .append(Html.escape(c.newVersion())).append("</th></tr></thead>\n<tbody>\n");
        for (Report.ComparisonRow row : c.rows()) {
            b.append("<tr><td>").append(Html.escape(row.title()));
            if (!row.oldId().equals(row.newId())) b.append(" (was <code>").append(Html.escape(row.oldId())).append("</code>)");
            b.append("</td><td class=\"n\">").append(fixed(row.oldAlpha())).append("</td><td class=\"n\">").append(fixed(row.newAlpha()))
                    .append("</td><td class=\"n\">").append(signed(row.delta())).append("</td><td>")
                    .append(String.join(", ", row.changes().stream().map(x -> "<code>" + Html.escape(x) + "</code>").toList()))
                    .append("</td></tr>\n");
        }
        b.append("</tbody>\n</table></div>\n</section>\n");
    }

    private static void gold(StringBuilder b, Report r, Report.GoldReport g) {
        double threshold = r.settings().threshold();
        b.append("<section>\n<h2>Raters against gold</h2>\n<p>Gold answers: <code>").append(Html.escape(g.file()))
                .append("</code>: ").append(count(g.lines(), "line")).append(", ").append(g.leftOut()).append(" left out. A rater is below the threshold when their alpha against gold on any dimension is below ")
                .append(fixed(threshold)).append(" (alpha against gold needs at least ").append(Agreement.MIN_GOLD_COMPARED)
                .append(" answers compared). Exact: the share of answers equal to gold, over every dimension compared.</p>\n");
        List<Bar> bars = new ArrayList<>();
        for (Report.RaterReport rr : g.raters()) {
            bars.add(new Bar(rr.rater() + " (" + rr.version() + ")", rr.lowest().map(Report.RaterDimension::alpha).orElse(Double.NaN),
                    Double.NaN, Double.NaN));
        }
        b.append("<figure>\n<div class=\"scroll\">").append(dotChart(bars, threshold)).append("</div><figcaption>Each rater's lowest alpha against gold "
                + "over the dimensions; the solid line is the threshold, raters below it are orange.</figcaption>\n</figure>\n");
        b.append("<div class=\"scroll\"><table>\n<thead><tr><th>rater</th><th>version</th><th class=\"n\">gold items</th>")
                .append("<th class=\"n\">exact</th><th>lowest α against gold</th><th></th></tr></thead>\n<tbody>\n");
        for (Report.RaterReport rr : g.raters()) {
            b.append("<tr").append(rr.below() ? " class=\"below\"" : "").append("><td>").append(Html.escape(rr.rater()))
                    .append("</td><td>").append(Html.escape(rr.version())).append("</td><td class=\"n\">").append(rr.goldItems())
                    .append("</td><td class=\"n\">").append(percentWhole(rr.exact())).append("</td><td>")
                    .append(rr.lowest().map(d -> fixed(d.alpha()) + " (" + Html.escape(d.title()) + ")").orElse("—"))
                    .append("</td><td>").append(rr.below() ? "<strong>below</strong>" : "").append("</td></tr>\n");
        }
        b.append("</tbody>\n</table></div>\n");
        for (Report.RaterReport rr : g.below()) {
            b.append("<h3>").append(Html.escape(rr.rater())).append(" (").append(Html.escape(rr.version())).append(")</h3>\n");
            b.append("<div class=\"scroll\"><table>\n<thead><tr><th>dimension</th><th class=\"n\">compared</th><th class=\"n\">exact</th>")
                    .append("<th class=\"n\">within one point</th><th class=\"n\">α against gold</th></tr></thead>\n<tbody>\n");
            for (Report.RaterDimension d : rr.dimensions()) {
                boolean low = !Double.isNaN(d.alpha()) && d.alpha() < threshold;
                b.append("<tr").append(low ? " class=\"below\"" : "").append("><td>").append(Html.escape(d.title()))
                        .append("</td><td class=\"n\">").append(d.compared()).append("</td><td class=\"n\">").append(percentWhole(d.exact()))
                        .append("</td><td class=\"n\">").append(percentWhole(d.withinOne())).append("</td><td class=\"n\">")
                        .append(fixed(d.alpha())).append("</td></tr>\n");
            }
            b.append("</tbody>\n</table></div>\n<p>Items where ").append(Html.escape(rr.rater())).append(" differs most from gold:</p>\n<ul>\n");
            for (Report.Difference d : rr.differences()) {
                b.append("<li><code>").append(Html.escape(d.item())).append("</code> (distance ").append(fixed(d.distance())).append("): ")
                        .append(Html.escape(String.join("; ", d.where()))).append("</li>\n");
            }
            b.append("</ul>\n");
        }
        b.append("</section>\n");
    }

    private static void leftOut(StringBuilder b, Report r) {
        if (r.leftOutTotal() == 0) return;
        b.append("<section id=\"left-out\">\n<h2>Left out</h2>\n<p>").append(count(r.leftOutTotal(), "line"))
                .append(" were not used: each is invalid under the version it names, names a version not given, repeats a "
                        + "rating, or is gold for an item nobody rated.</p>\n<ul class=\"left-out\">\n");
        List<Ratings.LeftOut> shown = r.leftOut().subList(0, Math.min(MarkdownReport.LISTED_LEFT_OUT, r.leftOut().size()));
        for (Ratings.LeftOut l : shown) {
            b.append("<li><code>").append(Html.escape(l.file() + ":" + l.line())).append("</code>: ").append(Html.escape(l.reason()))
                    .append("</li>\n");
        }
        if (r.leftOutTotal() > shown.size()) b.append("<li>and ").append(r.leftOutTotal() - shown.size()).append(" more</li>\n");
        b.append("</ul>\n</section>\n");
    }

    // ---------------------------------------------------------------------------------------------
    // Charts
    // ---------------------------------------------------------------------------------------------

    private record Bar(String label, double value, double lo, double hi) {}

    /** The left end of an alpha axis: 0, or lower (in steps of 0.2) when a figure is below 0. */
    private static double axisMin(List<Bar> bars) {
        double min = 0;
        for (Bar bar : bars) {
            for (double x : new double[] {bar.value(), bar.lo()}) if (!Double.isNaN(x)) min = Math.min(min, x);
        }
        return Math.max(-1, Math.floor(min * 5) / 5);
    }

    private static double x(double value, double min) {
        return LABEL + (value - min) / (1 - min) * (PLOT_RIGHT - LABEL);
    }

    private static void axis(StringBuilder s, double min, int height) {
        for (int i = (int) Math.round(min * 5); i <= 5; i++) {
            double v = i / 5.0;
            String x = num(x(v, min));
            s.append("<line x1=\"").append(x).append("\" y1=\"").append(TOP - 6).append("\" x2=\"").append(x).append("\" y2=\"")
                    .append(height - 8).append("\" class=\"grid\"/>");
            s.append("<text x=\"").append(x).append("\" y=\"").append(TOP - 12).append("\" class=\"tick\">")
                    .append(String.format(Locale.ROOT, "%.1f", v)).append("</text>\n");
        }
        for (double ref : new double[] {0.667, 0.8}) {
            String x = num(x(ref, min));
            s.append("<line x1=\"").append(x).append("\" y1=\"").append(TOP - 6).append("\" x2=\"").append(x).append("\" y2=\"")
                    .append(height - 8).append("\" class=\"ref\"/>\n");
        }
    }

    private static String alphaChart(List<Bar> bars, String title) {
        int height = TOP + bars.size() * ROW + 10;
        double min = axisMin(bars);
        StringBuilder s = svg(height, title);
        axis(s, min, height);
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            int y = TOP + i * ROW;
            s.append("<text x=\"").append(LABEL - 8).append("\" y=\"").append(y + 17).append("\" class=\"label\">")
                    .append(Html.escape(bar.label())).append("</text>");
            if (Double.isNaN(bar.value())) {
                s.append("<text x=\"").append(num(x(0, min) + 4)).append("\" y=\"").append(y + 17)
                        .append("\" class=\"none\">no figure</text>\n");
                continue;
            }
            double x0 = x(0, min), x1 = x(bar.value(), min);
            s.append("<rect x=\"").append(num(Math.min(x0, x1))).append("\" y=\"").append(y + 6).append("\" width=\"")
                    .append(num(Math.abs(x1 - x0))).append("\" height=\"14\" fill=\"").append(BLUE).append("\"><title>")
                    .append(Html.escape(bar.label())).append(": ").append(fixed(bar.value())).append("</title></rect>");
            if (!Double.isNaN(bar.lo())) {
                String lo = num(x(bar.lo(), min)), hi = num(x(bar.hi(), min));
                int mid = y + 13;
                s.append("<path d=\"M").append(lo).append(' ').append(mid - 5).append("v10M").append(lo).append(' ').append(mid)
                        .append("H").append(hi).append("M").append(hi).append(' ').append(mid - 5).append("v10\" class=\"whisker\"/>");
            }
            s.append("<text x=\"").append(PLOT_RIGHT + 12).append("\" y=\"").append(y + 17).append("\" class=\"value\">")
                    .append(fixed(bar.value())).append("</text>\n");
        }
        return s.append("</svg>\n").toString();
    }

    private static String dotChart(List<Bar> bars, double threshold) {
        int height = TOP + bars.size() * ROW + 10;
        double min = Math.min(axisMin(bars), Math.floor(threshold * 5) / 5);
        StringBuilder s = svg(height, "Lowest alpha against gold per rater");
        axis(s, min, height);
        String tx = num(x(threshold, min));
        s.append("<line x1=\"").append(tx).append("\" y1=\"").append(TOP - 6).append("\" x2=\"").append(tx).append("\" y2=\"")
                .append(height - 8).append("\" class=\"threshold\"/>\n");
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            int y = TOP + i * ROW;
            boolean below = !Double.isNaN(bar.value()) && bar.value() < threshold;
            s.append("<text x=\"").append(LABEL - 8).append("\" y=\"").append(y + 17).append("\" class=\"label\">")
                    .append(Html.escape(bar.label())).append("</text>");
            if (Double.isNaN(bar.value())) {
                s.append("<text x=\"").append(num(x(0, min) + 4)).append("\" y=\"").append(y + 17).append("\" class=\"none\">no figure</text>\n");
                continue;
            }
            s.append("<circle cx=\"").append(num(x(bar.value(), min))).append("\" cy=\"").append(y + 13).append("\" r=\"6\" fill=\"")
                    .append(below ? ORANGE : BLUE).append("\"><title>").append(Html.escape(bar.label())).append(": ")
                    .append(fixed(bar.value())).append("</title></circle>");
            s.append("<text x=\"").append(PLOT_RIGHT + 12).append("\" y=\"").append(y + 17).append("\" class=\"value")
                    .append(below ? " low" : "").append("\">").append(fixed(bar.value())).append("</text>\n");
        }
        return s.append("</svg>\n").toString();
    }

    private static String dumbbell(Report.Comparison c) {
        List<Bar> all = new ArrayList<>();
        for (Report.ComparisonRow row : c.rows()) {
            all.add(new Bar(row.title(), row.oldAlpha(), Double.NaN, Double.NaN));
            all.add(new Bar(row.title(), row.newAlpha(), Double.NaN, Double.NaN));
        }
        double min = axisMin(all);
        int height = TOP + c.rows().size() * ROW + 10;
        StringBuilder s = svg(height, "Alpha under " + c.oldVersion() + " and " + c.newVersion());
        axis(s, min, height);
        for (int i = 0; i < c.rows().size(); i++) {
            Report.ComparisonRow row = c.rows().get(i);
            int y = TOP + i * ROW, mid = y + 13;
            s.append("<text x=\"").append(LABEL - 8).append("\" y=\"").append(y + 17).append("\" class=\"label\">")
                    .append(Html.escape(row.title())).append("</text>");
            boolean both = !Double.isNaN(row.oldAlpha()) && !Double.isNaN(row.newAlpha());
            if (both) {
                s.append("<line x1=\"").append(num(x(row.oldAlpha(), min))).append("\" y1=\"").append(mid).append("\" x2=\"")
                        .append(num(x(row.newAlpha(), min))).append("\" y2=\"").append(mid).append("\" class=\"link\"/>");
            }
            if (!Double.isNaN(row.oldAlpha())) {
                s.append("<circle cx=\"").append(num(x(row.oldAlpha(), min))).append("\" cy=\"").append(mid)
                        .append("\" r=\"5\" class=\"old\"><title>").append(Html.escape(c.oldVersion())).append(": ")
                        .append(fixed(row.oldAlpha())).append("</title></circle>");
            }
            if (!Double.isNaN(row.newAlpha())) {
                s.append("<circle cx=\"").append(num(x(row.newAlpha(), min))).append("\" cy=\"").append(mid).append("\" r=\"6\" fill=\"")
                        .append(BLUE).append("\"><title>").append(Html.escape(c.newVersion())).append(": ")
                        .append(fixed(row.newAlpha())).append("</title></circle>");
            }
            s.append("<text x=\"").append(PLOT_RIGHT + 12).append("\" y=\"").append(y + 17).append("\" class=\"value")
                    .append(both && row.delta() <= -0.0005 ? " low" : "").append("\">").append(signed(row.delta())).append("</text>\n");
        }
        return s.append("</svg>\n").toString();
    }

    /** A bar of the answers' shares, one segment per value (ordered scales: light to dark). */
    private static String distributionBar(Report.DimensionReport d) {
        List<Report.Count> counts = d.distribution().stream().filter(c -> c.count() > 0).toList();
        long total = counts.stream().mapToLong(Report.Count::count).sum() + d.notApplicable();
        if (total == 0) return "";
        boolean ordered = d.level().equals(Alpha.Level.ORDINAL.label()) || d.level().equals(Alpha.Level.INTERVAL.label());
        StringBuilder s = new StringBuilder("<svg class=\"dist\" viewBox=\"0 0 300 14\" width=\"300\" height=\"14\" role=\"img\" aria-label=\"")
                .append(Html.escape("answers to " + d.title())).append("\">");
        double x = 0;
        List<Report.Count> all = d.distribution();
        for (int i = 0; i < all.size(); i++) {
            Report.Count c = all.get(i);
            if (c.count() == 0) continue;
            double w = 300.0 * c.count() / total;
            String colour = ordered ? sequential(i, all.size()) : CATEGORICAL[i % CATEGORICAL.length];
            s.append("<rect x=\"").append(num(x)).append("\" y=\"0\" width=\"").append(num(w)).append("\" height=\"14\" fill=\"")
                    .append(colour).append("\"><title>").append(Html.escape(c.label())).append(": ").append(c.count())
                    .append("</title></rect>");
            x += w;
        }
        if (d.notApplicable() > 0) {
            s.append("<rect x=\"").append(num(x)).append("\" y=\"0\" width=\"").append(num(300.0 * d.notApplicable() / total))
                    .append("\" height=\"14\" fill=\"#cbd5e0\"><title>n/a: ").append(d.notApplicable()).append("</title></rect>");
        }
        return s.append("</svg>").toString();
    }

    private static String legend(Report.DimensionReport d) {
        List<String> parts = d.answerParts();
        return parts.isEmpty() ? "none" : Html.escape(String.join(" · ", parts));
    }

    private static String confused(Report.DimensionReport d) {
        if (d.confused().isEmpty()) return "none";
        List<String> parts = new ArrayList<>();
        for (Report.Confusion c : d.confused()) {
            parts.add(Html.escape(c.a()) + " / " + Html.escape(c.b()) + " (" + percentWhole(c.share()) + ")");
        }
        return String.join("<br>", parts);
    }

    /** Light to dark blue over n ordered values. */
    private static String sequential(int i, int n) {
        double t = n <= 1 ? 1 : (double) i / (n - 1);
        int r = (int) Math.round(198 + t * (8 - 198)), g = (int) Math.round(219 + t * (48 - 219)), b = (int) Math.round(239 + t * (107 - 239));
        return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, b);
    }

    private static StringBuilder svg(int height, String title) {
        return new StringBuilder("<svg viewBox=\"0 0 ").append(WIDTH).append(' ').append(height).append("\" role=\"img\" aria-label=\"")
                .append(Html.escape(title)).append("\" class=\"chart\">\n<title>").append(Html.escape(title)).append("</title>\n");
    }

    private static String num(double x) {
        return String.format(Locale.ROOT, "%.1f", x);
    }
}
