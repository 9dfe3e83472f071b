package dev.nabla.symbolic.expr;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The text of numbers in formulas: the shortest decimal that parses back to the same number ({@code 2},
 * {@code 0.5}, {@code 1e-5}), and fractions {@code p/q} for rationals without a finite decimal ({@code 1/3}).
 */
public final class Numbers {
    /** Fractions p/q with q at most this (and terminating decimals among them) print as fractions in coefficients. */
    private static final BigInteger SMALL_DENOMINATOR = BigInteger.valueOf(1000);

    private Numbers() {
    }

    /** The number as written in formulas; integers without {@code .0}, exponents as {@code e-5}. */
    public static String format(double v) {
        return dev.nabla.core.prim.Primitive.format(v);
    }

    /**
     * The exact number as written in formulas: a decimal when it has one ({@code 0.1}, {@code 2.5e-30},
     * {@code 12345678901234567890}), else {@code p/q} ({@code 1/3}, {@code -2/3}).
     */
    public static String format(Rational r) {
        if (!r.isDecimal()) {
            return r.toString();
        }
        double d = r.doubleValue();
        if (Double.isFinite(d) && Rational.ofDouble(d).equals(r)) {
            return format(d);
        }
        if (r.isInteger()) {
            return r.numerator().toString();
        }
        BigDecimal b = r.toBigDecimal().stripTrailingZeros();
        String plain = b.toPlainString();
        if (plain.length() <= 24) {
            return plain;
        }
        String digits = b.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - b.scale();
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return (b.signum() < 0 ? "-" : "") + mantissa + "e" + exponent;
    }

    /**
     * True when a coefficient c reads better as a fraction ({@code x/2}, {@code 2*x/3}) than as a decimal: c has no
     * finite decimal, or its denominator is small ({@code 0.5*x} is {@code x/2}, {@code 1e-5*x} stays).
     */
    public static boolean isFraction(Rational c) {
        return !c.isInteger() && (!c.isDecimal() || c.denominator().compareTo(SMALL_DENOMINATOR) <= 0
                && c.numerator().abs().compareTo(SMALL_DENOMINATOR) < 0);
    }

    /** True when v is an integer (and finite). */
    public static boolean isInteger(double v) {
        return dev.nabla.core.prim.Primitive.isInteger(v);
    }
}
