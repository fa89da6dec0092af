package org.rubricc.validate;

import com.fasterxml.jackson.databind.JsonNode;
import org.rubricc.model.Condition;
import org.rubricc.model.Constraint;
import org.rubricc.model.Value;

/**
 * The meaning of conditions and rule constraints on a submission's answers (README, "Conditions"
 * and "Edge-case rules"). The JSON Schema encoding in {@code org.rubricc.schema} states the same
 * meaning in JSON Schema; a differential test keeps the two in agreement.
 *
 * <p>An atom is true only when its dimension has a key in {@code answers} and the value satisfies
 * it; {@code !=} is "answered and not equal". Equality follows JSON: numbers by value
 * ({@code 1 == 1.0}), strings and booleans exactly, and values of another type are not equal.
 */
final class Conditions {
    private Conditions() {}

    static boolean holds(Condition c, JsonNode answers) {
        if (c instanceof Condition.And a) {
            for (Condition o : a.operands()) if (!holds(o, answers)) return false;
            return true;
        }
        if (c instanceof Condition.Or o) {
            for (Condition x : o.operands()) if (holds(x, answers)) return true;
            return false;
        }
        if (c instanceof Condition.Not n) return !holds(n.operand(), answers);
        Condition.Atom atom = (Condition.Atom) c;
        JsonNode v = answers.get(atom.dimension());
        if (v == null) return false;
        if (atom instanceof Condition.Answered) return true;
        if (atom instanceof Condition.Compare cmp) return compare(v, cmp.op(), cmp.value());
        if (atom instanceof Condition.In in) return oneOf(v, in.values());
        String choice = ((Condition.Contains) atom).choice();
        if (!v.isArray()) return false;
        for (JsonNode item : v) if (item.isTextual() && item.textValue().equals(choice)) return true;
        return false;
    }

    /** Whether a given answer satisfies a value constraint ({@link Constraint.Bound}, {@link Constraint.OneOf}, {@link Constraint.Forbid}). */
    static boolean satisfies(Constraint c, JsonNode v) {
        if (c instanceof Constraint.Forbid f) return !oneOf(v, f.values());
        if (isNotApplicable(v)) return true;
        if (c instanceof Constraint.Bound b) return compare(v, b.op(), b.value());
        if (c instanceof Constraint.OneOf o) return oneOf(v, o.values());
        return true;
    }

    static boolean compare(JsonNode v, Condition.Op op, Value value) {
        if (op == Condition.Op.EQ) return equal(v, value);
        if (op == Condition.Op.NE) return !equal(v, value);
        if (!v.isNumber() || !(value instanceof Value.Number n)) return false;
        return op.test(v.decimalValue().compareTo(n.value()));
    }

    static boolean oneOf(JsonNode v, java.util.List<Value> values) {
        for (Value x : values) if (equal(v, x)) return true;
        return false;
    }

    static boolean equal(JsonNode v, Value value) {
        if (value instanceof Value.Number n) return v.isNumber() && v.decimalValue().compareTo(n.value()) == 0;
        if (value instanceof Value.Choice ch) return v.isTextual() && v.textValue().equals(ch.id());
        if (value instanceof Value.Bool b) return v.isBoolean() && v.booleanValue() == b.value();
        return isNotApplicable(v);
    }

    static boolean isNotApplicable(JsonNode v) {
        return v.isTextual() && v.textValue().equals("n/a");
    }
}
