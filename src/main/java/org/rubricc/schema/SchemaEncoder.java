package org.rubricc.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.rubricc.backend.Json;
import org.rubricc.backend.Sentences;
import org.rubricc.model.Condition;
import org.rubricc.model.Constraint;
import org.rubricc.model.Dimension;
import org.rubricc.model.Phrases;
import org.rubricc.model.Rubric;
import org.rubricc.model.Rule;
import org.rubricc.model.Scale;
import org.rubricc.model.Value;

/**
 * Encodes a rubric as a JSON Schema (draft 2020-12) that accepts exactly the submissions
 * {@link org.rubricc.validate.Validator} accepts, and that form renderers draw and strict validators
 * load unchanged (README, "Rating-form schema"):
 * <ul>
 *   <li>standard keywords only, every typed keyword beside its {@code type}, every {@code required}
 *       beside the {@code properties} it names (ajv's strict mode);</li>
 *   <li>a question's property exists only where it is asked: a skipped question is defined in the
 *       {@code else} of its skip condition, inside the {@code answers} object, so a renderer that
 *       resolves {@code if}/{@code then}/{@code else} hides it; {@code unevaluatedProperties} rejects
 *       everything no branch defined;</li>
 *   <li>a required justification is defined only while it is required, with its minimum length;</li>
 *   <li>labelled values are {@code oneOf} of one-value {@code enum}s with a {@code title}: the same test as
 *       {@code const}, but a renderer that turns constants into defaults does not pre-answer questions.</li>
 * </ul>
 * Each condition atom is "the answer is present and its value matches", as {@link org.rubricc.model.Answers}
 * says. While encoding, the encoder notes rubricc's own message for every keyword that can fail
 * ({@link #messages()}), keyed by where the keyword ends up in the schema.
 */
public final class SchemaEncoder {
    public static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";
    /** Where the schemas' {@code $id}s live; nothing fetches them, they name the schema. */
    public static final String ID_BASE = "https://rubricc.org/schemas/";

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final Rubric rubric;
    private final Messages messages = new Messages();
    private ObjectNode encoded;
    private String text;

    public SchemaEncoder(Rubric rubric) {
        this.rubric = rubric;
    }

    /**
     * The schema's {@code $id}: {@code https://rubricc.org/schemas/<rubric>/<version>/rating-form.schema.json?sha256=<digest>},
     * the digest being the first 16 hex digits of the SHA-256 of the schema written without its {@code $id}. The same
     * content has the same {@code $id} on every run and machine; a rubric that changed without a new version number gets
     * another one, so a validator that caches schemas by {@code $id} cannot mix them up.
     */
    static String id(Rubric r, String contentWithoutId) {
        return ID_BASE + r.id() + "/" + r.version() + "/" + SchemaTarget.FILE + "?sha256="
                + org.rubricc.backend.Digest.sha256Hex(contentWithoutId, 16);
    }

    /** The schema. */
    public ObjectNode encode() {
        if (encoded != null) return encoded;
        ObjectNode root = Json.object();
        root.put("$schema", DIALECT);
        root.put("$id", "");
        root.put("title", rubric.title() + " " + rubric.version());
        if (!rubric.description().isEmpty()) root.put("description", rubric.description());
        root.put("type", "object");
        ObjectNode props = root.putObject("properties");
        String id = rubric.id();
        String version = rubric.version().toString();
        ObjectNode rubricProp = props.putObject("rubric").put("type", "string").put("const", id)
                .put("title", "Rubric").put("description", "The id of the rubric this rating follows.");
        messages.note(rubricProp, "type", "`rubric` must be the string \"" + id + "\"");
        messages.note(rubricProp, "const", "this rating is for another rubric; it must be \"" + id + "\"");
        ObjectNode versionProp = props.putObject("version").put("type", "string").put("const", version)
                .put("title", "Version").put("description", "The version of the rubric this rating was written for.");
        messages.note(versionProp, "type", "`version` must be the string \"" + version + "\"");
        messages.note(versionProp, "const", "this rating was written for another version of " + id + "; it must be \""
                + version + "\"");
        for (String field : List.of("item", "rater")) {
            ObjectNode p = props.putObject(field).put("type", "string").put("minLength", 1)
                    .put("title", field.equals("item") ? "Item" : "Rater")
                    .put("description", field.equals("item") ? "The id of the rated item." : "The id of the rater.");
            messages.note(p, "type", "`" + field + "` must be a non-empty string");
            messages.note(p, "minLength", "`" + field + "` must be a non-empty string");
        }
        props.set("answers", answers());
        props.set("justifications", justifications());
        root.putArray("required").add("rubric").add("version").add("item").add("rater").add("answers");
        messages.note(root, "required", "a rating needs `rubric`, `version`, `item`, `rater` and `answers`");
        root.put("additionalProperties", false);
        messages.note(root, "additionalProperties", "unknown field; a rating has only rubric, version, item, rater, answers "
                + "and justifications");
        ArrayNode all = root.putArray("allOf");
        for (Dimension d : rubric.dimensions()) justificationRules(d, all);
        if (all.isEmpty()) root.remove("allOf");
        String withoutId = Json.write(root);
        String schemaId = id(rubric, withoutId);
        root.put("$id", schemaId);
        encoded = root;
        // The written schema is the text just hashed with the id put in: the root's "$id" is its second member,
        // after "$schema", whose value is the dialect's fixed URI, so the text starts the same every time.
        String empty = Json.write(Json.object().put("$schema", DIALECT).put("$id", "")).replaceFirst("\n}\n$", ",\n");
        if (!withoutId.startsWith(empty)) throw new IllegalStateException("the schema does not start with $schema and $id");
        text = Json.write(Json.object().put("$schema", DIALECT).put("$id", schemaId)).replaceFirst("\n}\n$", ",\n")
                + withoutId.substring(empty.length());
        return root;
    }

    /** The schema as rubricc writes it, {@code Json.write(encode())}: serialized once, with its id put in. */
    public String text() {
        encode();
        return text;
    }

    /** rubricc's message for each keyword of {@link #encode()} that can fail (README, "Using the rating form"). */
    public ObjectNode messages() {
        return messages.catalog(encode());
    }

    // ---------------------------------------------------------------------------------------------
    // Answers: the questions always asked, and those asked only where their skip condition is false
    // ---------------------------------------------------------------------------------------------

    private ObjectNode answers() {
        ObjectNode answers = Json.object();
        answers.put("type", "object");
        answers.put("title", "Answers");
        answers.put("description", "One answer per question, by dimension id; a skipped question has none.");
        ObjectNode properties = answers.putObject("properties");
        ArrayNode required = Json.MAPPER.createArrayNode();
        ArrayNode all = Json.MAPPER.createArrayNode();
        for (Dimension d : rubric.dimensions()) {
            Optional<Condition> skip = rubric.skipCondition(d);
            if (skip.isEmpty()) {
                properties.set(d.id(), answer(d));
                if (d.required()) required.add(d.id());
                continue;
            }
            ObjectNode rule = all.addObject();
            rule.put("$comment", "`" + d.id() + "` is asked unless " + skip.get().toSource());
            rule.set("if", condition(skip.get()));
            ObjectNode absent = Json.object();
            absent.set("not", present(d.id()));
            messages.note(absent, "not", Phrases.title(d) + " is skipped for this rating (skip when "
                    + skip.get().toSource() + "), so it must not be answered");
            messages.hide(rule, "if");
            rule.set("then", absent);
            ObjectNode asked = rule.putObject("else");
            asked.putObject("properties").set(d.id(), answer(d));
            if (d.required()) {
                asked.putArray("required").add(d.id());
                messages.note(asked, "required", Phrases.title(d) + " is required");
            }
            ArrayNode constraints = Json.MAPPER.createArrayNode();
            valueConstraints(d, constraints);
            if (!constraints.isEmpty()) asked.set("allOf", constraints);
        }
        if (!required.isEmpty()) {
            answers.set("required", required);
            messages.note(answers, "required", "this question is required");
        }
        for (Dimension d : rubric.dimensions()) {
            if (rubric.skipCondition(d).isEmpty()) valueConstraints(d, all);
        }
        for (Rule r : rubric.enforcedRules()) requirements(r, all);
        if (!all.isEmpty()) answers.set("allOf", all);
        answers.put("unevaluatedProperties", false);
        messages.note(answers, "unevaluatedProperties", "not a question of " + rubric.id() + " " + rubric.version()
                + ", or a question that is skipped for this rating");
        return answers;
    }

    /** A dimension's answer: its allowed values, with labels for form renderers. */
    private ObjectNode answer(Dimension d) {
        ObjectNode o = Json.object();
        o.put("title", d.title());
        if (!d.question().isEmpty()) o.put("description", d.question());
        Scale s = d.scale();
        boolean na = d.notApplicable().isPresent();
        String allowed = Phrases.title(d) + " must be " + Phrases.allowed(d);
        if (s instanceof Scale.Ordinal || s instanceof Scale.Categorical || s instanceof Scale.Bool) {
            List<Value> values = values(s);
            List<String> labels = labels(d);
            List<String> anchors = anchors(s);
            if (na) {
                // Two JSON types ("n/a" beside numbers, booleans or ids): no `type`, which strict ajv would want
                // as a union; the `enum` lists every value, and tells form renderers to draw a choice.
                ArrayNode all = o.putArray("enum");
                values.forEach(v -> all.add(constant(v)));
                all.add("n/a");
                messages.note(o, "enum", allowed);
            } else {
                o.put("type", s instanceof Scale.Ordinal ? "number" : s instanceof Scale.Bool ? "boolean" : "string");
                messages.hide(o, "type");
            }
            ArrayNode options = o.putArray("oneOf");
            for (int i = 0; i < values.size(); i++) {
                ObjectNode opt = options.addObject();
                opt.putArray("enum").add(constant(values.get(i)));
                opt.put("title", labels.get(i));
                if (!anchors.get(i).isEmpty()) opt.put("description", anchors.get(i));
                messages.hide(opt, "enum");
            }
            if (na) {
                ObjectNode opt = options.addObject();
                opt.putArray("enum").add("n/a");
                opt.put("title", d.notApplicable().get());
                messages.hide(opt, "enum");
                messages.hide(o, "oneOf");
            } else {
                messages.note(o, "oneOf", allowed);
            }
            return o;
        }
        ObjectNode typed = na ? Json.object() : o;
        if (s instanceof Scale.MultiSelect m) {
            typed.put("type", "array");
            ObjectNode items = typed.putObject("items");
            items.put("type", "string");
            messages.note(items, "type", "each answer of " + Phrases.title(d) + " must be a choice id: " + Phrases.allowed(d));
            ArrayNode choices = items.putArray("oneOf");
            for (Scale.Choice ch : m.choices()) {
                ObjectNode opt = choices.addObject();
                opt.putArray("enum").add(ch.id());
                opt.put("title", ch.label());
                if (!ch.description().isEmpty()) opt.put("description", ch.description());
                messages.hide(opt, "enum");
            }
            messages.note(items, "oneOf", "each answer of " + Phrases.title(d) + " must be one of " + Phrases.allowed(d));
            typed.put("uniqueItems", true);
            messages.note(typed, "uniqueItems", "a choice of " + Phrases.title(d) + " is selected twice");
            if (m.min() > 0) {
                typed.put("minItems", m.min());
                messages.note(typed, "minItems", Phrases.title(d) + " needs at least " + m.min() + (m.min() == 1 ? " choice" : " choices"));
            }
            typed.put("maxItems", m.max());
            messages.note(typed, "maxItems", Phrases.title(d) + " allows at most " + m.max() + (m.max() == 1 ? " choice" : " choices"));
            messages.note(typed, "type", Phrases.title(d) + " must be an array of choice ids: " + Phrases.allowed(d));
        } else if (s instanceof Scale.Numeric r) {
            typed.put("type", "number");
            typed.put("minimum", r.min());
            typed.put("maximum", r.max());
            for (String k : List.of("type", "minimum", "maximum")) messages.note(typed, k, allowed);
            r.step().ifPresent(step -> {
                if (r.min().remainder(step).signum() == 0) {
                    typed.put("multipleOf", step);
                    messages.note(typed, "multipleOf", allowed);
                } else {
                    ArrayNode values = typed.putArray("enum");
                    for (BigDecimal v = r.min(); v.compareTo(r.max()) <= 0; v = v.add(step)) values.add(v);
                    messages.note(typed, "enum", allowed);
                }
            });
        } else if (s instanceof Scale.Text t) {
            typed.put("type", "string");
            messages.note(typed, "type", Phrases.title(d) + " must be text");
            if (t.minLength() > 0) {
                typed.put("minLength", t.minLength());
                messages.note(typed, "minLength", Phrases.title(d) + " needs at least " + t.minLength() + " characters");
            }
            t.maxLength().ifPresent(max -> {
                typed.put("maxLength", max);
                messages.note(typed, "maxLength", Phrases.title(d) + " allows at most " + max + " characters");
            });
            t.pattern().ifPresent(p -> {
                typed.put("pattern", p.portable());
                messages.note(typed, "pattern", Phrases.title(d) + p.mismatch());
            });
        }
        if (na) {
            ArrayNode any = o.putArray("anyOf");
            any.add(typed);
            ObjectNode notApplicable = any.addObject();
            notApplicable.putArray("enum").add("n/a");
            notApplicable.put("title", d.notApplicable().get());
            messages.hide(notApplicable, "enum");
            messages.hide(o, "anyOf");
        }
        return o;
    }

    private static List<Value> values(Scale s) {
        List<Value> out = new ArrayList<>();
        if (s instanceof Scale.Ordinal o) o.points().forEach(p -> out.add(new Value.Number(p.value())));
        else if (s instanceof Scale.Categorical c) c.choices().forEach(ch -> out.add(new Value.Choice(ch.id())));
        else if (s instanceof Scale.Bool) {
            out.add(new Value.Bool(true));
            out.add(new Value.Bool(false));
        }
        return out;
    }

    /** The label a form shows for each value of {@link #values(Scale)}, as the guidelines write it. */
    static List<String> labels(Dimension d) {
        return values(d.scale()).stream().map(v -> Sentences.label(d, v)).toList();
    }

    private static List<String> anchors(Scale s) {
        List<String> out = new ArrayList<>();
        if (s instanceof Scale.Ordinal o) o.points().forEach(p -> out.add(p.description()));
        else if (s instanceof Scale.Categorical c) c.choices().forEach(ch -> out.add(ch.description()));
        else if (s instanceof Scale.Bool) {
            out.add("");
            out.add("");
        }
        return out;
    }

    // ---------------------------------------------------------------------------------------------
    // Rules: value constraints sit where their dimension is asked; requirements on the answers
    // ---------------------------------------------------------------------------------------------

    /** The value constraints of {@code r} on {@code d}, each as a schema for the answers object, added to {@code out}. */
    private void valueConstraints(Dimension d, ArrayNode out) {
        for (Rubric.Constrained rc : rubric.constraintsOn(d.id())) {
            Rule r = rc.rule();
            Constraint c = rc.constraint();
            if (c instanceof Constraint.Require || c instanceof Constraint.Justify) continue;
            ObjectNode value = constraint(d, c, Phrases.rule(r) + ": " + Phrases.constraint(d, c));
            ObjectNode onAnswers = Json.object();
            onAnswers.putObject("properties").set(d.id(), value);
            out.add(when(r, onAnswers));
        }
    }

    /** The {@code require} constraints of {@code r}, added to {@code out}. */
    private void requirements(Rule r, ArrayNode out) {
        for (Constraint c : r.constraints()) {
            if (!(c instanceof Constraint.Require)) continue;
            Dimension d = rubric.dimension(c.target()).orElseThrow();
            ObjectNode req = Json.object();
            req.putObject("properties").set(d.id(), rubric.skipCondition(d).isEmpty() ? answer(d) : F.booleanNode(true));
            req.putArray("required").add(d.id());
            messages.note(req, "required", Phrases.rule(r) + ": " + Phrases.title(d) + " must be answered");
            out.add(when(r, req));
        }
    }

    /** {@code then} under the rule's condition, or {@code then} itself for a rule that always applies. */
    private ObjectNode when(Rule r, ObjectNode then) {
        if (r.when().isEmpty()) {
            then.put("$comment", "rule `" + r.id() + "`: " + r.title());
            return then;
        }
        ObjectNode o = Json.object();
        o.put("$comment", "rule `" + r.id() + "`: " + r.title());
        o.set("if", condition(r.when().get()));
        messages.hide(o, "if");
        o.set("then", then);
        return o;
    }

    /**
     * The answer's value under a value constraint. No answer and "n/a" satisfy every value constraint but
     * {@code forbid} (Answers.satisfies); "n/a" is only let through where the dimension offers it (elsewhere it
     * is not a value of the scale anyway), and without an {@code anyOf} of constants, which renderers read as a
     * list of options.
     */
    private ObjectNode constraint(Dimension d, Constraint c, String message) {
        boolean na = d.notApplicable().isPresent();
        ObjectNode o = Json.object();
        if (c instanceof Constraint.Forbid f) {
            ArrayNode values = o.putObject("not").putArray("enum");
            f.values().forEach(v -> values.add(constant(v)));
            messages.note(o, "not", message);
            return o;
        }
        if (c instanceof Constraint.OneOf one) return allowedOnly(d, one.values(), message);
        Constraint.Bound b = (Constraint.Bound) c;
        switch (b.op()) {
            case EQ -> {
                return allowedOnly(d, List.of(b.value()), message);
            }
            case NE -> {
                o.putObject("not").putArray("enum").add(constant(b.value()));
                messages.note(o, "not", message);
                return o;
            }
            default -> {
                ObjectNode bound = na ? Json.object() : o;
                bound.put("type", "number");
                String keyword = comparison(b.op());
                bound.put(keyword, ((Value.Number) b.value()).value());
                messages.note(bound, "type", message);
                messages.note(bound, keyword, message);
                if (na) {
                    o.putObject("if").putArray("enum").add("n/a");
                    o.set("else", bound);
                    messages.hide(o, "if");
                }
                return o;
            }
        }
    }

    /**
     * The answer, if a value of a finite scale, is one of {@code allowed}: written as "not any of the other values",
     * because a renderer that merges a rule's {@code then} into the question would otherwise draw only the
     * allowed values, without their labels. A value off the scale passes here and fails the question's own test;
     * "n/a" is not among the others, so it passes. On a range, the allowed values are an {@code enum}.
     */
    private ObjectNode allowedOnly(Dimension d, List<Value> allowed, String message) {
        ObjectNode o = Json.object();
        Scale s = d.scale();
        if (s instanceof Scale.Ordinal || s instanceof Scale.Categorical || s instanceof Scale.Bool) {
            ArrayNode others = Json.MAPPER.createArrayNode();
            for (Value v : values(s)) {
                if (allowed.stream().noneMatch(a -> constant(a).equals(constant(v)) || sameNumber(a, v))) others.add(constant(v));
            }
            if (others.isEmpty()) return o;
            o.putObject("not").set("enum", others);
            messages.note(o, "not", message);
            return o;
        }
        ArrayNode values = o.putArray("enum");
        allowed.forEach(v -> values.add(constant(v)));
        if (d.notApplicable().isPresent()) values.add("n/a");
        messages.note(o, "enum", message);
        return o;
    }

    private static boolean sameNumber(Value a, Value b) {
        return a instanceof Value.Number x && b instanceof Value.Number y && x.value().compareTo(y.value()) == 0;
    }

    // ---------------------------------------------------------------------------------------------
    // Justifications: only of answered questions; required ones appear, with their minimum, when required
    // ---------------------------------------------------------------------------------------------

    private ObjectNode justifications() {
        ObjectNode o = Json.object();
        o.put("type", "object");
        o.put("title", "Justifications");
        o.put("description", "Written reasons, by dimension id; only for answered questions.");
        ArrayNode ids = o.putObject("propertyNames").putArray("enum");
        rubric.dimensions().forEach(d -> ids.add(d.id()));
        messages.note((ObjectNode) o.get("propertyNames"), "enum", "not a question of " + rubric.id() + " " + rubric.version());
        messages.hide(o, "propertyNames");
        ObjectNode text = o.putObject("unevaluatedProperties");
        text.put("type", "string");
        messages.note(text, "type", "a justification must be text");
        messages.hide(o, "unevaluatedProperties");
        return o;
    }

    private void justificationRules(Dimension d, ArrayNode all) {
        // A justification needs an answer.
        ObjectNode orphan = Json.object();
        orphan.putObject("properties").set("justifications", present(d.id()));
        orphan.putArray("required").add("justifications");
        ObjectNode unanswered = Json.object();
        unanswered.put("type", "object");
        unanswered.set("not", present(d.id()));
        ((ObjectNode) orphan.get("properties")).set("answers", unanswered);
        ObjectNode rule = all.addObject();
        rule.put("$comment", "a justification of `" + d.id() + "` needs an answer");
        rule.set("not", orphan);
        messages.note(rule, "not", "there is a justification for " + Phrases.title(d) + " but no answer");
        // The dimension's own requirements and the rules' `then justify`, longest minimum first: where several
        // apply at once, a renderer that merges them keeps the first description, which then names the minimum
        // that holds.
        List<Requirement> requirements = new ArrayList<>();
        for (Dimension.Justification j : d.justifications()) {
            requirements.add(new Requirement("justify `" + d.id() + "`" + j.when().map(w -> " when " + w.toSource()).orElse(""),
                    j.when(), j.minLength(),
                    "a justification is required for " + Phrases.title(d) + j.when().map(w -> " when " + w.toSource()).orElse("")));
        }
        for (Rubric.Constrained rc : rubric.constraintsOn(d.id())) {
            Rule r = rc.rule();
            if (rc.constraint() instanceof Constraint.Justify j) {
                requirements.add(new Requirement("rule `" + r.id() + "`: " + r.title(), r.when(), j.minLength(),
                        Phrases.rule(r) + ": a justification is required for " + Phrases.title(d)));
            }
        }
        requirements.sort(java.util.Comparator.comparingInt(Requirement::minLength).reversed());
        for (Requirement q : requirements) {
            ObjectNode cond = present(d.id());
            if (q.when().isPresent()) cond = allOf(cond, condition(q.when().get()));
            all.add(justify(q.comment(), cond, d, q.minLength(), q.why()));
        }
    }

    private record Requirement(String comment, Optional<Condition> when, int minLength, String why) {}

    /** When the answers meet {@code cond}, a justification of {@code d} of at least {@code min} code points. */
    private ObjectNode justify(String comment, ObjectNode cond, Dimension d, int min, String why) {
        ObjectNode rule = Json.object();
        rule.put("$comment", comment);
        ObjectNode onAnswers = Json.object();
        onAnswers.putObject("properties").set("answers", cond);
        rule.set("if", onAnswers);
        messages.hide(rule, "if");
        ObjectNode then = rule.putObject("then");
        ObjectNode justifications = then.putObject("properties").putObject("justifications");
        justifications.put("type", "object");
        ObjectNode text = justifications.putObject("properties").putObject(d.id());
        text.put("type", "string");
        text.put("title", "Why: " + d.title());
        text.put("description", min > 0 ? "Required: at least " + min + " characters." : "Required.");
        if (min > 0) text.put("minLength", min);
        justifications.putArray("required").add(d.id());
        then.putArray("required").add("justifications");
        String full = why + (min > 1 ? " (at least " + min + " characters)" : "");
        messages.note(text, "type", "the justification of " + Phrases.title(d) + " must be text");
        if (min > 0) messages.note(text, "minLength", why + ": at least " + min + " characters");
        messages.note(justifications, "required", full);
        messages.note(then, "required", full);
        messages.hide(justifications, "type");
        return rule;
    }

    // ---------------------------------------------------------------------------------------------
    // Conditions, on the answers object: an atom is "answered, and the value matches"
    // ---------------------------------------------------------------------------------------------

    private ObjectNode condition(Condition c) {
        ObjectNode o = Json.object();
        o.put("type", "object");
        return conditionInto(c, o);
    }

    private ObjectNode conditionInto(Condition c, ObjectNode o) {
        if (c instanceof Condition.And a) {
            ArrayNode all = o.putArray("allOf");
            a.operands().forEach(x -> all.add(conditionInto(x, Json.object())));
            return o;
        }
        if (c instanceof Condition.Or or) {
            ArrayNode any = o.putArray("anyOf");
            or.operands().forEach(x -> any.add(conditionInto(x, Json.object())));
            return o;
        }
        if (c instanceof Condition.Not n) {
            o.set("not", conditionInto(n.operand(), Json.object()));
            return o;
        }
        Condition.Atom atom = (Condition.Atom) c;
        JsonNode value = F.booleanNode(true);
        if (atom instanceof Condition.Compare cmp) value = compare(cmp.op(), cmp.value());
        else if (atom instanceof Condition.In in) {
            ObjectNode e = Json.object();
            ArrayNode values = e.putArray("enum");
            in.values().forEach(v -> values.add(constant(v)));
            value = e;
        } else if (atom instanceof Condition.Contains con) {
            ObjectNode e = Json.object();
            e.put("type", "array");
            e.putObject("contains").putArray("enum").add(con.choice());
            value = e;
        }
        o.putObject("properties").set(atom.dimension(), value);
        o.putArray("required").add(atom.dimension());
        return o;
    }

    private static ObjectNode compare(Condition.Op op, Value v) {
        ObjectNode o = Json.object();
        switch (op) {
            case EQ -> o.putArray("enum").add(constant(v));
            case NE -> o.putObject("not").putArray("enum").add(constant(v));
            default -> {
                o.put("type", "number");
                o.put(comparison(op), ((Value.Number) v).value());
            }
        }
        return o;
    }

    private static String comparison(Condition.Op op) {
        return switch (op) {
            case LT -> "exclusiveMaximum";
            case LE -> "maximum";
            case GT -> "exclusiveMinimum";
            case GE -> "minimum";
            default -> throw new IllegalArgumentException(op.toString());
        };
    }

    static JsonNode constant(Value v) {
        if (v instanceof Value.Number n) return F.numberNode(n.value());
        if (v instanceof Value.Choice c) return F.textNode(c.id());
        if (v instanceof Value.Bool b) return F.booleanNode(b.value());
        return F.textNode("n/a");
    }

    // ---------------------------------------------------------------------------------------------
    // Small builders
    // ---------------------------------------------------------------------------------------------

    /** The object has the key (with {@code properties} beside {@code required}, as strict ajv wants). */
    private static ObjectNode present(String key) {
        ObjectNode o = Json.object();
        o.put("type", "object");
        o.putObject("properties").put(key, true);
        o.putArray("required").add(key);
        return o;
    }

    private static ObjectNode allOf(ObjectNode a, ObjectNode b) {
        ObjectNode o = Json.object();
        o.put("type", "object");
        o.putArray("allOf").add(a).add(b);
        return o;
    }
}
