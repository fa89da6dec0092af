package org.rubricc.check.analysis;

import java.math.BigDecimal;
import java.util.Set;
import java.util.function.Function;
import org.rubricc.model.Answers;
import org.rubricc.model.Condition;
import org.rubricc.model.Value;

/**
 * Answers as the checker represents them, read with the meaning {@link Answers} gives conditions and
 * constraints: a scale value is a {@link Value}, a multi-select's answer the {@link Set} of its choice
 * ids, anything else (free text, "some array") an object no constant equals. Used wherever the checker
 * evaluates a condition on sample answers: the scale-only never/always-true check, the encoding's answer
 * classes and the random valid ratings.
 */
public final class Samples {
    private Samples() {}

    /** The answers {@code answer} gives, {@code null} for none. */
    public static Answers<Object> of(Function<String, Object> answer) {
        return new Answers<>() {
            @Override
            public Object answer(String dimension) {
                return answer.apply(dimension);
            }

            @Override
            public boolean equal(Object a, Value constant) {
                return a.equals(constant);
            }

            @Override
            public boolean ordered(Object a, Condition.Op op, BigDecimal constant) {
                return a instanceof Value.Number n && op.test(n.value().compareTo(constant));
            }

            @Override
            public boolean contains(Object a, String choice) {
                return a instanceof Set<?> s && s.contains(choice);
            }
        };
    }
}
