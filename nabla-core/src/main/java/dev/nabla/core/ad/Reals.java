package dev.nabla.core.ad;

/**
 * Array primitives, each recorded as a single tape entry (one node with one edge per operand) with
 * hand-derived partials, and computed in closed form in forward mode. They accept numbers of any kind and
 * context (mixed with constants) and dispatch on the innermost context among their arguments; on numbers of
 * another implementation of {@link Real} (the one-sided expansions of {@link dev.nabla.core.onesided.OneSided})
 * they run as chains of that kind's scalar operations, so D_v of ‖x‖ at 0 is ‖v‖ exactly.
 */
public final class Reals {
    private Reals() {
    }

    /** Σ x_i; ∂/∂x_i = 1. */
    public static Real sum(Real[] x) {
        Real like = foreign(x);
        if (like != null) {
            return ScalarExpansions.sum(like.constant(0), lift(like, x));
        }
        return Num.leaderOrInputs(x).sumOf(x);
    }

    /** a·b = Σ a_i b_i; ∂/∂a_i = b_i, ∂/∂b_i = a_i. */
    public static Real dot(Real[] a, Real[] b) {
        Real like = foreign(a, b);
        if (like != null) {
            return ScalarExpansions.dot(like.constant(0), lift(like, a), lift(like, b));
        }
        return Num.leader(a, b).dotOf(a, b);
    }

    /** a·b for a constant vector a; ∂/∂b_i = a_i. */
    public static Real dot(double[] a, Real[] b) {
        Real like = foreign(b);
        if (like != null) {
            return ScalarExpansions.dot(like.constant(0), a, lift(like, b));
        }
        return Num.leaderOrInputs(b).dotOf(a, b);
    }

    /** a x + y, elementwise. */
    public static Real[] axpy(Real a, Real[] x, Real[] y) {
        Real like = foreign(new Real[] {a}, x, y);
        if (like != null) {
            return ScalarExpansions.axpy(lift(like, new Real[] {a})[0], lift(like, x), lift(like, y));
        }
        return Num.leader(new Real[] {a}, x, y).axpyOf(a, x, y);
    }

    /** A x for a constant matrix A (rows of equal length). */
    public static Real[] matVec(double[][] a, Real[] x) {
        Real like = foreign(x);
        if (like != null) {
            return ScalarExpansions.matVec(like.constant(0), a, lift(like, x));
        }
        return Num.leader(x).matVecOf(a, x);
    }

    /** A x for A given row-major as rows × cols numbers. */
    public static Real[] matVec(Real[] aRowMajor, int rows, int cols, Real[] x) {
        if (aRowMajor.length != rows * cols || x.length != cols) {
            throw new IllegalArgumentException("matVec: A has " + aRowMajor.length + " entries, expected " + rows
                    + " × " + cols + ", x has " + x.length);
        }
        Real like = foreign(aRowMajor, x);
        if (like != null) {
            return ScalarExpansions.matVec(like.constant(0), lift(like, aRowMajor), rows, cols, lift(like, x));
        }
        return Num.leader(aRowMajor, x).matVecOf(aRowMajor, rows, cols, x);
    }

    /** log Σ exp x_i (computed shifted by max x_i, no overflow); ∂/∂x_i = softmax(x)_i. */
    public static Real logSumExp(Real[] x) {
        Real like = foreign(x);
        if (like != null) {
            return ScalarExpansions.logSumExp(like.constant(0), lift(like, x));
        }
        return Num.leaderOrInputs(x).logSumExpOf(x);
    }

    /** softmax(x)_i = exp(x_i − logSumExp(x)). */
    public static Real[] softmax(Real[] x) {
        Real like = foreign(x);
        if (like != null) {
            return ScalarExpansions.softmax(like.constant(0), lift(like, x));
        }
        return Num.leader(x).softmaxOf(x);
    }

    /** ‖x‖₂; ∂/∂x_i = x_i/‖x‖, and 0 with a recorded kink at x = 0. */
    public static Real norm(Real[] x) {
        Real like = foreign(x);
        if (like != null) {
            return ScalarExpansions.norm(like.constant(0), lift(like, x));
        }
        return Num.leader(x).normOf(x);
    }

    /** ‖x‖₂² = Σ x_i²; ∂/∂x_i = 2 x_i. */
    public static Real squaredNorm(Real[] x) {
        Real like = foreign(x);
        if (like != null) {
            return ScalarExpansions.squaredNorm(like.constant(0), lift(like, x));
        }
        return Num.leaderOrInputs(x).squaredNormOf(x);
    }

    /** A window (x_i, …, x_{i+w−1}) of a vector as a {@link WindowTerm} sees it; valid only during that call. */
    public interface Window {
        /** x_{i+k} for 0 ≤ k &lt; w. */
        Real get(int k);

        /** i, the index in x of the window's first entry. */
        int start();
    }

    /** One term of a {@link #windowSum}: a function of a window of w consecutive entries. */
    @FunctionalInterface
    public interface WindowTerm {
        Real apply(Window w);
    }

    /**
     * The partially separable sum Σ_{i = 0, s, 2s, …, i+w ≤ n} term(x_i, …, x_{i+w−1}): Rosenbrock's
     * Σ 100 (x_{i+1} − x_i²)² + (1 − x_i)² is {@code windowSum(x, 2, 1, w -> …)}, the extended Rosenbrock of
     * disjoint pairs is stride 2, a sum of per-sample losses is stride = width.
     *
     * <p>Recorded as one tape entry with one edge per entry of x: in reverse mode each window's term is
     * differentiated on its own and its partials summed per entry (preaccumulation, as in Griewank and
     * Walther's treatment of partial separability); in forward mode values and tangents are summed in doubles.
     * Long sums (64 windows or more) run on a compiled kernel: the term is recorded once as a straight-line
     * program and compiled to JVM code looping over all windows (recorded on every call, compiled once per
     * sequence of operations; its constants are arguments). Terms that read a value, use
     * {@link Window#start()}, or use numbers of the pass other than their window are differentiated window by
     * window instead, with the same results. The term must use only its window's entries, {@link Window#start()}
     * and plain constants for either: if it uses other numbers of the pass (or of an enclosing one), that is
     * detected and the sum is recorded operation by operation instead, which is exact but slower. Kinks met by
     * any term are recorded. When the whole function is one window sum, {@link WindowSum} is faster still.
     *
     * @param width w ≥ 1, the entries per window
     * @param stride s ≥ 1, the step between windows' first entries
     */
    public static Real windowSum(Real[] x, int width, int stride, WindowTerm term) {
        WindowSum.requireWindows(width, stride);
        java.util.Objects.requireNonNull(term, "term");
        Real like = foreign(x);
        if (like != null) {
            return ScalarExpansions.windowSum(like.constant(0), lift(like, x), width, stride, term);
        }
        return Num.leaderOrInputs(x).windowSumOf(x, width, stride, term);
    }

    /**
     * The first number of the arrays that is not one of this package's kinds (a one-sided
     * {@link dev.nabla.core.onesided.Expansion}, say), or null: array primitives on such numbers run as chains of
     * its scalar operations ({@link ScalarExpansions}), this package's numbers taken as its constants.
     */
    private static Real foreign(Real[]... arrays) {
        for (Real[] a : arrays) {
            for (Real r : a) {
                if (!(r instanceof Num) && r != null) {
                    return r;
                }
            }
        }
        return null;
    }

    /** x with this package's numbers replaced by constants of like's kind (their values). */
    private static Real[] lift(Real like, Real[] x) {
        Real[] r = x.clone();
        for (int i = 0; i < r.length; i++) {
            if (r[i] instanceof Num) {
                r[i] = like.constant(r[i].value());
            }
        }
        return r;
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
