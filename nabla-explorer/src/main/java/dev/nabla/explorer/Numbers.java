package dev.nabla.explorer;

import java.math.BigDecimal;
import java.math.MathContext;

/** Numbers as the page writes them out: six significant digits, no trailing zeros, a true minus sign. */
final class Numbers {
    private Numbers() {
    }

    static String text(double x) {
        if (!Double.isFinite(x)) {
            return Double.isNaN(x) ? "undefined" : (x > 0 ? "∞" : "−∞");
        }
        if (x == 0) {
            return "0";
        }
        String s = new BigDecimal(x).round(new MathContext(6)).stripTrailingZeros().toPlainString();
        if (Math.abs(x) >= 1e7 || Math.abs(x) < 1e-4) {
            s = String.format(java.util.Locale.ROOT, "%.5e", x).replaceAll("\\.?0+e", "e");
        }
        return s.replace('-', '−');
    }

    /** The number as LaTeX: {@code -1.5e-07} becomes {@code -1.5\times10^{-7}}. */
    static String latex(double x) {
        String s = text(x).replace('−', '-');
        int e = s.indexOf('e');
        if (e < 0) {
            return s;
        }
        return s.substring(0, e) + "\\times10^{" + Integer.parseInt(s.substring(e + 1)) + "}";
    }

    /** A point as the page writes it: (0.7, 1.2). */
    static String point(double[] x) {
        StringBuilder s = new StringBuilder("(");
        for (int i = 0; i < x.length; i++) {
            s.append(i == 0 ? "" : ", ").append(text(x[i]));
        }
        return s.append(')').toString();
    }

    /** A value for the grid: null (a gap in the plot) for NaN and infinities. */
    static Double finiteOrNull(double x) {
        return Double.isFinite(x) ? x : null;
    }
}
