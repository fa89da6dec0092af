package org.rubricc.model;

import java.math.BigDecimal;

/**
 * A constant an answer can be compared with: a scale point or number, a choice id, a boolean, or
 * "not applicable". Numbers are normalised, so {@code 1} and {@code 1.0} are the same value.
 */
public sealed interface Value {

    /** The value as written in the rubric language. */
    String toSource();

    record Number(BigDecimal value) implements Value {
        public Number {
            value = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
        }

        public static Number of(String text) {
            return new Number(new BigDecimal(text));
        }

        @Override
        public String toSource() {
            return value.toPlainString();
        }
    }

    record Choice(String id) implements Value {
        @Override
        public String toSource() {
            return id;
        }
    }

    record Bool(boolean value) implements Value {
        @Override
        public String toSource() {
            return Boolean.toString(value);
        }
    }

    /** The "not applicable" answer, written {@code n/a} in a rubric and {@code "n/a"} in a submission. */
    record NotApplicable() implements Value {
        public static final NotApplicable INSTANCE = new NotApplicable();

        @Override
        public String toSource() {
            return "n/a";
        }
    }
}
