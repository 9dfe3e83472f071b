package dev.nabla.core.ad;

/**
 * A dual number with k tangents a + Σ ȧ_k ε_k (ε_j ε_k = 0): k directional derivatives in one forward pass.
 * Tangent arrays are never modified after construction.
 */
final class MultiDual extends DoubleNum {
    final double v;
    final double[] t;
    final Context ctx;

    MultiDual(double v, double[] t, Context ctx) {
        this.v = v;
        this.t = t;
        this.ctx = ctx;
    }

    @Override
    public double value() {
        return v;
    }

    @Override
    long tag() {
        return ctx.tag;
    }

    @Override
    boolean sameContext(Num b) {
        return b instanceof MultiDual d && d.ctx == ctx;
    }

    @Override
    Real lift(Real lower) {
        return constant(lower.value());
    }

    @Override
    Context context() {
        return ctx;
    }

    @Override
    public Real constant(double c) {
        return new MultiDual(c, new double[t.length], ctx);
    }

    @Override
    Real unary(double value, double d) {
        double[] r = new double[t.length];
        for (int k = 0; k < r.length; k++) {
            r[k] = times(d, t[k]);
        }
        return new MultiDual(value, r, ctx);
    }

    @Override
    Real binary(Num b, double value, double da, double db) {
        double[] tb = ((MultiDual) b).t;
        double[] r = new double[t.length];
        for (int k = 0; k < r.length; k++) {
            r[k] = times(da, t[k]) + times(db, tb[k]);
        }
        return new MultiDual(value, r, ctx);
    }

    @Override
    Real linear(double value, Real[] x, double[] c, int n) {
        double[] r = new double[t.length];
        for (int j = 0; j < n; j++) {
            if (x[j] instanceof MultiDual d && d.ctx == ctx) {
                for (int k = 0; k < r.length; k++) {
                    r[k] += c[j] * d.t[k];
                }
            }
        }
        return new MultiDual(value, r, ctx);
    }
}
