package org.rubricc.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How violation messages name the parts of a rubric: dimensions by their title in quotes, values with
 * their labels, constraints as sentences. Every engine that judges ratings (the runtime validator and
 * the generated Java validators) words its messages with these, so their messages are the same.
 */
public final class Phrases {
    private Phrases() {}

    /** A dimension by its title, in curly quotes. */
    public static String title(Dimension d) {
        return "\u201C" + d.title() + "\u201D";
    }

    /**
     * A rule by its title: {@code rule “An unsafe output caps the overall rating”}; a rule a decision table is enforced
     * as, by its table and row: {@code table “Consistency from its parts”, row 3}.
     */
    public static String rule(Rule r) {
        if (r.origin().isPresent()) {
            Table.Origin o = r.origin().get();
            return "table \u201C" + o.tableTitle() + "\u201D, " + (o.row() == 0 ? "otherwise" : "row " + o.row());
        }
        return "rule \u201C" + r.title() + "\u201D";
    }

    /** The allowed answers, with labels: {@code 1 (Ignored), 2 (Weak) or "n/a" (Not applicable)}. */
    public static String allowed(Dimension d) {
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

    /** A constant with its label: {@code 2 (Weak)}, {@code "infeasible" (Infeasible)}, {@code true (Yes)}. */
    public static String value(Dimension d, Value v) {
        Scale s = d.scale();
        if (v instanceof Value.NotApplicable) return "\"n/a\"" + d.notApplicable().map(l -> " (" + l + ")").orElse("");
        if (v instanceof Value.Bool b && s instanceof Scale.Bool bs) return b.value() + " (" + bs.label(b.value()) + ")";
        if (v instanceof Value.Number n && s instanceof Scale.Ordinal o) {
            return number(n.value()) + o.point(n.value()).map(p -> " (" + p.label() + ")").orElse("");
        }
        if (v instanceof Value.Choice c) {
            String label = s instanceof Scale.Categorical cs ? cs.choice(c.id()).map(Scale.Choice::label).orElse("")
                    : s instanceof Scale.MultiSelect ms ? ms.choice(c.id()).map(Scale.Choice::label).orElse("") : "";
            return "\"" + c.id() + "\"" + (label.isEmpty() ? "" : " (" + label + ")");
        }
        return v.toSource();
    }

    /**
     * A number as a message shows it: its normalised value ({@code 2.50} is {@code 2.5}), written out in
     * full unless that would take more than 100 digits, then in scientific notation ({@code 1E+999}).
     */
    public static String number(BigDecimal value) {
        BigDecimal v = new Value.Number(value).value();
        long integerDigits = (long) v.precision() - v.scale();
        return integerDigits > 100 || v.scale() > 100 ? v.toString() : v.toPlainString();
    }

    public static String joinValues(List<Value> values, Dimension d) {
        return values.stream().map(v -> value(d, v)).collect(Collectors.joining(", "));
    }

    /** A value constraint of a rule as a sentence: {@code “Overall rating” must be 2 (Poor) or lower}. */
    public static String constraint(Dimension d, Constraint c) {
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
        if (c instanceof Constraint.OneOf o) return t + " must be one of " + joinValues(o.values(), d);
        if (c instanceof Constraint.Forbid f) {
            return t + " must not be " + (f.values().size() == 1 ? value(d, f.values().get(0))
                    : "any of " + joinValues(f.values(), d));
        }
        return t + " " + c.toSource();
    }
}
