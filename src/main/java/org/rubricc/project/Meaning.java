package org.rubricc.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.rubricc.backend.Digest;
import org.rubricc.model.Rubric;
import org.rubricc.model.Scale;
import org.rubricc.source.Span;

/**
 * What a rubric version means, as a hash: everything a rater reads or a validator decides (ids, labels, anchors,
 * guidance, rules, former names, the scales it imports), and nothing about how the file is written (layout,
 * comments, where things are in the file).
 *
 * <p>The canonical form walks the model: records by component name in sorted order, maps by key, lists in order,
 * numbers by value ({@code 1.0} and {@code 1} are the same point), every variant of a sealed type tagged by its
 * name. Empty and default values (absent, empty lists, {@code ""}, {@code false}, {@code 0}) are left out, so that
 * a construct added to the language later does not change the hash of a rubric that does not use it.
 */
public record Meaning(String sha256, Map<String, String> scales) {
    /**
     * The hashes of the imported scales a version uses ({@code alias.name}), and of the rules and tables it takes
     * from libraries ({@code alias.rule:id}, {@code alias.table:id}): what a library contributes, by name, so that a
     * changed library can be named.
     */
    public Map<String, String> scales() {
        return scales;
    }

    /** The version of the canonical form; a change here would change every hash and must bump the lock file's. */
    static final int FORM = 1;

    public static Meaning of(Rubric r) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        put(root, "description", r.description());
        put(root, "id", r.id());
        put(root, "itemFields", r.itemFields());
        put(root, "rules", r.rules());
        put(root, "tables", r.tables());
        // Scales no dimension asks on do not change what the version means: a library may grow without
        // touching the versions that import it. The scales that are used are also inside their dimensions.
        Map<String, Scale> used = new java.util.LinkedHashMap<>();
        r.scales().forEach((name, s) -> {
            if (name.indexOf('.') < 0 || r.dimensions().stream().anyMatch(d -> d.scale().equals(s))) used.put(name, s);
        });
        put(root, "scales", used);
        put(root, "sections", r.sections());
        put(root, "title", r.title());
        put(root, "version", r.version().toString());
        Map<String, String> scales = new TreeMap<>();
        for (Map.Entry<String, Scale> e : used.entrySet()) scales.put(e.getKey(), hash(canonical(e.getValue())));
        // Rules and tables of libraries carry their alias in their id: `common.consistency`.
        for (org.rubricc.model.Rule rule : r.rules()) {
            int dot = rule.id().indexOf('.');
            if (dot > 0) scales.put(rule.id().substring(0, dot) + ".rule:" + rule.id().substring(dot + 1), hash(canonical(rule)));
        }
        for (org.rubricc.model.Table t : r.tables()) {
            int dot = t.id().indexOf('.');
            if (dot > 0) scales.put(t.id().substring(0, dot) + ".table:" + t.id().substring(dot + 1), hash(canonical(t)));
        }
        return new Meaning(hash(root), java.util.Collections.unmodifiableMap(scales));
    }

    /** The canonical text of a model value, for tests and for hashing. */
    static String text(Object value) {
        JsonNode n = canonical(value);
        return n == null ? "" : n.toString();
    }

    private static String hash(JsonNode node) {
        return Digest.sha256Hex(node == null ? "" : node.toString(), 64);
    }

    private static void put(ObjectNode into, String key, Object value) {
        JsonNode n = canonical(value);
        if (n != null) into.set(key, n);
    }

    /** The canonical JSON of a value, or null when it is empty or a default and is left out. */
    private static JsonNode canonical(Object v) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (v == null || v instanceof Span) return null;
        if (v instanceof Optional<?> o) return o.map(Meaning::canonical).orElse(null);
        if (v instanceof String s) return s.isEmpty() ? null : f.textNode(s);
        if (v instanceof Boolean b) return b ? f.booleanNode(true) : null;
        if (v instanceof Integer || v instanceof Long) return ((Number) v).longValue() == 0 ? null : f.numberNode(((Number) v).longValue());
        if (v instanceof BigDecimal d) return f.textNode(d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString());
        if (v instanceof Enum<?> e) return f.textNode(e.name());
        if (v instanceof org.rubricc.model.Version ver) return f.textNode(ver.toString());
        if (v instanceof org.rubricc.model.TextPattern.CharSet set) return f.textNode(set.toString());
        if (v instanceof Collection<?> c) {
            if (c.isEmpty()) return null;
            ArrayNode a = f.arrayNode();
            for (Object o : c) {
                JsonNode n = canonical(o);
                a.add(n == null ? f.nullNode() : n);
            }
            return a;
        }
        if (v instanceof Map<?, ?> m) {
            if (m.isEmpty()) return null;
            // Key order of a map is part of its meaning where the language keeps it (scales in declaration
            // order are shown in that order), so the entries stay in order, as [key, value] pairs.
            ArrayNode a = f.arrayNode();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                JsonNode n = canonical(e.getValue());
                a.add(f.arrayNode().add(String.valueOf(e.getKey())).add(n == null ? f.nullNode() : n));
            }
            return a;
        }
        if (v instanceof Record rec) {
            Map<String, JsonNode> fields = new TreeMap<>();
            for (RecordComponent rc : rec.getClass().getRecordComponents()) {
                Object value;
                try {
                    value = rc.getAccessor().invoke(rec);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + rc, e);
                }
                JsonNode n = canonical(value);
                if (n != null) fields.put(rc.getName(), n);
            }
            ObjectNode o = f.objectNode();
            o.put("$", tag(rec.getClass()));
            fields.forEach(o::set);
            return o;
        }
        throw new IllegalStateException("no canonical form for " + v.getClass().getName());
    }

    /** A model variant's name, such as {@code Scale.Ordinal} or {@code Condition.Compare}. */
    private static String tag(Class<?> c) {
        StringBuilder s = new StringBuilder(c.getSimpleName());
        for (Class<?> outer = c.getEnclosingClass(); outer != null; outer = outer.getEnclosingClass()) {
            s.insert(0, outer.getSimpleName() + ".");
        }
        return s.toString();
    }
}
