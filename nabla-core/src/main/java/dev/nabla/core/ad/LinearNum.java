package dev.nabla.core.ad;

/**
 * Numbers whose primal values are doubles (plain, dual, multi-dual, tape). The array primitives are written
 * once here in closed form with hand-derived partials; each kind only says how to form a linear combination
 * of its operands' derivative information ({@link #linear}): a tangent sum for dual numbers, one tape entry
 * with one edge per operand for the tape.
 */
abstract class LinearNum extends Num {

    /**
     * A number of this context with value {@code v} whose derivative is Σ_k c_k · d(x_k) over k &lt; n, where
     * operands outside this context are constants (contribute nothing).
     */
    abstract Real linear(double v, Real[] x, double[] c, int n);

    /** True for plain numbers: the primitives skip their partials. */
    boolean valueOnly() {
        return false;
    }

    @Override
    Real sumOf(Real[] x) {
        double s = 0;
        for (Real r : x) {
            s += r.value();
        }
        if (valueOnly()) {
            return new Plain(s);
        }
        double[] ones = new double[x.length];
        java.util.Arrays.fill(ones, 1);
        return linear(s, x, ones, x.length);
    }

    @Override
    Real dotOf(Real[] a, Real[] b) {
        requireSameLength(a.length, b.length);
        int n = a.length;
        double s = 0;
        double[] c = valueOnly() ? null : new double[2 * n];
        for (int i = 0; i < n; i++) {
            double ai = a[i].value();
            double bi = b[i].value();
            s += ai * bi;
            if (c != null) {
                c[i] = bi;
                c[n + i] = ai;
            }
        }
        if (c == null) {
            return new Plain(s);
        }
        Real[] x = new Real[2 * n];
        System.arraycopy(a, 0, x, 0, n);
        System.arraycopy(b, 0, x, n, n);
        return linear(s, x, c, 2 * n);
    }

    @Override
    Real dotOf(double[] a, Real[] b) {
        requireSameLength(a.length, b.length);
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i].value();
        }
        return valueOnly() ? new Plain(s) : linear(s, b, a, a.length);
    }

    @Override
    Real[] axpyOf(Real a, Real[] x, Real[] y) {
        requireSameLength(x.length, y.length);
        double av = a.value();
        Real[] r = new Real[x.length];
        Real[] ops = new Real[3];
        double[] c = new double[3];
        for (int i = 0; i < x.length; i++) {
            double xi = x[i].value();
            double v = av * xi + y[i].value();
            if (valueOnly()) {
                r[i] = new Plain(v);
            } else {
                ops[0] = a;
                ops[1] = x[i];
                ops[2] = y[i];
                c[0] = xi;
                c[1] = av;
                c[2] = 1;
                r[i] = linear(v, ops, c, 3);
            }
        }
        return r;
    }

    @Override
    Real[] matVecOf(Real[] a, int rows, int cols, Real[] x) {
        Real[] r = new Real[rows];
        Real[] ops = new Real[2 * cols];
        double[] c = new double[2 * cols];
        for (int i = 0; i < rows; i++) {
            double s = 0;
            for (int j = 0; j < cols; j++) {
                Real aij = a[i * cols + j];
                double av = aij.value();
                double xv = x[j].value();
                s += av * xv;
                ops[j] = aij;
                c[j] = xv;
                ops[cols + j] = x[j];
                c[cols + j] = av;
            }
            r[i] = valueOnly() ? new Plain(s) : linear(s, ops, c, 2 * cols);
        }
        return r;
    }

    /** lse = m + log Σ exp(x_i − m), ∂lse/∂x_i = softmax_i. */
    @Override
    Real logSumExpOf(Real[] x) {
        double m = maxValue(x);
        double[] p = new double[x.length];
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            p[i] = Math.exp(x[i].value() - m);
            s += p[i];
        }
        double lse = m + Math.log(s);
        if (valueOnly()) {
            return new Plain(lse);
        }
        for (int i = 0; i < x.length; i++) {
            p[i] /= s;
        }
        return linear(lse, x, p, x.length);
    }

    /** s_i = exp(x_i − lse(x)): one log-sum-exp entry, then one two-operand entry per output. */
    @Override
    Real[] softmaxOf(Real[] x) {
        Real l = logSumExpOf(x);
        double lv = l.value();
        Real[] r = new Real[x.length];
        Real[] ops = new Real[2];
        double[] c = new double[2];
        for (int i = 0; i < x.length; i++) {
            double si = Math.exp(x[i].value() - lv);
            if (valueOnly()) {
                r[i] = new Plain(si);
            } else {
                ops[0] = x[i];
                ops[1] = l;
                c[0] = si;
                c[1] = -si;
                r[i] = linear(si, ops, c, 2);
            }
        }
        return r;
    }

    /** ‖x‖, ∂/∂x_i = x_i/‖x‖; at x = 0 the gradient is 0 (the minimum-norm subgradient) and a kink is recorded. */
    @Override
    Real normOf(Real[] x) {
        double[] v = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            v[i] = x[i].value();
        }
        double norm = dev.nabla.core.field.Vectors.norm(v);
        if (valueOnly()) {
            return new Plain(norm);
        }
        if (norm == 0) {
            kink("norm", "norm at 0");
            return linear(0, x, v, 0);
        }
        for (int i = 0; i < v.length; i++) {
            v[i] /= norm;
        }
        return linear(norm, x, v, x.length);
    }

    /** ‖x‖², ∂/∂x_i = 2 x_i. */
    @Override
    Real squaredNormOf(Real[] x) {
        double[] c = valueOnly() ? null : new double[x.length];
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            double xi = x[i].value();
            s += xi * xi;
            if (c != null) {
                c[i] = 2 * xi;
            }
        }
        return c == null ? new Plain(s) : linear(s, x, c, x.length);
    }

    static void requireSameLength(int a, int b) {
        if (a != b) {
            throw new IllegalArgumentException("dimension mismatch: " + a + " vs " + b);
        }
    }
}
