package org.rubricc.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.rubricc.model.Constraint;
import org.rubricc.model.Dimension;
import org.rubricc.model.Rubric;
import org.rubricc.model.Rule;
import org.rubricc.model.Scale;
import org.rubricc.testing.PatternSampler;

/**
 * Generates submissions for a rubric: valid ones, built by walking the dimensions in asking order
 * (skips and rule constraints can be decided at each step, because conditions only look back), and
 * mutations of valid ones that each break one thing. Deterministic for a given seed.
 */
public final class SubmissionGenerator {
    /** The kinds of mutation; each breaks exactly one rule of the submission format or the rubric. */
    public enum Mutation {
        NONE, ANSWER_WHEN_SKIPPED, MISSING_REQUIRED_ANSWER, VALUE_OFF_SCALE, MISSING_JUSTIFICATION,
        JUSTIFICATION_TOO_SHORT, RULE_VIOLATED, UNKNOWN_KEY, WRONG_TYPE, WRONG_VERSION, RANDOM_ANSWERS
    }

    public record Sample(Mutation mutation, ObjectNode submission) {}

    private static final JsonNodeFactory F = JsonNodeFactory.withExactBigDecimals(true);
    private final Rubric rubric;
    private final Random random;

    public SubmissionGenerator(Rubric rubric, long seed) {
        this.rubric = rubric;
        this.random = new Random(seed);
    }

    /** A sample with the given mutation, or empty when this mutation does not apply to the valid sample drawn. */
    public Optional<Sample> sample(Mutation mutation) {
        Optional<ObjectNode> valid = valid();
        if (valid.isEmpty()) return Optional.empty();
        ObjectNode s = valid.get();
        boolean applied = switch (mutation) {
            case NONE -> true;
            case ANSWER_WHEN_SKIPPED -> answerSkipped(s);
            case MISSING_REQUIRED_ANSWER -> removeRequired(s);
            case VALUE_OFF_SCALE -> offScale(s);
            case MISSING_JUSTIFICATION -> justification(s, false);
            case JUSTIFICATION_TOO_SHORT -> justification(s, true);
            case RULE_VIOLATED -> violateRule(s);
            case UNKNOWN_KEY -> unknownKey(s);
            case WRONG_TYPE -> wrongType(s);
            case WRONG_VERSION -> {
                s.put("version", rubric.version().major() + 1 + ".0.0");
                yield true;
            }
            case RANDOM_ANSWERS -> randomAnswers(s);
        };
        return applied ? Optional.of(new Sample(mutation, s)) : Optional.empty();
    }

    // ---------------------------------------------------------------------------------------------
    // Valid submissions
    // ---------------------------------------------------------------------------------------------

    public Optional<ObjectNode> valid() {
        ObjectNode s = F.objectNode();
        s.put("rubric", rubric.id());
        s.put("version", rubric.version().toString());
        s.put("item", "item-" + random.nextInt(100_000));
        s.put("rater", "r-" + random.nextInt(100));
        ObjectNode answers = s.putObject("answers");
        for (Dimension d : rubric.dimensions()) {
            if (skipped(d, answers)) continue;
            List<Constraint> active = activeConstraints(d, answers);
            boolean mustAnswer = d.required() || active.stream().anyMatch(c -> c instanceof Constraint.Require);
            if (!mustAnswer && random.nextInt(3) == 0) continue;
            JsonNode v = null;
            for (int attempt = 0; attempt < 30 && v == null; attempt++) {
                JsonNode candidate = value(d);
                boolean ok = active.stream().allMatch(c -> !(c instanceof Constraint.Bound || c instanceof Constraint.OneOf
                        || c instanceof Constraint.Forbid) || new JsonAnswers(answers).satisfies(c, candidate));
                if (ok) v = candidate;
            }
            // A value a rule or decision table demands exactly (`then x == 1`), which random values on a range rarely hit.
            for (Constraint c : active) {
                if (v != null || !(c instanceof Constraint.Bound b) || b.op() != org.rubricc.model.Condition.Op.EQ) continue;
                JsonNode candidate = json(b.value());
                boolean ok = active.stream().allMatch(x -> !(x instanceof Constraint.Bound || x instanceof Constraint.OneOf
                        || x instanceof Constraint.Forbid) || new JsonAnswers(answers).satisfies(x, candidate));
                if (ok) v = candidate;
            }
            if (v == null) return Optional.empty();
            answers.set(d.id(), v);
        }
        ObjectNode justifications = F.objectNode();
        for (Dimension d : rubric.dimensions()) {
            if (!answers.has(d.id())) continue;
            int min = requiredJustification(d, answers);
            if (min > 0 || random.nextInt(5) == 0) justifications.put(d.id(), text(Math.max(min, 1) + random.nextInt(20)));
        }
        if (justifications.size() > 0 || random.nextBoolean()) s.set("justifications", justifications);
        return Optional.of(s);
    }

    private static JsonNode json(org.rubricc.model.Value v) {
        if (v instanceof org.rubricc.model.Value.Number n) return F.numberNode(n.value());
        if (v instanceof org.rubricc.model.Value.Bool b) return F.booleanNode(b.value());
        if (v instanceof org.rubricc.model.Value.Choice c) return F.textNode(c.id());
        return F.textNode("n/a");
    }

    boolean skipped(Dimension d, JsonNode answers) {
        return rubric.skipCondition(d).map(c -> new JsonAnswers(answers).holds(c)).orElse(false);
    }

    /** The constraints on {@code d} of rules whose condition holds on the answers so far. */
    private List<Constraint> activeConstraints(Dimension d, JsonNode answers) {
        List<Constraint> out = new ArrayList<>();
        for (Rule r : rubric.enforcedRules()) {
            if (r.when().isPresent() && !new JsonAnswers(answers).holds(r.when().get())) continue;
            for (Constraint c : r.constraints()) if (c.target().equals(d.id())) out.add(c);
        }
        return out;
    }

    /** The longest justification the rubric requires for an answered dimension, 0 if none. */
    int requiredJustification(Dimension d, JsonNode answers) {
        int min = 0;
        for (Dimension.Justification j : d.justifications()) {
            if (j.when().isEmpty() || new JsonAnswers(answers).holds(j.when().get())) min = Math.max(min, j.minLength());
        }
        for (Constraint c : activeConstraints(d, answers)) {
            if (c instanceof Constraint.Justify j) min = Math.max(min, j.minLength());
        }
        return min;
    }

    /** A random value of the dimension's scale, sometimes "n/a", sometimes a number written as 2.0. */
    JsonNode value(Dimension d) {
        if (d.notApplicable().isPresent() && random.nextInt(6) == 0) return F.textNode("n/a");
        Scale s = d.scale();
        if (s instanceof Scale.Ordinal o) {
            BigDecimal v = o.points().get(random.nextInt(o.points().size())).value();
            return F.numberNode(random.nextInt(4) == 0 ? v.setScale(Math.max(1, v.scale() + 1)) : v);
        }
        if (s instanceof Scale.Categorical c) return F.textNode(c.choices().get(random.nextInt(c.choices().size())).id());
        if (s instanceof Scale.Bool) return F.booleanNode(random.nextBoolean());
        if (s instanceof Scale.MultiSelect m) {
            List<Scale.Choice> choices = new ArrayList<>(m.choices());
            Collections.shuffle(choices, random);
            int n = m.min() + random.nextInt(m.max() - m.min() + 1);
            ArrayNode a = F.arrayNode();
            choices.subList(0, n).forEach(ch -> a.add(ch.id()));
            return a;
        }
        if (s instanceof Scale.Numeric r) {
            if (r.step().isPresent()) {
                int steps = r.max().subtract(r.min()).divideToIntegralValue(r.step().get()).intValue();
                return F.numberNode(r.min().add(r.step().get().multiply(BigDecimal.valueOf(random.nextInt(steps + 1)))));
            }
            return F.numberNode(r.min().add(r.max().subtract(r.min()).multiply(BigDecimal.valueOf(random.nextInt(101), 2))));
        }
        Scale.Text t = (Scale.Text) s;
        if (t.pattern().isPresent()) return F.textNode(inFormat(t));
        int max = t.maxLength().orElse(t.minLength() + 50);
        return F.textNode(text(t.minLength() + random.nextInt(Math.min(max - t.minLength(), 60) + 1)));
    }

    /** A text drawn from the scale's pattern, of an allowed length when one of a few draws has it. */
    private String inFormat(Scale.Text t) {
        PatternSampler sampler = new PatternSampler(random, true);
        String out = "";
        for (int i = 0; i < 20; i++) {
            out = sampler.matching(t.pattern().get().regex());
            int n = out.codePointCount(0, out.length());
            if (n >= t.minLength() && n <= t.maxLength().orElse(Integer.MAX_VALUE)) return out;
        }
        return out;
    }

    /** A text near the scale's format that does not have it (a tricky character added, changed or removed). */
    private Optional<String> offFormat(Scale.Text t) {
        PatternSampler sampler = new PatternSampler(random);
        for (int i = 0; i < 20; i++) {
            String near = sampler.edit(inFormat(t));
            int n = near.codePointCount(0, near.length());
            if (n >= t.minLength() && n <= t.maxLength().orElse(Integer.MAX_VALUE) && !t.pattern().get().matches(near)) {
                return Optional.of(near);
            }
        }
        return Optional.empty();
    }

    /** Text of exactly {@code n} code points, with some beyond the Basic Multilingual Plane. */
    String text(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            int r = random.nextInt(30);
            if (r == 0) b.appendCodePoint(0x1F600 + random.nextInt(40));
            else if (r == 1) b.append('\u00E9');
            else b.append((char) ('a' + random.nextInt(26)));
        }
        return b.toString();
    }

    // ---------------------------------------------------------------------------------------------
    // Mutations
    // ---------------------------------------------------------------------------------------------

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    private boolean answerSkipped(ObjectNode s) {
        ObjectNode answers = (ObjectNode) s.get("answers");
        List<Dimension> skipped = rubric.dimensions().stream().filter(d -> skipped(d, answers)).toList();
        if (skipped.isEmpty()) return false;
        Dimension d = pick(skipped);
        answers.set(d.id(), value(d));
        return true;
    }

    private boolean removeRequired(ObjectNode s) {
        ObjectNode answers = (ObjectNode) s.get("answers");
        List<Dimension> candidates = rubric.dimensions().stream()
                .filter(d -> d.required() && answers.has(d.id())).toList();
        if (candidates.isEmpty()) return false;
        Dimension d = pick(candidates);
        answers.remove(d.id());
        if (s.get("justifications") instanceof ObjectNode j) j.remove(d.id());
        return true;
    }

    private boolean offScale(ObjectNode s) {
        ObjectNode answers = (ObjectNode) s.get("answers");
        List<Dimension> candidates = rubric.dimensions().stream()
                .filter(d -> answers.has(d.id()) && !(d.scale() instanceof Scale.Bool)).toList();
        if (candidates.isEmpty()) return false;
        Dimension d = pick(candidates);
        Scale sc = d.scale();
        JsonNode bad;
        if (sc instanceof Scale.Ordinal o) bad = F.numberNode(o.points().get(o.points().size() - 1).value().add(new BigDecimal("0.5")));
        else if (sc instanceof Scale.Categorical) bad = F.textNode("not-a-choice");
        else if (sc instanceof Scale.MultiSelect) bad = F.arrayNode().add("not-a-choice");
        else if (sc instanceof Scale.Numeric r) bad = F.numberNode(r.max().add(BigDecimal.ONE));
        else {
            Scale.Text t = (Scale.Text) sc;
            Optional<String> off = t.pattern().isPresent() && random.nextBoolean() ? offFormat(t) : Optional.empty();
            if (off.isPresent()) bad = F.textNode(off.get());
            else if (t.maxLength().isPresent() && random.nextBoolean()) bad = F.textNode(text(t.maxLength().get() + 1));
            else if (t.minLength() > 0) bad = F.textNode(text(t.minLength() - 1));
            else return false;
        }
        answers.set(d.id(), bad);
        return true;
    }

    private boolean justification(ObjectNode s, boolean tooShort) {
        ObjectNode answers = (ObjectNode) s.get("answers");
        List<Dimension> candidates = rubric.dimensions().stream()
                .filter(d -> answers.has(d.id()) && requiredJustification(d, answers) > (tooShort ? 1 : 0)).toList();
        if (candidates.isEmpty()) return false;
        Dimension d = pick(candidates);
        ObjectNode j = (ObjectNode) s.get("justifications");
        if (tooShort) j.put(d.id(), text(requiredJustification(d, answers) - 1));
        else j.remove(d.id());
        return true;
    }

    private boolean violateRule(ObjectNode s) {
        ObjectNode answers = (ObjectNode) s.get("answers");
        List<Constraint> candidates = new ArrayList<>();
        for (Dimension d : rubric.dimensions()) {
            if (skipped(d, answers)) continue;
            for (Constraint c : activeConstraints(d, answers)) {
                if (c instanceof Constraint.Bound || c instanceof Constraint.OneOf || c instanceof Constraint.Forbid) candidates.add(c);
            }
        }
        Collections.shuffle(candidates, random);
        for (Constraint c : candidates) {
            Dimension d = rubric.dimension(c.target()).orElseThrow();
            for (int attempt = 0; attempt < 30; attempt++) {
                JsonNode v = value(d);
                if (!new JsonAnswers(answers).satisfies(c, v)) {
                    answers.set(d.id(), v);
                    return true;
                }
            }
        }
        return false;
    }

    private boolean unknownKey(ObjectNode s) {
        switch (random.nextInt(3)) {
            case 0 -> s.put("comment", "unexpected");
            case 1 -> ((ObjectNode) s.get("answers")).put("no_such_dimension", 1);
            default -> {
                ObjectNode j = s.get("justifications") instanceof ObjectNode o ? o : s.putObject("justifications");
                j.put("no_such_dimension", "why");
            }
        }
        return true;
    }

    private boolean wrongType(ObjectNode s) {
        ObjectNode answers = (ObjectNode) s.get("answers");
        switch (random.nextInt(4)) {
            case 0 -> s.put("item", 42);
            case 1 -> s.set("answers", F.arrayNode());
            default -> {
                List<String> keys = new ArrayList<>();
                answers.fieldNames().forEachRemaining(keys::add);
                if (keys.isEmpty()) return false;
                String k = pick(keys);
                JsonNode v = answers.get(k);
                // No scale accepts an object; numbers written as strings are wrong too.
                answers.set(k, v.isNumber() ? F.textNode(v.asText()) : F.objectNode());
            }
        }
        return true;
    }

    /** Replaces a few answers with random values of any type and any dimension: either verdict may result. */
    private boolean randomAnswers(ObjectNode s) {
        ObjectNode answers = (ObjectNode) s.get("answers");
        for (int i = 0; i < 1 + random.nextInt(3); i++) {
            Dimension d = pick(rubric.dimensions());
            switch (random.nextInt(5)) {
                case 0 -> answers.remove(d.id());
                case 1 -> answers.set(d.id(), F.textNode("n/a"));
                default -> answers.set(d.id(), value(pick(rubric.dimensions())));
            }
        }
        return true;
    }
}
