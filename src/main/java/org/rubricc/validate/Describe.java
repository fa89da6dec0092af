package org.rubricc.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.rubricc.model.Constraint;
import org.rubricc.model.Dimension;
import org.rubricc.model.Scale;
import org.rubricc.model.Value;

/** The wording of violation messages: dimensions by title, values with their labels. */
final class Describe {
    private Describe() {}

    static String title(Dimension d) {
        return "\u201C" + d.title() + "\u201D";
    }

    /** Length as JSON Schema counts it: Unicode code points. */
    static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    static String json(JsonNode v) {
        String s = v.toString();
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }

    /** The allowed answers, with labels: `1 (Ignored), 2 (Weak) or "n/a"`. */
    static String allowed(Dimension d) {
        Scale s = d.scale();
        List<String> out = new ArrayList<>();
        if (s instanceof Scale.Ordinal o) o.points().forEach(p -> out.add(p.value().toPlainString() + " (" + p.label() + ")"));
        else if (s instanceof Scale.Categorical c) c.choices().forEach(x -> out.add("\"" + x.id() + "\" (" + x.label() + ")"));
        else if (s instanceof Scale.MultiSelect m) m.choices().forEach(x -> out.add("\"" + x.id() + "\" (" + x.label() + ")"));
        else if (s instanceof Scale.Bool b) {
            out.add("true (" + b.yesLabel() + ")");
            out.add("false (" + b.noLabel() + ")");
        } else if (s instanceof Scale.Numeric r) {
            out.add("a number from " + r.min().toPlainString() + " to " + r.max().toPlainString()
                    + r.step().map(x -> " in steps of " + x.toPlainString()).orElse(""));
        } else {
            out.add("text");
        }
        if (d.notApplicable().isPresent()) out.add("\"n/a\" (" + d.notApplicable().get() + ")");
        if (out.size() == 1) return out.get(0);
        return String.join(", ", out.subList(0, out.size() - 1)) + " or " + out.get(out.size() - 1);
    }

    /** A constant with its label: `2 (Weak)`, `"infeasible" (Infeasible)`, `true (Yes)`. */
    static String value(Dimension d, Value v) {
        Scale s = d.scale();
        if (v instanceof Value.NotApplicable) return "\"n/a\"" + d.notApplicable().map(l -> " (" + l + ")").orElse("");
        if (v instanceof Value.Bool b && s instanceof Scale.Bool bs) return b.value() + " (" + bs.label(b.value()) + ")";
        if (v instanceof Value.Number n && s instanceof Scale.Ordinal o) {
            return n.toSource() + o.point(n.value()).map(p -> " (" + p.label() + ")").orElse("");
        }
        if (v instanceof Value.Choice c) {
            String label = s instanceof Scale.Categorical cs ? cs.choice(c.id()).map(Scale.Choice::label).orElse("")
                    : s instanceof Scale.MultiSelect ms ? ms.choice(c.id()).map(Scale.Choice::label).orElse("") : "";
            return "\"" + c.id() + "\"" + (label.isEmpty() ? "" : " (" + label + ")");
        }
        return v.toSource();
    }

    /** A given answer, with its label when it is a value of the scale. */
    static String answer(Dimension d, JsonNode v) {
        Scale s = d.scale();
        // A number is shown as the scale's point when it is one, and as written otherwise: never through
        // BigDecimal#toPlainString, which would spell out 1e-999999999 in a billion digits.
        if (v.isNumber() && s instanceof Scale.Ordinal o) {
            return o.point(v.decimalValue()).map(p -> value(d, p.asValue())).orElseGet(() -> json(v));
        }
        if (v.isTextual() && s instanceof Scale.Categorical) return value(d, new Value.Choice(v.textValue()));
        if (v.isBoolean() && s instanceof Scale.Bool) return value(d, new Value.Bool(v.booleanValue()));
        return json(v);
    }

    static String constraint(Dimension d, Constraint c) {
        String t = title(d);
        if (c instanceof Constraint.Bound b) {
            String v = value(d, b.value());
            return t + switch (b.op()) {
                case EQ -> " must be " + v;
                case NE -> " must not be " + v;
                case LT -> " must be lower than " + v;
                case LE -> " must be " + v + " or lower";
                case GT -> " must be higher than " + v;
                case GE -> " must be " + v + " or higher";
            };
        }
        if (c instanceof Constraint.OneOf o) return t + " must be one of " + Validator.joinValues(o.values(), d);
        if (c instanceof Constraint.Forbid f) {
            return t + " must not be " + (f.values().size() == 1 ? value(d, f.values().get(0))
                    : "any of " + Validator.joinValues(f.values(), d));
        }
        return t + " " + c.toSource();
    }
}
