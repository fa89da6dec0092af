package org.rubricc.project;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.rubricc.backend.Json;
import org.rubricc.model.Version;

/**
 * {@code rubricc.lock}: the released versions of a project's rubrics, each with the hash of what it means with its
 * imports resolved ({@link Meaning}), and the hash of every scale it takes from a library, so that a change can be
 * traced to the library that made it. Written by {@code rubricc lock}, read by every command, committed with the
 * rubrics. Deterministic: rubrics by id, versions in semver order.
 */
public final class Lockfile {
    /** The lock file format; a reader refuses a newer one rather than misread it. */
    public static final int FORMAT = 1;

    /** A released version: its file (relative to the root), what it means, and the scales it imports. */
    public record Entry(String file, String sha256, Map<String, Imported> imported) {
        public Entry {
            imported = java.util.Collections.unmodifiableMap(new TreeMap<>(imported));
        }
    }

    /** A scale a released version takes from a library, by the name the rubric uses ({@code alias.name}). */
    public record Imported(String library, String sha256) {}

    /** A lock file that cannot be read; the message says why, in words a user acts on. */
    public static final class Invalid extends Exception {
        /** Where in the file, 1-based; line 1, column 1 when the problem is not at one place. */
        public final int line, column;

        public Invalid(String message) {
            this(message, 1, 1);
        }

        Invalid(String message, int line, int column) {
            super(message);
            this.line = Math.max(1, line);
            this.column = Math.max(1, column);
        }
    }

    private final TreeMap<String, TreeMap<Version, Entry>> rubrics;

    private Lockfile(TreeMap<String, TreeMap<Version, Entry>> rubrics) {
        this.rubrics = rubrics;
    }

    public static Lockfile empty() {
        return new Lockfile(new TreeMap<>());
    }

    public Optional<Entry> get(String id, Version version) {
        TreeMap<Version, Entry> versions = rubrics.get(id);
        return versions == null ? Optional.empty() : Optional.ofNullable(versions.get(version));
    }

    /** Every released version, by rubric id and version. */
    public Map<String, TreeMap<Version, Entry>> released() {
        return java.util.Collections.unmodifiableMap(rubrics);
    }

    public Lockfile with(String id, Version version, Entry entry) {
        TreeMap<String, TreeMap<Version, Entry>> copy = new TreeMap<>();
        rubrics.forEach((k, v) -> copy.put(k, new TreeMap<>(v)));
        copy.computeIfAbsent(id, k -> new TreeMap<>()).put(version, entry);
        return new Lockfile(copy);
    }

    public static Lockfile parse(String text) throws Invalid {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new Invalid("it is not valid JSON here", e.getLocation().getLineNr(), e.getLocation().getColumnNr());
        }
        if (root == null || !root.isObject()) throw new Invalid("it is not a JSON object");
        JsonNode format = root.get("lockfile");
        if (format == null || !format.canConvertToInt()) throw new Invalid("it has no \"lockfile\" format number");
        if (format.asInt() > FORMAT) {
            throw new Invalid("it was written in lock format " + format.asInt() + ", which this rubricc (format "
                    + FORMAT + ") cannot read; use a newer rubricc");
        }
        if (format.asInt() < 1) throw new Invalid("\"lockfile\" must be 1");
        TreeMap<String, TreeMap<Version, Entry>> rubrics = new TreeMap<>();
        JsonNode all = root.path("rubrics");
        if (!all.isMissingNode() && !all.isObject()) throw new Invalid("\"rubrics\" is not an object");
        for (var byId : all.properties()) {
            if (!byId.getValue().isObject()) throw new Invalid("\"rubrics\"." + byId.getKey() + " is not an object");
            for (var byVersion : byId.getValue().properties()) {
                String where = byId.getKey() + " " + byVersion.getKey();
                Version v = Version.parse(byVersion.getKey())
                        .orElseThrow(() -> new Invalid(where + ": not a semantic version"));
                JsonNode e = byVersion.getValue();
                String file = text(e, "file", where);
                String sha = text(e, "sha256", where);
                Map<String, Imported> imported = new TreeMap<>();
                JsonNode imps = e.path("imported");
                if (!imps.isMissingNode() && !imps.isObject()) throw new Invalid(where + ": \"imported\" is not an object");
                for (var imp : imps.properties()) {
                    String w = where + ", scale " + imp.getKey();
                    imported.put(imp.getKey(), new Imported(text(imp.getValue(), "library", w), text(imp.getValue(), "sha256", w)));
                }
                rubrics.computeIfAbsent(byId.getKey(), k -> new TreeMap<>()).put(v, new Entry(file, sha, imported));
            }
        }
        return new Lockfile(rubrics);
    }

    private static String text(JsonNode n, String field, String where) throws Invalid {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) throw new Invalid(where + ": no \"" + field + "\"");
        return v.asText();
    }

    /** The file's text: two-space JSON, sorted, with a final newline. */
    public String write() {
        ObjectNode root = Json.object();
        root.put("lockfile", FORMAT);
        root.put("comment", "Released rubric versions and the hashes of what they mean. Written by `rubricc lock`; "
                + "`rubricc check` fails when a released version changes. Commit this file; do not edit it.");
        ObjectNode all = root.putObject("rubrics");
        rubrics.forEach((id, versions) -> {
            ObjectNode byVersion = all.putObject(id);
            versions.forEach((v, e) -> {
                ObjectNode o = byVersion.putObject(v.toString());
                o.put("file", e.file());
                o.put("sha256", e.sha256());
                if (!e.imported().isEmpty()) {
                    ObjectNode imps = o.putObject("imported");
                    e.imported().forEach((name, imp) -> {
                        ObjectNode i = imps.putObject(name);
                        i.put("library", imp.library());
                        i.put("sha256", imp.sha256());
                    });
                }
            });
        });
        return Json.write(root);
    }
}
