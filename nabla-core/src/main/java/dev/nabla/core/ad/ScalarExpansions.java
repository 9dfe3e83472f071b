package dev.nabla.core.ad;

/**
 * The array primitives written as chains of scalar operations starting from a given zero: exact in every kind
 * of number, with no partials of their own. {@link Num}'s contexts start from a plain 0 and the fast contexts
 * override them; {@link Reals} runs them on numbers from outside this package (the one-sided
 * {@link dev.nabla.core.onesided.Expansion}, say), starting from that kind's 0.
 */
final class ScalarExpansions {
    private ScalarExpansions() {
    }

    /** Σ term(window) over the windows of x, one operation at a time. */
    static Real windowSum(Real zero, Real[] x, int width, int stride, Reals.WindowTerm term) {
        Windows.Entries w = new Windows.Entries(x, width);
        Real s = zero;
        for (int i = 0; i + width <= x.length; i += stride) {
            w.start = i;
            s = s.add(term.apply(w));
        }
        return s;
    }

    /** Σ x_i. */
    static Real sum(Real zero, Real[] x) {
        Real s = zero;
        for (Real r : x) {
            s = s.add(r);
        }
        return s;
    }

    /** Σ a_i b_i. */
    static Real dot(Real zero, Real[] a, Real[] b) {
        Real s = zero;
        for (int i = 0; i < a.length; i++) {
            s = s.add(a[i].multiply(b[i]));
        }
        return s;
    }

    /** Σ a_i b_i for constants a_i. */
    static Real dot(Real zero, double[] a, Real[] b) {
        Real s = zero;
        for (int i = 0; i < a.length; i++) {
            s = s.add(b[i].multiply(a[i]));
        }
        return s;
    }

    /** a x_i + y_i. */
    static Real[] axpy(Real a, Real[] x, Real[] y) {
        Real[] r = new Real[x.length];
        for (int i = 0; i < x.length; i++) {
            r[i] = a.multiply(x[i]).add(y[i]);
        }
        return r;
    }

    /** (A x)_i = Σ_j a_ij x_j. */
    static Real[] matVec(Real zero, double[][] a, Real[] x) {
        Real[] r = new Real[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = dot(zero, a[i], x);
        }
        return r;
    }

    /** (A x)_i for A given row-major as rows × cols numbers. */
    static Real[] matVec(Real zero, Real[] a, int rows, int cols, Real[] x) {
        Real[] r = new Real[rows];
        Real[] row = new Real[cols];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(a, i * cols, row, 0, cols);
            r[i] = dot(zero, row, x);
        }
        return r;
    }

    /** log Σ exp x_i = m + log Σ exp(x_i − m), shifted by the largest value m (a constant) so that none overflows. */
    static Real logSumExp(Real zero, Real[] x) {
        double m = Num.maxValue(x);
        Real s = zero;
        for (Real r : x) {
            s = s.add(r.subtract(m).exp());
        }
        return s.log().add(m);
    }

    /** softmax(x)_i = exp(x_i − log Σ exp x_j). */
    static Real[] softmax(Real zero, Real[] x) {
        Real l = logSumExp(zero, x);
        Real[] r = new Real[x.length];
        for (int i = 0; i < x.length; i++) {
            r[i] = x[i].subtract(l).exp();
        }
        return r;
    }

    /** ‖x‖ as a chain of hypot: overflow-free, gradient 0 with a kink at x = 0. */
    static Real norm(Real zero, Real[] x) {
        Real s = zero;
        for (Real r : x) {
            s = s.hypot(r);
        }
        return s;
    }

    /** Σ x_i². */
    static Real squaredNorm(Real zero, Real[] x) {
        Real s = zero;
        for (Real r : x) {
            s = s.add(r.square());
        }
        return s;
    }
}
