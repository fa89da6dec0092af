package org.rubricc.model;

import java.util.List;
import java.util.stream.Collectors;
import org.rubricc.source.Span;

/**
 * A boolean expression over earlier answers. Its meaning (README, "Conditions") in short: a
 * comparison, membership or {@code contains} is true only when the dimension was answered with a
 * scale value that satisfies it; on a skipped or unanswered dimension it is false, and so is its
 * negation {@code !=}. {@code not} is plain boolean negation, so {@code not (x == 1)} is true when
 * x is unanswered.
 */
public sealed interface Condition {

    Span span();

    /** The condition as written in the rubric language, fully parenthesised where needed. */
    String toSource();

    /** Ids of the dimensions this condition looks at, in order of first appearance. */
    default List<String> references() {
        java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
        for (Atom a : atoms()) out.add(a.dimension());
        return List.copyOf(out);
    }

    /** The tests of single answers this condition is made of, in the order written (a repeated test is listed again). */
    default List<Atom> atoms() {
        List<Atom> out = new java.util.ArrayList<>();
        collect(this, out);
        return out;
    }

    private static void collect(Condition c, List<Atom> out) {
        if (c instanceof And a) a.operands().forEach(o -> collect(o, out));
        else if (c instanceof Or o) o.operands().forEach(x -> collect(x, out));
        else if (c instanceof Not n) collect(n.operand(), out);
        else out.add((Atom) c);
    }

    /** A leaf: a test of one dimension's answer. */
    sealed interface Atom extends Condition {
        String dimension();
    }

    record And(List<Condition> operands, Span span) implements Condition {
        public And {
            operands = List.copyOf(operands);
        }

        public String toSource() {
            return operands.stream().map(o -> o instanceof Or ? "(" + o.toSource() + ")" : o.toSource())
                    .collect(Collectors.joining(" and "));
        }
    }

    record Or(List<Condition> operands, Span span) implements Condition {
        public Or {
            operands = List.copyOf(operands);
        }

        public String toSource() {
            return operands.stream().map(Condition::toSource).collect(Collectors.joining(" or "));
        }
    }

    record Not(Condition operand, Span span) implements Condition {
        public String toSource() {
            return operand instanceof Atom ? "not " + operand.toSource() : "not (" + operand.toSource() + ")";
        }
    }

    /** {@code x == v}, {@code x != v}, {@code x < v}, ... */
    record Compare(String dimension, Op op, Value value, Span span) implements Atom {
        public String toSource() {
            return dimension + " " + op.symbol() + " " + value.toSource();
        }
    }

    /** {@code x in {a, b}}; {@code x not in {a, b}} is parsed as {@code not (x in {a, b})}. */
    record In(String dimension, List<Value> values, Span span) implements Atom {
        public In {
            values = List.copyOf(values);
        }

        public String toSource() {
            return dimension + " in {" + values.stream().map(Value::toSource).collect(Collectors.joining(", ")) + "}";
        }
    }

    /** {@code x contains c}: a multi-select answer that includes choice c. */
    record Contains(String dimension, String choice, Span span) implements Atom {
        public String toSource() {
            return dimension + " contains " + choice;
        }
    }

    /** {@code x is answered}; {@code x is not answered} is parsed as {@code not (x is answered)}. */
    record Answered(String dimension, Span span) implements Atom {
        public String toSource() {
            return dimension + " is answered";
        }
    }

    enum Op {
        EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">=");

        private final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        public boolean ordering() {
            return this == LT || this == LE || this == GT || this == GE;
        }

        /** Whether {@code cmp} (the sign of {@code answer.compareTo(constant)}) satisfies this operator. */
        public boolean test(int cmp) {
            return switch (this) {
                case EQ -> cmp == 0;
                case NE -> cmp != 0;
                case LT -> cmp < 0;
                case LE -> cmp <= 0;
                case GT -> cmp > 0;
                case GE -> cmp >= 0;
            };
        }

        public static Op fromSymbol(String s) {
            for (Op op : values()) if (op.symbol.equals(s)) return op;
            throw new IllegalArgumentException(s);
        }
    }
}
