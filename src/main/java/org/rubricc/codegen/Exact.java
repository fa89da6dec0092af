package org.rubricc.codegen;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;

/**
 * Exact numbers as the generated validators hold them: a value is {@code unscaled / 10^scale} with
 * {@code scale >= 0} and no trailing zero after the decimal point, so every value has one form, and
 * equal values have equal forms. When the unscaled value does not fit a {@code long} the value is kept
 * as a {@link BigDecimal}. The generated code computes the same form at run time (its {@code number}
 * method); constants are computed here, with the same rule.
 */
record Exact(long unscaled, int scale) {
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    /** The compact form of a value, or empty when it needs a BigDecimal. */
    static Optional<Exact> of(BigDecimal value) {
        if (value.signum() == 0) return Optional.of(new Exact(0, 0));
        BigDecimal v = value.stripTrailingZeros();
        if (v.scale() < 0) {
            if ((long) v.precision() - v.scale() > 19) return Optional.empty();
            v = v.setScale(0);
        }
        BigInteger u = v.unscaledValue();
        if (u.compareTo(LONG_MIN) < 0 || u.compareTo(LONG_MAX) > 0) return Optional.empty();
        return Optional.of(new Exact(u.longValueExact(), v.scale()));
    }

    /** The value times {@code 10^toScale}, when {@code toScale >= scale} and it fits a long. */
    Optional<Long> at(int toScale) {
        if (toScale < scale) return Optional.empty();
        try {
            return Optional.of(BigDecimal.valueOf(unscaled, scale).setScale(toScale).unscaledValue().longValueExact());
        } catch (ArithmeticException tooLarge) {
            return Optional.empty();
        }
    }
}
