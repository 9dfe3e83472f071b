package dev.nabla.core.numeric;

import java.math.BigDecimal;
import java.util.StringJoiner;

/** Readable numbers for reports: at most 10 significant digits, no trailing zeros, "1" rather than "1.0". */
public final class Numbers {
    private Numbers() {
    }

    /**
     * x with at most 10 significant digits; scientific notation outside [1e-4, 1e10).
     *
     * @param x the number
     * @return its text, e.g. 0.3333333333, 1.5e-7, Infinity
     */
    public static String format(double x) {
        if (!Double.isFinite(x)) {
            return Double.toString(x);
        }
        if (x == 0) {
            return "0";
        }
        double a = Math.abs(x);
        if (a >= 1e-4 && a < 1e10) {
            String s = new BigDecimal(x).round(new java.math.MathContext(10)).stripTrailingZeros().toPlainString();
            return s.equals("-0") ? "0" : s;
        }
        String s = String.format("%.9e", x);
        int e = s.indexOf('e');
        String mantissa = s.substring(0, e).replaceAll("0+$", "").replaceAll("\\.$", "");
        return mantissa + "e" + Integer.parseInt(s.substring(e + 1));
    }

    /**
     * (x1, x2, …) with {@link #format(double)}.
     *
     * @param x the numbers
     * @return their texts in parentheses, e.g. (1, 0.5)
     */
    public static String format(double[] x) {
        StringJoiner j = new StringJoiner(", ", "(", ")");
        for (double xi : x) {
            j.add(format(xi));
        }
        return j.toString();
    }
}
