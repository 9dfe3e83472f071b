package dev.nabla.precise;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The one way Nabla's front ends write a number: plainly for 10⁻⁴ ≤ |x| &lt; 10¹⁶ ({@code 0.7}, {@code 3},
 * {@code -7.690254680469467}), as {@code 1.5e-7} or {@code 5e400} otherwise; integers without {@code .0}.
 * A double is written as the shortest decimal that parses back to it (at most 17 significant digits); a
 * decimal known to k significant digits is written with exactly those k digits (trailing zeros included, since
 * they are certain).
 */
public final class Decimals {
    private Decimals() {
    }

    /** The shortest round-trip decimal of x: {@code 0.7}, {@code 3}, {@code 1e-20}, {@code Infinity}, {@code NaN}. */
    public static String shortest(double x) {
        if (Double.isNaN(x)) {
            return "NaN";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "Infinity" : "-Infinity";
        }
        if (x == 0) {
            return "0";
        }
        return render(shortestDecimal(x).stripTrailingZeros());
    }

    /** The decimal with the fewest significant digits (≤ 17) that parses back to the finite, non-zero x. */
    public static BigDecimal shortestDecimal(double x) {
        BigDecimal exact = new BigDecimal(x);
        for (int digits = 1; digits <= 17; digits++) {
            // the decimal with this many digits nearest to x round-trips if any such decimal does
            BigDecimal rounded = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
            if (rounded.doubleValue() == x) {
                return rounded;
            }
        }
        throw new AssertionError("17 significant digits always round-trip: " + x);
    }

    /** x rounded (nearest-even) to k significant digits and written with all k of them: 0.150000, 8.33e-6. */
    public static String significant(BigDecimal x, int k) {
        return significant(x, k, RoundingMode.HALF_EVEN);
    }

    /**
     * x rounded to k significant digits in the given direction (FLOOR for the lower end of an enclosure, CEILING
     * for the upper, so that the printed ends still enclose), written with all k of them.
     */
    public static String significant(BigDecimal x, int k, RoundingMode mode) {
        if (x.signum() == 0) {
            return "0";
        }
        BigDecimal rounded = x.round(new MathContext(k, mode));
        // keep exactly k digits, so that trailing zeros that are certain are shown
        int scale = k - 1 - BigInterval.exponent(rounded);
        return render(rounded.setScale(scale, RoundingMode.UNNECESSARY));
    }

    /** An error bar or tolerance: two significant digits, e.g. {@code 1.2e-9}. */
    public static String errorBar(double x) {
        return rounded(x, 2);
    }

    /** x rounded to k significant digits, trailing zeros dropped: {@code rounded(0.0012345, 3)} is {@code 0.00123}. */
    public static String rounded(double x, int k) {
        if (!Double.isFinite(x) || x == 0) {
            return shortest(x);
        }
        return render(new BigDecimal(x).round(new MathContext(k, RoundingMode.HALF_EVEN)).stripTrailingZeros());
    }

    /** A number written by this class, as LaTeX: {@code 1.5e-7} becomes {@code 1.5 \times 10^{-7}}. */
    public static String latex(String written) {
        int e = written.indexOf('e');
        return e < 0 || written.endsWith("Infinity") ? written
                : written.substring(0, e) + " \\times 10^{" + written.substring(e + 1) + "}";
    }

    /** d written plainly when its leading digit's exponent is in [−4, 16), else as mantissa e exponent. */
    static String render(BigDecimal d) {
        int exponent = BigInterval.exponent(d);
        if (exponent >= -4 && exponent < 16) {
            String plain = d.toPlainString();
            return plain;
        }
        String digits = d.unscaledValue().abs().toString();
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return (d.signum() < 0 ? "-" : "") + mantissa + "e" + exponent;
    }
}
