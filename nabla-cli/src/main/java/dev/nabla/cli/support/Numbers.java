package dev.nabla.cli.support;

import dev.nabla.core.field.DomainException;
import dev.nabla.precise.Decimals;
import dev.nabla.symbolic.Formula;
import dev.nabla.symbolic.ParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Numbers in and out of the command line.
 *
 * <p>Out: {@link #format(double)} prints the shortest decimal that parses back to the same double (at most 17
 * significant digits), plainly for 1e-4 ≤ |x| &lt; 1e16 and as {@code 1.5e-7} otherwise; integers print without
 * {@code .0}; {@link #error(double)} prints error bars. Both are {@link Decimals}, the one number formatter of
 * the front ends (certified numbers, {@link Certification}, are written by it too). The same text goes into
 * the JSON output, so text and JSON agree digit for digit.
 *
 * <p>In: {@link #parse(String, String)} reads a number ({@code 0.7}, {@code -1e-3}) or a constant expression
 * of the expression language ({@code pi/4}, {@code sqrt(2)/2}).
 */
public final class Numbers {
    private Numbers() {
    }

    /**
     * The shortest round-trip decimal of x: {@code 0.7}, {@code 3}, {@code -7.690254680469467}, {@code 1e-20}
     * (the one rule is {@link Decimals#shortest}).
     */
    public static String format(double x) {
        return Decimals.shortest(x);
    }

    /** {@code (a, b, …)} with every component {@link #format(double) formatted}. */
    public static String format(double[] v) {
        List<String> parts = new ArrayList<>();
        for (double c : v) {
            parts.add(format(c));
        }
        return "(" + String.join(", ", parts) + ")";
    }

    /** An error bar or tolerance, two significant digits: {@code 1.2e-9} (see {@link Decimals#errorBar}). */
    public static String error(double x) {
        return Decimals.errorBar(x);
    }

    /** x to k significant digits, for tolerances and comparisons: {@code 1.23e-5} (see {@link Decimals#rounded}). */
    public static String rounded(double x, int k) {
        return Decimals.rounded(x, k);
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
