package dev.nabla.core.ad;

/**
 * Array primitives, each recorded as a single tape entry (one node with one edge per operand) with
 * hand-derived partials, and computed in closed form in forward mode. They accept numbers of any kind and
 * context (mixed with constants) and dispatch on the innermost context among their arguments.
 */
public final class Reals {
    private Reals() {
    }

    /** Σ x_i; ∂/∂x_i = 1. */
    public static Real sum(Real[] x) {
        return Num.leader(x).sumOf(x);
    }

    /** a·b = Σ a_i b_i; ∂/∂a_i = b_i, ∂/∂b_i = a_i. */
    public static Real dot(Real[] a, Real[] b) {
        return Num.leader(a, b).dotOf(a, b);
    }

    /** a·b for a constant vector a; ∂/∂b_i = a_i. */
    public static Real dot(double[] a, Real[] b) {
        return Num.leader(b).dotOf(a, b);
    }

    /** a x + y, elementwise. */
    public static Real[] axpy(Real a, Real[] x, Real[] y) {
        return Num.leader(new Real[] {a}, x, y).axpyOf(a, x, y);
    }

    /** A x for a constant matrix A (rows of equal length). */
    public static Real[] matVec(double[][] a, Real[] x) {
        return Num.leader(x).matVecOf(a, x);
    }

    /** A x for A given row-major as rows × cols numbers. */
    public static Real[] matVec(Real[] aRowMajor, int rows, int cols, Real[] x) {
        return Num.leader(aRowMajor, x).matVecOf(aRowMajor, rows, cols, x);
    }

    /** log Σ exp x_i (computed shifted by max x_i, no overflow); ∂/∂x_i = softmax(x)_i. */
    public static Real logSumExp(Real[] x) {
        return Num.leader(x).logSumExpOf(x);
    }

    /** softmax(x)_i = exp(x_i − logSumExp(x)). */
    public static Real[] softmax(Real[] x) {
        return Num.leader(x).softmaxOf(x);
    }

    /** ‖x‖₂; ∂/∂x_i = x_i/‖x‖, and 0 with a recorded kink at x = 0. */
    public static Real norm(Real[] x) {
        return Num.leader(x).normOf(x);
    }

    /** ‖x‖₂² = Σ x_i²; ∂/∂x_i = 2 x_i. */
    public static Real squaredNorm(Real[] x) {
        return Num.leader(x).squaredNormOf(x);
    }

    /** Plain numbers (constants in every context), e.g. the point or direction for the nestable entry points. */
    public static Real[] of(double... x) {
        Real[] r = new Real[x.length];
        for (int i = 0; i < x.length; i++) {
            r[i] = new Plain(x[i]);
        }
        return r;
    }

    /** The constants c_i in the context of {@code like}. */
    public static Real[] constants(Real like, double[] c) {
        Real[] r = new Real[c.length];
        for (int i = 0; i < c.length; i++) {
            r[i] = like.constant(c[i]);
        }
        return r;
    }
}
