package org.rubricc.model;

import java.util.List;
import java.util.stream.Collectors;
import org.rubricc.source.Span;

/**
 * What an edge-case rule demands while its condition holds. Value constraints ({@link Bound},
 * {@link OneOf}, {@link Forbid}) restrict the scale value given for the target: they hold when the
 * target is unanswered or answered "n/a". {@link Require} demands an answer; {@link Justify} demands a
 * justification of at least {@code minLength} code points whenever the target is answered.
 */
public sealed interface Constraint {

    /** The dimension constrained. */
    String target();

    Span span();

    String toSource();

    /** {@code then x <= 2}, {@code then x == 1}, ...: the answer, if a scale value, must satisfy the comparison. */
    record Bound(String target, Condition.Op op, Value value, Span span) implements Constraint {
        public String toSource() {
            return target + " " + op.symbol() + " " + value.toSource();
        }
    }

    /** {@code then x in {a, b}}: the answer, if a scale value, must be one of these. */
    record OneOf(String target, List<Value> values, Span span) implements Constraint {
        public OneOf {
            values = List.copyOf(values);
        }

        public String toSource() {
            return target + " in {" + values.stream().map(Value::toSource).collect(Collectors.joining(", ")) + "}";
        }
    }

    /** {@code then forbid x in {a, b}} or {@code then forbid x == a}: the answer must not be any of these values. */
    record Forbid(String target, List<Value> values, Span span) implements Constraint {
        public Forbid {
            values = List.copyOf(values);
        }

        public String toSource() {
            return "forbid " + target + " in {"
                    + values.stream().map(Value::toSource).collect(Collectors.joining(", ")) + "}";
        }
    }

    /** {@code then require x}: x must be answered (and therefore must not be skipped). */
    record Require(String target, Span span) implements Constraint {
        public String toSource() {
            return "require " + target;
        }
    }

    /** {@code then justify x min N}: when x is answered, its justification must have at least N code points. */
    record Justify(String target, int minLength, Span span) implements Constraint {
        public String toSource() {
            return "justify " + target + (minLength > 0 ? " min " + minLength : "");
        }
    }
}
