package dev.nabla.symbolic.expr;

/** Shortest decimal text of a double that parses back to the same double ({@code 2}, {@code 0.5}, {@code 1e-5}). */
public final class Numbers {
    private Numbers() {
    }

    /** The number as written in formulas; integers without {@code .0}, exponents as {@code e-5}. */
    public static String format(double v) {
        return dev.nabla.core.prim.Primitive.format(v);
    }

    /** True when v is an integer (and finite). */
    public static boolean isInteger(double v) {
        return dev.nabla.core.prim.Primitive.isInteger(v);
    }
}
