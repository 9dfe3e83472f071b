package dev.nabla.core.ad;

/**
 * A number of a {@link LocalContext} carrying up to four tangents in fields (no array), so that one pass over
 * an element function of a few variables gives all its partial derivatives and the JIT can keep the whole
 * pass in registers. Tangents seeded zero stay exact zeros (a zero tangent times any partial counts as zero),
 * which also lets the compiler drop unused lanes. Operands of other contexts are refused (see LocalContext).
 */
final class LocalDual extends DoubleNum {
    final double v;
    final double t0;
    final double t1;
    final double t2;
    final double t3;
    final LocalContext ctx;

    LocalDual(double v, double t0, double t1, double t2, double t3, LocalContext ctx) {
        this.v = v;
        this.t0 = t0;
        this.t1 = t1;
        this.t2 = t2;
        this.t3 = t3;
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
        return b instanceof LocalDual d && d.ctx == ctx;
    }

    @Override
    Real lift(Real lower) {
        LocalContext.requirePlain(lower);
        return constant(lower.value());
    }

    @Override
    double outer(Num o) {
        LocalContext.requirePlain(o);
        return o.value();
    }

    @Override
    Context context() {
        return ctx;
    }

    @Override
    public Real constant(double c) {
        return new LocalDual(c, 0, 0, 0, 0, ctx);
    }

    @Override
    Real unary(double value, double d) {
        return new LocalDual(value, times(d, t0), times(d, t1), times(d, t2), times(d, t3), ctx);
    }

    @Override
    Real binary(Num b, double value, double da, double db) {
        LocalDual o = (LocalDual) b;
        return new LocalDual(value, times(da, t0) + times(db, o.t0), times(da, t1) + times(db, o.t1),
                times(da, t2) + times(db, o.t2), times(da, t3) + times(db, o.t3), ctx);
    }

    @Override
    Real linear(double value, Real[] x, double[] c, int n) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        for (int k = 0; k < n; k++) {
            if (x[k] instanceof LocalDual d && d.ctx == ctx) {
                s0 += times(c[k], d.t0);
                s1 += times(c[k], d.t1);
                s2 += times(c[k], d.t2);
                s3 += times(c[k], d.t3);
            } else {
                LocalContext.requirePlain(x[k]);
            }
        }
        return new LocalDual(value, s0, s1, s2, s3, ctx);
    }

    // the hot arithmetic, without the generic dispatch

    @Override
    public Real add(Real b) {
        if (b instanceof LocalDual o && o.ctx == ctx) {
            return new LocalDual(v + o.v, t0 + o.t0, t1 + o.t1, t2 + o.t2, t3 + o.t3, ctx);
        }
        return super.add(b);
    }

    @Override
    public Real subtract(Real b) {
        if (b instanceof LocalDual o && o.ctx == ctx) {
            return new LocalDual(v - o.v, t0 - o.t0, t1 - o.t1, t2 - o.t2, t3 - o.t3, ctx);
        }
        return super.subtract(b);
    }

    @Override
    public Real multiply(Real b) {
        if (b instanceof LocalDual o && o.ctx == ctx) {
            return binary(o, v * o.v, o.v, v);
        }
        return super.multiply(b);
    }

    @Override
    public Real add(double b) {
        return new LocalDual(v + b, t0, t1, t2, t3, ctx);
    }

    @Override
    public Real subtract(double b) {
        return new LocalDual(v - b, t0, t1, t2, t3, ctx);
    }

    @Override
    public Real multiply(double b) {
        return unary(v * b, b);
    }

    @Override
    public Real square() {
        return unary(v * v, 2 * v);
    }

    @Override
    public String toString() {
        return v + " + (" + t0 + ", " + t1 + ", " + t2 + ", " + t3 + ")ε (local)";
    }
}
