package dev.nabla.core.field;

/**
 * A point where a non-smooth primitive (abs, min, max, sign, a piecewise branch, a norm at zero) was
 * evaluated exactly at its switching surface.
 *
 * @param primitive the primitive, e.g. {@code "abs"}, {@code "max"}
 * @param where     what was evaluated, as precise as the engine knows (a sub-expression such as
 *                  {@code "abs(x - 1)"}, or a description such as {@code "abs at 0"})
 */
public record Kink(String primitive, String where) {
    @Override
    public String toString() {
        return where;
    }
}
