package org.rubricc.model;

import java.math.BigDecimal;

/**
 * What conditions and rule constraints mean, written once (README, "Conditions" and "Edge-case
 * rules"), over any representation of answers: JSON trees for the runtime validator, values for the
 * checker's analysis, enumerated answers for the version diff. An implementation says only how to read
 * one answer; the logic of the language stays here.
 *
 * @param <A> how an answer is represented; {@code null} is "no answer" (skipped or left empty)
 */
public interface Answers<A> {

    /** The answer to a dimension, or {@code null} when it has none. */
    A answer(String dimension);

    /**
     * Whether an answer equals a constant: numbers by value ({@code 1} is {@code 1.0}), choice ids and
     * booleans exactly, "n/a" only "n/a"; an answer of another kind is not equal.
     */
    boolean equal(A answer, Value constant);

    /** Whether the answer is a number that stands in the ordering {@code op} to {@code constant}. */
    boolean ordered(A answer, Condition.Op op, BigDecimal constant);

    /** Whether the answer is a set of choices that includes {@code choice}. */
    boolean contains(A answer, String choice);

    /** Whether a condition holds. A test of a dimension without an answer is false, whatever the operator. */
    default boolean holds(Condition c) {
        if (c instanceof Condition.And and) {
            for (Condition o : and.operands()) if (!holds(o)) return false;
            return true;
        }
        if (c instanceof Condition.Or or) {
            for (Condition o : or.operands()) if (holds(o)) return true;
            return false;
        }
        if (c instanceof Condition.Not not) return !holds(not.operand());
        Condition.Atom atom = (Condition.Atom) c;
        A a = answer(atom.dimension());
        if (a == null) return false;
        if (atom instanceof Condition.Answered) return true;
        if (atom instanceof Condition.Contains con) return contains(a, con.choice());
        if (atom instanceof Condition.In in) return oneOf(a, in.values());
        Condition.Compare cmp = (Condition.Compare) atom;
        return test(a, cmp.op(), cmp.value());
    }

    /**
     * Whether a constraint holds for the answer given to its target ({@code null} for none). Value
     * constraints restrict only a scale value: no answer and "n/a" satisfy them; {@code forbid} rules out
     * its values, "n/a" included; {@code require} needs an answer. A {@code justify} constraint is about the
     * justification, not the answer, and always holds here.
     */
    default boolean satisfies(Constraint c, A answer) {
        if (c instanceof Constraint.Require) return answer != null;
        if (c instanceof Constraint.Justify) return true;
        if (c instanceof Constraint.Forbid f) return answer == null || !oneOf(answer, f.values());
        if (answer == null || equal(answer, Value.NotApplicable.INSTANCE)) return true;
        if (c instanceof Constraint.OneOf o) return oneOf(answer, o.values());
        Constraint.Bound b = (Constraint.Bound) c;
        return test(answer, b.op(), b.value());
    }

    private boolean test(A answer, Condition.Op op, Value constant) {
        if (op == Condition.Op.EQ) return equal(answer, constant);
        if (op == Condition.Op.NE) return !equal(answer, constant);
        return constant instanceof Value.Number n && ordered(answer, op, n.value());
    }

    private boolean oneOf(A answer, java.util.List<Value> values) {
        for (Value v : values) if (equal(answer, v)) return true;
        return false;
    }
}
