package org.rubricc.backend;

import java.util.ArrayList;
import java.util.List;
import org.rubricc.model.Condition;
import org.rubricc.model.Constraint;
import org.rubricc.model.Dimension;
import org.rubricc.model.Rubric;
import org.rubricc.model.Scale;
import org.rubricc.model.Value;

/**
 * Conditions and rule effects as plain English Markdown for raters: dimensions by title, values by
 * label, in bold. The wording keeps the language's meaning: a test of a dimension that may be left
 * unanswered says so ("is answered and is not ..."), because such a test is false without an answer.
 */
public final class Sentences {
    private final Rubric rubric;

    public Sentences(Rubric rubric) {
        this.rubric = rubric;
    }

    /** "Skip this question when ...". */
    public String skip(Condition c) {
        return "Skip this question when " + condition(c) + ".";
    }

    // ---------------------------------------------------------------------------------------------
    // Conditions
    // ---------------------------------------------------------------------------------------------

    public String condition(Condition c) {
        if (c instanceof Condition.And a) return joinAnd(a.operands());
        if (c instanceof Condition.Or o) return joinOr(o.operands());
        if (c instanceof Condition.Not n) return negated(n.operand());
        return atom((Condition.Atom) c, false);
    }

    private String joinAnd(List<Condition> ops) {
        List<String> parts = new ArrayList<>();
        for (Condition o : ops) parts.add(o instanceof Condition.Or or ? "either " + joinOr(or.operands()) : condition(o));
        return compound(ops, Condition.Or.class) ? commaList(parts, "and") : list(parts, "and");
    }

    private String joinOr(List<Condition> ops) {
        List<String> parts = new ArrayList<>();
        for (Condition o : ops) {
            if (o instanceof Condition.And a) {
                parts.add((a.operands().size() == 2 ? "both " : "all of ") + joinAnd(a.operands()));
            } else {
                parts.add(condition(o));
            }
        }
        return compound(ops, Condition.And.class) ? commaList(parts, "or") : list(parts, "or");
    }

    private String negated(Condition c) {
        if (c instanceof Condition.Atom a) return atom(a, true);
        if (c instanceof Condition.Not n) return condition(n.operand());
        if (c instanceof Condition.Or o) {
            List<String> parts = o.operands().stream().map(this::condition).toList();
            return parts.size() == 2 ? "neither " + parts.get(0) + " nor " + parts.get(1)
                    : "none of these holds: " + list(parts, "or");
        }
        Condition.And a = (Condition.And) c;
        List<String> parts = a.operands().stream().map(this::condition).toList();
        return "not " + (parts.size() == 2 ? "both " : "all of ") + list(parts, "and");
    }

    /** One test of one dimension, or its negation. */
    private String atom(Condition.Atom a, boolean negate) {
        Dimension d = rubric.dimension(a.dimension()).orElseThrow();
        String name = title(d);
        boolean alwaysAnswered = alwaysAnswered(d);
        if (a instanceof Condition.Answered) return name + (negate ? " is not answered" : " is answered");
        String positive;
        String negative;
        if (a instanceof Condition.Contains con) {
            String choice = bold(choiceLabel(d, con.choice()));
            positive = name + " includes " + choice;
            negative = name + " does not include " + choice;
        } else if (a instanceof Condition.In in) {
            positive = name + " is " + values(d, in.values(), "or");
            negative = name + " is neither " + values(d, in.values(), "nor");
            if (in.values().size() == 1) negative = name + " is not " + value(d, in.values().get(0));
        } else {
            Condition.Compare cmp = (Condition.Compare) a;
            String v = value(d, cmp.value());
            if (cmp.op() == Condition.Op.NE) {
                // `x != v` is false without an answer, so "is not v" alone would mislead for optional questions.
                return negate ? (alwaysAnswered ? name + " is " + v : name + " is not answered, or is " + v)
                        : (alwaysAnswered ? name + " is not " + v : name + " is answered and is not " + v);
            }
            positive = name + " " + compare(cmp.op(), v, d.scale() instanceof Scale.Numeric);
            negative = name + " " + compare(negate(cmp.op()), v, d.scale() instanceof Scale.Numeric);
            if (cmp.op() == Condition.Op.EQ) negative = name + " is not " + v;
        }
        if (!negate) return positive;
        // The negation is also true when the dimension has no answer.
        return alwaysAnswered ? negative : name + " is not answered, or " + negative.substring(name.length() + 1);
    }

    private static String compare(Condition.Op op, String v, boolean numeric) {
        return switch (op) {
            case EQ -> "is " + v;
            case NE -> "is not " + v;
            case LT -> numeric ? "is less than " + v : "is lower than " + v;
            case LE -> numeric ? "is at most " + v : "is " + v + " or lower";
            case GT -> numeric ? "is more than " + v : "is higher than " + v;
            case GE -> numeric ? "is at least " + v : "is " + v + " or higher";
        };
    }

    private static Condition.Op negate(Condition.Op op) {
        return switch (op) {
            case EQ -> Condition.Op.NE;
            case NE -> Condition.Op.EQ;
            case LT -> Condition.Op.GE;
            case LE -> Condition.Op.GT;
            case GT -> Condition.Op.LE;
            case GE -> Condition.Op.LT;
        };
    }

    /** Whether the dimension always has an answer: required, never skipped, no "n/a". */
    public boolean alwaysAnswered(Dimension d) {
        return d.required() && rubric.skipCondition(d).isEmpty() && d.notApplicable().isEmpty();
    }

    // ---------------------------------------------------------------------------------------------
    // Rule effects
    // ---------------------------------------------------------------------------------------------

    /** "If ..., **A** must be **1 – Ignored**." */
    public String effect(org.rubricc.model.Rule r) {
        List<String> musts = new ArrayList<>();
        for (Constraint c : r.constraints()) musts.add(constraint(c));
        String then = list(musts, "and");
        return r.when().map(w -> "If " + condition(w) + ", " + then + ".").orElse(capitalise(then) + ", always.");
    }

    public String constraint(Constraint c) {
        Dimension d = rubric.dimension(c.target()).orElseThrow();
        String name = title(d);
        if (c instanceof Constraint.Require) return name + " must be answered";
        if (c instanceof Constraint.Justify j) {
            return "a justification" + (j.minLength() > 1 ? " of at least " + j.minLength() + " characters" : "")
                    + " is required for " + name;
        }
        if (c instanceof Constraint.Forbid f) {
            return name + " must not be " + (f.values().size() == 1 ? value(d, f.values().get(0)) : values(d, f.values(), "or"));
        }
        if (c instanceof Constraint.OneOf o) return name + " must be " + values(d, o.values(), "or");
        Constraint.Bound b = (Constraint.Bound) c;
        String v = value(d, b.value());
        boolean numeric = d.scale() instanceof Scale.Numeric;
        return name + " must " + switch (b.op()) {
            case EQ -> "be " + v;
            case NE -> "not be " + v;
            case LT -> "be " + (numeric ? "less than " : "lower than ") + v;
            case LE -> numeric ? "be at most " + v : "be " + v + " or lower";
            case GT -> "be " + (numeric ? "more than " : "higher than ") + v;
            case GE -> numeric ? "be at least " + v : "be " + v + " or higher";
        };
    }

    /** "Write a justification of at least 30 characters when ..." */
    public String justification(Dimension d, Dimension.Justification j) {
        String length = j.minLength() > 1 ? " of at least " + j.minLength() + " characters" : "";
        return "Write a justification" + length + j.when().map(w -> " when " + condition(w)).orElse(" for every answer") + ".";
    }

    // ---------------------------------------------------------------------------------------------
    // Names and values
    // ---------------------------------------------------------------------------------------------

    public static String title(Dimension d) {
        return bold(d.title());
    }

    /** A value as the rater sees it: "**2 – Weak**", "**Infeasible**", "**Yes**". */
    /**
     * A decision table's rows as Markdown lines, for a rater: {@code Instruction followed: Partly; Background kept: Kept,
     * Minor changes → **0.5 – Partly**}, then {@code any other answers → ...} for {@code otherwise}.
     */
    public static List<String> tableRows(org.rubricc.model.Rubric rubric, org.rubricc.model.Table t) {
        Dimension out = rubric.dimension(t.output()).orElseThrow();
        List<String> lines = new java.util.ArrayList<>();
        for (org.rubricc.model.Table.Row row : t.rows()) {
            List<String> cells = new java.util.ArrayList<>();
            for (int i = 0; i < t.inputs().size(); i++) {
                Dimension in = rubric.dimension(t.inputs().get(i)).orElseThrow();
                org.rubricc.model.Table.Cell c = row.cells().get(i);
                List<String> parts = new java.util.ArrayList<>();
                if (c.any()) parts.add("any answer");
                if (c.unanswered()) parts.add("not answered");
                for (org.rubricc.model.Table.Cell.Test x : c.tests()) {
                    String label = label(in, x.value());
                    parts.add(x.op() == org.rubricc.model.Condition.Op.EQ ? label : x.op().symbol() + " " + label);
                }
                cells.add(Markdown.inline(in.title()) + ": " + Markdown.inline(String.join(", ", parts)));
            }
            lines.add(String.join("; ", cells) + " \u2192 **" + Markdown.inline(label(out, row.output())) + "**");
        }
        t.otherwise().ifPresent(o -> lines.add("any other answers \u2192 **" + Markdown.inline(label(out, o.value())) + "**"));
        return lines;
    }

    public static String value(Dimension d, Value v) {
        return bold(label(d, v));
    }

    public static String label(Dimension d, Value v) {
        Scale s = d.scale();
        if (v instanceof Value.NotApplicable) return d.notApplicable().map(l -> "N/A (" + l + ")").orElse("N/A");
        if (v instanceof Value.Bool b && s instanceof Scale.Bool bs) return bs.label(b.value());
        if (v instanceof Value.Number n && s instanceof Scale.Ordinal o) {
            return n.toSource() + o.point(n.value()).map(p -> " \u2013 " + p.label()).orElse("");
        }
        if (v instanceof Value.Choice c) return choiceLabel(d, c.id());
        return v.toSource();
    }

    public static String choiceLabel(Dimension d, String id) {
        Scale s = d.scale();
        if (s instanceof Scale.Categorical c) return c.choice(id).map(Scale.Choice::label).orElse(id);
        if (s instanceof Scale.MultiSelect m) return m.choice(id).map(Scale.Choice::label).orElse(id);
        return id;
    }

    private static String values(Dimension d, List<Value> vs, String conjunction) {
        return list(vs.stream().map(v -> value(d, v)).toList(), conjunction);
    }

    public static String bold(String text) {
        return "**" + Markdown.inline(text) + "**";
    }

    public static String list(List<String> parts, String conjunction) {
        if (parts.size() == 1) return parts.get(0);
        if (parts.size() == 2) return parts.get(0) + " " + conjunction + " " + parts.get(1);
        return String.join(", ", parts.subList(0, parts.size() - 1)) + ", " + conjunction + " " + parts.get(parts.size() - 1);
    }

    private static boolean compound(List<Condition> ops, Class<?> nested) {
        return ops.stream().anyMatch(nested::isInstance);
    }

    /** A list whose items contain conjunctions themselves: a comma before the last one too, so it cannot be misread. */
    private static String commaList(List<String> parts, String conjunction) {
        return String.join(", ", parts.subList(0, parts.size() - 1)) + ", " + conjunction + " " + parts.get(parts.size() - 1);
    }

    public static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
