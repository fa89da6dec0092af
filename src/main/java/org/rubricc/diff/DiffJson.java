package org.rubricc.diff;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.rubricc.backend.Json;

/**
 * `rubricc diff --format json`: one stable document. {@code rubric}, {@code oldVersion},
 * {@code newVersion}, {@code requiredBump} ({@code none}, {@code patch}, {@code minor},
 * {@code major}), {@code smallestAllowedVersion} (the lowest version NEW may declare), and
 * {@code changes}, each with {@code rule}, {@code class}, {@code path}, {@code oldLine},
 * {@code newLine}, {@code old}, {@code new} ({@code null} when absent) and {@code message}.
 */
public final class DiffJson {
    private DiffJson() {}

    public static ObjectNode toJson(Diff diff) {
        ObjectNode o = Json.object();
        o.put("rubric", diff.newRubric().id());
        o.put("oldVersion", diff.oldRubric().version().toString());
        o.put("newVersion", diff.newRubric().version().toString());
        o.put("requiredBump", diff.requiredBump().label());
        o.put("smallestAllowedVersion", VersionCheck.smallestAllowed(diff.oldRubric().version(), diff.requiredBump()).toString());
        ArrayNode changes = o.putArray("changes");
        for (Change c : diff.changes()) {
            ObjectNode x = changes.addObject();
            x.put("rule", c.rule().id());
            x.put("class", c.changeClass().label());
            x.put("path", c.path());
            if (c.oldLine().isPresent()) x.put("oldLine", c.oldLine().get());
            else x.putNull("oldLine");
            if (c.newLine().isPresent()) x.put("newLine", c.newLine().get());
            else x.putNull("newLine");
            if (c.oldValue().isPresent()) x.put("old", c.oldValue().get());
            else x.putNull("old");
            if (c.newValue().isPresent()) x.put("new", c.newValue().get());
            else x.putNull("new");
            x.put("message", c.message());
        }
        return o;
    }

    public static String render(Diff diff) {
        return Json.write(toJson(diff));
    }
}
