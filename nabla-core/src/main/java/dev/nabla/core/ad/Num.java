package dev.nabla.core.ad;

/**
 * The engine's base for every {@link Real}: a number belongs to a differentiation context identified by a tag.
 * Plain numbers have tag 0; every forward or reverse context takes a fresh, larger tag when it starts, so a
 * context nested inside another has the larger tag. In a binary operation the operand of the smaller tag is a
 * constant of the other operand's context ({@link #lift}); this is what keeps nested derivatives free of
 * perturbation confusion.
 */
abstract class Num implements Real {

    /** 0 for plain numbers; larger for contexts started later (nested inside). */
    abstract long tag();

    /** A constant of this number's context whose value is {@code lower}, a number of an enclosing context. */
    abstract Real lift(Real lower);

    /** Records that a non-smooth primitive was evaluated at its switching point. */
    abstract void kink(String primitive, String where);

    static Num of(Real r) {
        if (r instanceof Num n) {
            return n;
        }
        throw new IllegalArgumentException("Real numbers are created by dev.nabla.core.ad (AD entry points, "
                + "Real.constant); got " + (r == null ? "null" : r.getClass().getName()));
    }

    /**
     * The leader of x for a primitive that can read the pass's inputs flat: when x starts with input handle 0
     * of a reverse or forward pass and has its length, that handle, with x offered to the primitive (which
     * checks the entries as it reads them and otherwise redispatches on {@link #leader}); else the leader.
     */
    static Num leaderOrInputs(Real[] x) {
        if (x.length > 0) {
            if (x[0] instanceof TapeInput t && t.tape.inputs.offer(x)) {
                return t;
            }
            if (x[0] instanceof DualInput d && ((DualContext) d.ctx).inputs.offer(x)) {
                return d;
            }
        }
        return leader(x);
    }

    /** The entry of x whose context is innermost (largest tag), used to dispatch array primitives. */
    static Num leader(Real[] x) {
        return innermost(Plain.ZERO, x);
    }

    /** The operand whose context is innermost (largest tag) among all arguments, used to dispatch array primitives. */
    static Num leader(Real[]... arrays) {
        Num best = Plain.ZERO;
        for (Real[] a : arrays) {
            best = innermost(best, a);
        }
        return best;
    }

    private static Num innermost(Num best, Real[] x) {
        for (Real r : x) {
            Num n = of(r);
            if (n.tag() > best.tag()) {
                best = n;
            }
        }
        return best;
    }

    /** The argument max(a, c) or min(a, c) follows: the first (also at a tie), the second, or neither (a NaN). */
    enum Winner { FIRST, SECOND, NAN }

    /**
     * The one-sided convention of {@link Real#max}/{@link Real#min} for values a (this) and c: at a tie the first
     * argument wins and a kink is recorded.
     */
    final Winner winner(double a, double c, boolean max) {
        if (a == c) {
            kink(max ? "max" : "min", tie(max, a));
        }
        return pick(a, c, max);
    }

    /** {@link #winner} without recording the kink. */
    static Winner pick(double a, double c, boolean max) {
        if (a == c) {
            return Winner.FIRST;
        }
        if (max ? a < c : a > c) {
            return Winner.SECOND;
        }
        return Double.isNaN(a) || Double.isNaN(c) ? Winner.NAN : Winner.FIRST;
    }

    /** Where a max or min at a tie at value a is recorded. */
    static String tie(boolean max, double a) {
        return (max ? "max" : "min") + " at a tie (both " + show(a) + ")";
    }

    static String show(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    // ---- array primitives: scalar expansions, exact in every context; fast contexts override them ----

    /** Σ term(window) over the windows of x, one operation at a time. */
    Real windowSumOf(Real[] x, int width, int stride, Reals.WindowTerm term) {
        return ScalarExpansions.windowSum(Plain.ZERO, x, width, stride, term);
    }

    Real sumOf(Real[] x) {
        return ScalarExpansions.sum(Plain.ZERO, x);
    }

    Real dotOf(Real[] a, Real[] b) {
        return ScalarExpansions.dot(Plain.ZERO, a, b);
    }

    Real dotOf(double[] a, Real[] b) {
        return ScalarExpansions.dot(Plain.ZERO, a, b);
    }

    Real[] axpyOf(Real a, Real[] x, Real[] y) {
        return ScalarExpansions.axpy(a, x, y);
    }

    Real[] matVecOf(double[][] a, Real[] x) {
        Real[] r = new Real[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = dotOf(a[i], x);
        }
        return r;
    }

    Real[] matVecOf(Real[] a, int rows, int cols, Real[] x) {
        Real[] r = new Real[rows];
        Real[] row = new Real[cols];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(a, i * cols, row, 0, cols);
            r[i] = dotOf(row, x);
        }
        return r;
    }

    /** log Σ exp x_i, shifted by the largest value (a constant) so that no exponential overflows. */
    Real logSumExpOf(Real[] x) {
        return ScalarExpansions.logSumExp(Plain.ZERO, x);
    }

    Real[] softmaxOf(Real[] x) {
        Real l = logSumExpOf(x);
        Real[] r = new Real[x.length];
        for (int i = 0; i < x.length; i++) {
            r[i] = x[i].subtract(l).exp();
        }
        return r;
    }

    /** ‖x‖ as a chain of hypot: overflow-free, gradient 0 with a kink at x = 0. */
    Real normOf(Real[] x) {
        return ScalarExpansions.norm(Plain.ZERO, x);
    }

    Real squaredNormOf(Real[] x) {
        return ScalarExpansions.squaredNorm(Plain.ZERO, x);
    }

    /** The shift m = max x_i of a log-sum-exp (0 when it is infinite), so that no exponential overflows. */
    static double shift(double[] x) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            m = Math.max(m, v);
        }
        return Double.isInfinite(m) ? 0 : m;
    }

    static double maxValue(Real[] x) {
        double m = Double.NEGATIVE_INFINITY;
        for (Real r : x) {
            m = Math.max(m, r.value());
        }
        return Double.isInfinite(m) ? 0 : m;
    }
}
