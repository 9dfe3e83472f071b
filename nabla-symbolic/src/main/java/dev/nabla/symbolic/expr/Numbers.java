package dev.nabla.symbolic.expr;

/** Shortest decimal text of a double that parses back to the same double ({@code 2}, {@code 0.5}, {@code 1e-5}). */
public final class Numbers {
    private Numbers() {
    }

    /** The number as written in formulas; integers without {@code .0}, exponents as {@code e-5}. */
    public static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String s = Double.toString(v);
        int e = s.indexOf('E');
        if (e < 0) {
            return s;
        }
        String mantissa = s.substring(0, e);
        if (mantissa.endsWith(".0")) {
            mantissa = mantissa.substring(0, mantissa.length() - 2);
        }
        return mantissa + "e" + s.substring(e + 1);
    }

    /** True when v is an integer (and finite). */
    public static boolean isInteger(double v) {
        return v == Math.rint(v) && !Double.isInfinite(v);
    }
}
