package org.rubricc.schema;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.rubricc.backend.Json;
import org.rubricc.model.Condition;
import org.rubricc.model.Constraint;
import org.rubricc.model.Dimension;
import org.rubricc.model.Rubric;
import org.rubricc.model.Rule;
import org.rubricc.model.Scale;
import org.rubricc.model.Section;
import org.rubricc.model.Value;

/**
 * Encodes a rubric as a JSON Schema (draft 2020-12) that accepts exactly the submissions
 * {@link org.rubricc.validate.Validator} accepts. Each condition atom becomes "the answer is present
 * and its value matches", exactly as the runtime evaluates it; skipping, justifications and rules
 * become {@code if}/{@code then} under {@code allOf}. Presentation (order, sections, guidance, labels)
 * travels as annotations ({@code title}, {@code description}, {@code x-rubric-*}), never as validation.
 */
public final class SchemaEncoder {
    public static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";

    private final Rubric rubric;

    public SchemaEncoder(Rubric rubric) {
        this.rubric = rubric;
    }

    /** The schema's {@code $id}: names the rubric and the version. */
    public static String id(Rubric r) {
        return "urn:rubricc:" + r.id() + ":" + r.version() + ":rating-form";
    }

    public ObjectNode encode() {
        ObjectNode root = Json.object();
        root.put("$schema", DIALECT);
        root.put("$id", id(rubric));
        root.put("title", rubric.title() + " " + rubric.version());
        if (!rubric.description().isEmpty()) root.put("description", rubric.description());
        root.put("x-rubric-id", rubric.id());
        root.put("x-rubric-version", rubric.version().toString());
        ArrayNode items = root.putArray("x-rubric-item-fields");
        rubric.itemFields().forEach(f -> {
            ObjectNode o = items.addObject();
            o.put("id", f.id());
            o.put("kind", f.kind().keyword());
            o.put("label", f.label());
            if (!f.description().isEmpty()) o.put("description", f.description());
        });
        ArrayNode sections = root.putArray("x-rubric-sections");
        for (Section s : rubric.sections()) {
            ObjectNode o = sections.addObject();
            o.put("id", s.id());
            o.put("title", s.title());
            if (!s.guidance().isEmpty()) o.put("guidance", s.guidance());
            s.skipWhen().ifPresent(c -> o.put("skipWhen", c.toSource()));
            ArrayNode ds = o.putArray("dimensions");
            s.dimensions().forEach(d -> ds.add(d.id()));
        }
        root.put("type", "object");
        ObjectNode props = root.putObject("properties");
        props.putObject("rubric").put("const", rubric.id()).put("description", "The id of the rubric this rating follows.");
        props.putObject("version").put("const", rubric.version().toString())
                .put("description", "The version of the rubric this rating was written for.");
        props.putObject("item").put("type", "string").put("minLength", 1).put("description", "The id of the rated item.");
        props.putObject("rater").put("type", "string").put("minLength", 1).put("description", "The id of the rater.");
        ObjectNode answers = props.putObject("answers");
        answers.put("type", "object");
        answers.put("description", "One answer per dimension, by dimension id; a skipped dimension has none.");
        ObjectNode answerProps = answers.putObject("properties");
        ObjectNode justifications = props.putObject("justifications");
        justifications.put("type", "object");
        justifications.put("description", "Written reasons, by dimension id; only for answered dimensions.");
        ObjectNode justificationProps = justifications.putObject("properties");
        int order = 0;
        for (Dimension d : rubric.dimensions()) {
            answerProps.set(d.id(), answer(d, ++order));
            justificationProps.putObject(d.id()).put("type", "string").put("title", "Why: " + d.title());
        }
        answers.put("additionalProperties", false);
        justifications.put("additionalProperties", false);
        root.putArray("required").add("rubric").add("version").add("item").add("rater").add("answers");
        root.put("additionalProperties", false);
        ArrayNode all = root.putArray("allOf");
        for (Dimension d : rubric.dimensions()) dimensionRules(d, all);
        for (Rule r : rubric.rules()) rule(r, all);
        return root;
    }

    // ---------------------------------------------------------------------------------------------
    // An answer's allowed values, with labels for form renderers
    // ---------------------------------------------------------------------------------------------

    private ObjectNode answer(Dimension d, int order) {
        ObjectNode o = Json.object();
        o.put("title", d.title());
        if (!d.question().isEmpty()) o.put("description", d.question());
        Scale s = d.scale();
        ArrayNode options = null;
        if (s instanceof Scale.Ordinal ord) {
            options = o.putArray("oneOf");
            for (Scale.Point p : ord.points()) {
                ObjectNode opt = options.addObject();
                opt.put("const", p.value());
                opt.put("title", p.value().toPlainString() + " \u2013 " + p.label());
                if (!p.description().isEmpty()) opt.put("description", p.description());
            }
        } else if (s instanceof Scale.Categorical c) {
            options = o.putArray("oneOf");
            for (Scale.Choice ch : c.choices()) choice(options.addObject(), ch);
        } else if (s instanceof Scale.Bool b) {
            options = o.putArray("oneOf");
            options.addObject().put("const", true).put("title", b.yesLabel());
            options.addObject().put("const", false).put("title", b.noLabel());
        } else if (s instanceof Scale.MultiSelect m) {
            ObjectNode array = d.notApplicable().isPresent() ? Json.object() : o;
            array.put("type", "array");
            ArrayNode choices = array.putObject("items").putArray("oneOf");
            for (Scale.Choice ch : m.choices()) choice(choices.addObject(), ch);
            array.put("uniqueItems", true);
            if (m.min() > 0) array.put("minItems", m.min());
            array.put("maxItems", m.max());
            if (d.notApplicable().isPresent()) {
                options = o.putArray("anyOf");
                options.add(array);
            }
        } else if (s instanceof Scale.Numeric r) {
            ObjectNode num = d.notApplicable().isPresent() ? Json.object() : o;
            num.put("type", "number");
            num.put("minimum", r.min());
            num.put("maximum", r.max());
            r.step().ifPresent(step -> {
                if (r.min().remainder(step).signum() == 0) {
                    num.put("multipleOf", step);
                } else {
                    ArrayNode values = num.putArray("enum");
                    for (java.math.BigDecimal v = r.min(); v.compareTo(r.max()) <= 0; v = v.add(step)) values.add(v);
                }
            });
            if (d.notApplicable().isPresent()) {
                options = o.putArray("anyOf");
                options.add(num);
            }
        } else if (s instanceof Scale.Text t) {
            ObjectNode text = d.notApplicable().isPresent() ? Json.object() : o;
            text.put("type", "string");
            if (t.minLength() > 0) text.put("minLength", t.minLength());
            t.maxLength().ifPresent(max -> text.put("maxLength", max));
            if (d.notApplicable().isPresent()) {
                options = o.putArray("anyOf");
                options.add(text);
            }
        }
        if (d.notApplicable().isPresent() && options != null) {
            options.addObject().put("const", "n/a").put("title", d.notApplicable().get());
        }
        o.put("x-rubric-order", order);
        o.put("x-rubric-section", d.sectionId());
        o.put("x-rubric-required", d.required());
        d.weight().ifPresent(w -> o.put("x-rubric-weight", w));
        if (!d.guidance().isEmpty()) o.put("x-rubric-guidance", d.guidance());
        rubric.skipCondition(d).ifPresent(c -> o.put("x-rubric-skip-when", c.toSource()));
        if (!d.examples().isEmpty()) {
            ArrayNode examples = o.putArray("x-rubric-examples");
            for (Dimension.Example e : d.examples()) {
                ObjectNode x = examples.addObject();
                x.set("value", constant(e.value()));
                x.put("text", e.text());
            }
        }
        return o;
    }

    private static void choice(ObjectNode o, Scale.Choice ch) {
        o.put("const", ch.id());
        o.put("title", ch.label());
        if (!ch.description().isEmpty()) o.put("description", ch.description());
    }

    // ---------------------------------------------------------------------------------------------
    // Skipping, requiredness and justifications
    // ---------------------------------------------------------------------------------------------

    private void dimensionRules(Dimension d, ArrayNode all) {
        Optional<Condition> skip = rubric.skipCondition(d);
        if (skip.isPresent()) {
            ObjectNode rule = all.addObject();
            rule.put("$comment", "`" + d.id() + "` is skipped when " + skip.get().toSource());
            rule.set("if", condition(skip.get()));
            rule.set("then", answers(Json.object().set("not", required(d.id()))));
            if (d.required()) rule.set("else", answers(required(d.id())));
        } else if (d.required()) {
            all.add(answers(required(d.id())).put("$comment", "`" + d.id() + "` is required"));
        }
        ObjectNode onlyAnswered = all.addObject();
        onlyAnswered.put("$comment", "a justification of `" + d.id() + "` needs an answer");
        ObjectNode hasJustification = Json.object();
        hasJustification.putObject("properties").set("justifications", required(d.id()));
        hasJustification.putArray("required").add("justifications");
        onlyAnswered.set("if", hasJustification);
        onlyAnswered.set("then", answers(required(d.id())));
        for (Dimension.Justification j : d.justifications()) {
            ObjectNode rule = all.addObject();
            rule.put("$comment", "justify `" + d.id() + "`" + j.when().map(w -> " when " + w.toSource()).orElse(""));
            ObjectNode cond = answers(required(d.id()));
            if (j.when().isPresent()) cond = allOf(cond, condition(j.when().get()));
            rule.set("if", cond);
            rule.set("then", justified(d.id(), j.minLength()));
        }
    }

    private void rule(Rule r, ArrayNode all) {
        if (r.guidanceOnly()) return;
        ArrayNode constraints = Json.MAPPER.createArrayNode();
        for (Constraint c : r.constraints()) constraints.add(constraint(c));
        ObjectNode then = Json.object();
        then.set("allOf", constraints);
        ObjectNode rule = all.addObject();
        rule.put("$comment", "rule `" + r.id() + "`: " + r.title());
        if (r.when().isPresent()) {
            rule.set("if", condition(r.when().get()));
            rule.set("then", then);
        } else {
            rule.set("allOf", constraints);
        }
    }

    private ObjectNode constraint(Constraint c) {
        String x = c.target();
        if (c instanceof Constraint.Require) return answers(required(x));
        if (c instanceof Constraint.Justify j) {
            ObjectNode o = Json.object();
            o.set("if", answers(required(x)));
            o.set("then", justified(x, j.minLength()));
            return o;
        }
        ObjectNode valueSchema;
        if (c instanceof Constraint.Forbid f) {
            valueSchema = Json.object();
            valueSchema.set("not", anyOfEqual(f.values()));
        } else {
            ArrayNode any = Json.MAPPER.createArrayNode();
            any.add(equal(Value.NotApplicable.INSTANCE));
            if (c instanceof Constraint.Bound b) any.add(compare(b.op(), b.value()));
            else ((Constraint.OneOf) c).values().forEach(v -> any.add(equal(v)));
            valueSchema = Json.object();
            valueSchema.set("anyOf", any);
        }
        ObjectNode answers = Json.object();
        answers.putObject("properties").set(x, valueSchema);
        return answers(answers);
    }

    // ---------------------------------------------------------------------------------------------
    // Conditions: an atom is "answered, and the value matches", as in validate.Conditions
    // ---------------------------------------------------------------------------------------------

    ObjectNode condition(Condition c) {
        if (c instanceof Condition.And a) return combine("allOf", a.operands());
        if (c instanceof Condition.Or o) return combine("anyOf", o.operands());
        if (c instanceof Condition.Not n) {
            ObjectNode o = Json.object();
            o.set("not", condition(n.operand()));
            return o;
        }
        Condition.Atom atom = (Condition.Atom) c;
        ObjectNode inner = required(atom.dimension());
        ObjectNode value = null;
        if (atom instanceof Condition.Compare cmp) value = compare(cmp.op(), cmp.value());
        else if (atom instanceof Condition.In in) value = anyOfEqual(in.values());
        else if (atom instanceof Condition.Contains con) {
            value = Json.object();
            value.put("type", "array");
            value.putObject("contains").put("const", con.choice());
        }
        if (value != null) inner.putObject("properties").set(atom.dimension(), value);
        return answers(inner);
    }

    private ObjectNode combine(String keyword, List<Condition> operands) {
        ObjectNode o = Json.object();
        ArrayNode a = o.putArray(keyword);
        operands.forEach(x -> a.add(condition(x)));
        return o;
    }

    private static ObjectNode compare(Condition.Op op, Value v) {
        switch (op) {
            case EQ:
                return equal(v);
            case NE: {
                ObjectNode o = Json.object();
                o.set("not", equal(v));
                return o;
            }
            default: {
                ObjectNode o = Json.object();
                o.put("type", "number");
                java.math.BigDecimal n = ((Value.Number) v).value();
                String keyword = switch (op) {
                    case LT -> "exclusiveMaximum";
                    case LE -> "maximum";
                    case GT -> "exclusiveMinimum";
                    default -> "minimum";
                };
                o.put(keyword, n);
                return o;
            }
        }
    }

    private static ObjectNode anyOfEqual(List<Value> values) {
        ObjectNode o = Json.object();
        ArrayNode a = o.putArray("anyOf");
        values.forEach(v -> a.add(equal(v)));
        return o;
    }

    private static ObjectNode equal(Value v) {
        ObjectNode o = Json.object();
        o.set("const", constant(v));
        return o;
    }

    static com.fasterxml.jackson.databind.JsonNode constant(Value v) {
        com.fasterxml.jackson.databind.node.JsonNodeFactory f = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
        if (v instanceof Value.Number n) return f.numberNode(n.value());
        if (v instanceof Value.Choice c) return f.textNode(c.id());
        if (v instanceof Value.Bool b) return f.booleanNode(b.value());
        return f.textNode("n/a");
    }

    // ---------------------------------------------------------------------------------------------
    // Small builders
    // ---------------------------------------------------------------------------------------------

    private static ObjectNode required(String key) {
        ObjectNode o = Json.object();
        o.putArray("required").add(key);
        return o;
    }

    /** A schema applying {@code inner} to the submission's {@code answers}. */
    private static ObjectNode answers(ObjectNode inner) {
        ObjectNode o = Json.object();
        o.putObject("properties").set("answers", inner);
        return o;
    }

    private static ObjectNode allOf(ObjectNode a, ObjectNode b) {
        ObjectNode o = Json.object();
        o.putArray("allOf").add(a).add(b);
        return o;
    }

    /** There is a justification of {@code key} of at least {@code min} code points. */
    private static ObjectNode justified(String key, int min) {
        ObjectNode o = Json.object();
        ObjectNode j = o.putObject("properties").putObject("justifications");
        j.putArray("required").add(key);
        j.putObject("properties").putObject(key).put("minLength", min);
        o.putArray("required").add("justifications");
        return o;
    }
}
