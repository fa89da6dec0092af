package org.rubricc.migrate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.rubricc.model.Rubric;
import org.rubricc.model.Version;

/**
 * Carries ratings from older versions of a rubric to a target version, one version step at a time (each
 * step is what {@code rubricc diff} compares, so {@code formerly} needs to say only what the version before
 * was called). The result is the rating as far as it could be carried, what must be rated again and why,
 * and the answers the target has no place for. A rating with nothing to re-rate still has to pass the
 * target's validator before it counts as migrated: that proof is the caller's, on the bytes it writes.
 * Thread-safe: one instance may migrate ratings on any number of threads.
 */
public final class Migration {
    private final Rubric target;
    private final List<Rubric> path;
    private final Map<String, Step> steps = new HashMap<>();
    private final Map<Rubric, List<Step>> chains = new java.util.IdentityHashMap<>();
    private final boolean strictMeaning;
    private final String targetVersion;

    /**
     * @param versions      versions of one rubric, the target among them, in any order
     * @param strictMeaning also re-rate answers to questions whose wording, anchors or points changed meaning
     */
    public Migration(List<Rubric> versions, Rubric target, boolean strictMeaning) {
        this.target = target;
        this.strictMeaning = strictMeaning;
        this.targetVersion = target.version().toString();
        List<Rubric> sorted = new ArrayList<>(versions.stream().filter(r -> r.id().equals(target.id())
                && r.version().compareTo(target.version()) <= 0).toList());
        sorted.sort(Comparator.comparing(Rubric::version));
        this.path = List.copyOf(sorted);
        for (Rubric r : path) chains.put(r, chain(r));
    }

    public Rubric target() {
        return target;
    }

    /** Whether ratings of this version can be migrated: it is the target or a version before it. */
    public boolean from(Version v) {
        return path.stream().anyMatch(r -> r.version().equals(v));
    }

    /** The versions a rating of {@code from} passes through, {@code from} and the target included. */
    public List<Rubric> steps(Rubric from) {
        return path.subList(path.indexOf(from), path.size());
    }

    /** The answers, justifications and what must be rated again after carrying a rating to the target. */
    public record Result(ObjectNode rating, List<Reason> rerate, List<Dropped> dropped) {}

    /**
     * Carries a rating that is valid under {@code from} (one of the versions given) to the target. The
     * rating's rubric, item and rater stay; its version becomes the target's.
     */
    public Result migrate(JsonNode rating, Rubric from) {
        if (!path.contains(from)) throw new IllegalArgumentException(from + " is not a version before " + target);
        if (from == target) return new Result((ObjectNode) rating, List.of(), List.of()); // nothing to carry
        Step.State s = new Step.State();
        rating.get("answers").fields().forEachRemaining(e -> s.answers.put(e.getKey(), e.getValue()));
        JsonNode justifications = rating.get("justifications");
        if (justifications != null) justifications.fields().forEachRemaining(e -> s.justifications.put(e.getKey(), e.getValue().textValue()));
        for (Step step : chains.get(from)) step.apply(s);

        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = rating.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            switch (e.getKey()) {
                case "version" -> out.put("version", targetVersion);
                case "answers" -> {
                    ObjectNode answers = out.putObject("answers");
                    s.answers.forEach(answers::set);
                }
                case "justifications" -> {
                    ObjectNode js = out.putObject("justifications");
                    s.justifications.forEach(js::put);
                }
                default -> out.set(e.getKey(), e.getValue());
            }
        }
        if (!s.justifications.isEmpty() && !out.has("justifications")) {
            ObjectNode js = out.putObject("justifications");
            s.justifications.forEach(js::put);
        }
        return new Result(out, List.copyOf(s.rerate()), List.copyOf(s.dropped));
    }

    /** The steps from a version to the target; each step is built once and shared by every chain through it. */
    private List<Step> chain(Rubric from) {
        List<Rubric> versions = steps(from);
        List<Step> out = new ArrayList<>();
        for (int i = 0; i + 1 < versions.size(); i++) {
            Rubric a = versions.get(i), b = versions.get(i + 1);
            out.add(steps.computeIfAbsent(a.version() + " " + b.version(), k -> new Step(a, b, strictMeaning)));
        }
        return out;
    }
}
