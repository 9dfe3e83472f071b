package dev.nabla.cli.support;

import dev.nabla.core.field.DomainException;
import dev.nabla.symbolic.Formula;
import dev.nabla.symbolic.ParseException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Numbers in and out of the command line.
 *
 * <p>Out: {@link #format(double)} prints the shortest decimal that parses back to the same double (at most 17
 * significant digits), plainly for 1e-4 ≤ |x| &lt; 1e16 and as {@code 1.5e-7} otherwise; integers print without
 * {@code .0}. The same text goes into the JSON output, so text and JSON agree digit for digit.
 *
 * <p>In: {@link #parse(String, String)} reads a number ({@code 0.7}, {@code -1e-3}) or a constant expression
 * of the expression language ({@code pi/4}, {@code sqrt(2)/2}).
 */
public final class Numbers {
    private Numbers() {
    }

    /** The shortest round-trip decimal of x: {@code 0.7}, {@code 3}, {@code -7.690254680469467}, {@code 1e-20}. */
    public static String format(double x) {
        if (Double.isNaN(x)) {
            return "NaN";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "Infinity" : "-Infinity";
        }
        if (x == 0) {
            return "0";
        }
        BigDecimal exact = new BigDecimal(x);
        for (int digits = 1; digits <= 17; digits++) {
            // the decimal with this many digits nearest to x round-trips if any such decimal does
            BigDecimal rounded = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
            if (rounded.doubleValue() == x) {
                return render(rounded.stripTrailingZeros());
            }
        }
        throw new AssertionError("17 significant digits always round-trip: " + x);
    }

    /** {@code (a, b, …)} with every component {@link #format(double) formatted}. */
    public static String format(double[] v) {
        List<String> parts = new ArrayList<>();
        for (double c : v) {
            parts.add(format(c));
        }
        return "(" + String.join(", ", parts) + ")";
    }

    private static String render(BigDecimal d) {
        int exponent = d.precision() - d.scale() - 1; // decimal exponent of the leading digit
        if (exponent >= -4 && exponent < 16) {
            return d.toPlainString();
        }
        String digits = d.unscaledValue().abs().toString();
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return (d.signum() < 0 ? "-" : "") + mantissa + "e" + exponent;
    }

    /**
     * Reads a finite number or constant expression; {@code what} names the option in error messages.
     *
     * @throws UsageException if the text is not a finite constant
     */
    public static double parse(String text, String what) {
        String t = text.strip();
        if (t.isEmpty()) {
            throw new UsageException("empty number in " + what);
        }
        double value;
        try {
            value = Double.parseDouble(t);
        } catch (NumberFormatException notPlain) {
            try {
                value = Formula.parse(t, List.of()).value(new double[0]);
            } catch (ParseException notConstant) {
                throw new UsageException("not a number: '" + t + "' in " + what);
            } catch (DomainException undefined) {
                throw new UsageException("undefined value '" + t + "' in " + what);
            }
        }
        if (!Double.isFinite(value)) {
            throw new UsageException("not a finite number: '" + t + "' in " + what);
        }
        return value;
    }
}
