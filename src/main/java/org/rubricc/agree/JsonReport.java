package org.rubricc.agree;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.rubricc.backend.Json;

/** The report as one JSON document for tools: every figure, undefined ones as null. */
public final class JsonReport {
    private JsonReport() {}

    public static String render(Report r) {
        ObjectNode o = Json.object();
        o.put("rubric", r.rubricId());
        ArrayNode files = o.putArray("files");
        r.files().forEach(files::add);
        o.put("lines", r.lines());
        o.put("leftOut", r.leftOutTotal());
        ObjectNode s = o.putObject("settings");
        s.put("bootstrap", r.settings().bootstrap());
        s.put("seed", r.settings().seed());
        s.put("confidence", r.settings().confidence());
        s.put("threshold", r.settings().threshold());
        ArrayNode versions = o.putArray("versions");
        for (Report.VersionReport v : r.versions()) {
            ObjectNode x = versions.addObject();
            x.put("version", v.version());
            x.put("ratings", v.ratings());
            x.put("raters", v.raters());
            x.put("items", v.items());
            ArrayNode dims = x.putArray("dimensions");
            for (Report.DimensionReport d : v.dimensions()) {
                ObjectNode y = dims.addObject();
                y.put("id", d.id());
                y.put("title", d.title());
                y.put("level", d.level());
                number(y, "alpha", d.alpha());
                number(y, "low", d.lo());
                number(y, "high", d.hi());
                y.put("items", d.items());
                y.put("pairableValues", d.pairable());
                y.put("answers", d.answers());
                y.put("notApplicable", d.notApplicable());
                ArrayNode dist = y.putArray("distribution");
                for (Report.Count c : d.distribution()) dist.addObject().put("value", c.label()).put("count", c.count());
                ArrayNode conf = y.putArray("confused");
                for (Report.Confusion c : d.confused()) {
                    ObjectNode z = conf.addObject().put("a", c.a()).put("b", c.b());
                    number(z, "pairs", c.count());
                    number(z, "share", c.share());
                }
            }
            ArrayNode text = x.putArray("notCompared");
            v.textDimensions().forEach(text::add);
        }
        ArrayNode comparisons = o.putArray("comparisons");
        for (Report.Comparison c : r.comparisons()) {
            ObjectNode x = comparisons.addObject().put("oldVersion", c.oldVersion()).put("newVersion", c.newVersion());
            ArrayNode rows = x.putArray("dimensions");
            for (Report.ComparisonRow row : c.rows()) {
                ObjectNode y = rows.addObject().put("oldId", row.oldId()).put("newId", row.newId()).put("title", row.title())
                        .put("level", row.level());
                number(y, "oldAlpha", row.oldAlpha());
                number(y, "oldLow", row.oldLo());
                number(y, "oldHigh", row.oldHi());
                number(y, "newAlpha", row.newAlpha());
                number(y, "newLow", row.newLo());
                number(y, "newHigh", row.newHi());
                number(y, "change", row.delta());
                ArrayNode ch = y.putArray("changes");
                row.changes().forEach(ch::add);
            }
        }
        if (r.gold().isPresent()) {
            Report.GoldReport g = r.gold().get();
            ObjectNode x = o.putObject("gold").put("file", g.file()).put("lines", g.lines()).put("leftOut", g.leftOut());
            ArrayNode raters = x.putArray("raters");
            for (Report.RaterReport rr : g.raters()) {
                ObjectNode y = raters.addObject().put("rater", rr.rater()).put("version", rr.version())
                        .put("goldItems", rr.goldItems()).put("below", rr.below());
                number(y, "exact", rr.exact());
                ArrayNode dims = y.putArray("dimensions");
                for (Report.RaterDimension d : rr.dimensions()) {
                    ObjectNode z = dims.addObject().put("id", d.id()).put("compared", d.compared());
                    number(z, "exact", d.exact());
                    number(z, "withinOne", d.withinOne());
                    number(z, "alpha", d.alpha());
                }
                ArrayNode diffs = y.putArray("differences");
                for (Report.Difference d : rr.differences()) {
                    ObjectNode z = diffs.addObject().put("item", d.item());
                    number(z, "distance", d.distance());
                    ArrayNode w = z.putArray("where");
                    d.where().forEach(w::add);
                }
            }
        } else {
            o.putNull("gold");
        }
        ArrayNode left = o.putArray("leftOutLines");
        for (Ratings.LeftOut l : r.leftOut()) left.addObject().put("file", l.file()).put("line", l.line()).put("reason", l.reason());
        return Json.write(o);
    }

    private static void number(ObjectNode o, String key, double x) {
        if (Double.isNaN(x) || Double.isInfinite(x)) o.putNull(key);
        else o.put(key, x);
    }
}
