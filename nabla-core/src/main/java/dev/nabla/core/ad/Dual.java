package dev.nabla.core.ad;

/**
 * A dual number a + ȧ ε (ε² = 0) of one forward context: value and tangent, the directional derivative
 * carried along one direction. A zero tangent times an infinite partial counts as zero (so √ at 0 does not
 * spoil directions that do not move its argument).
 */
final class Dual extends DoubleNum {
    final double v;
    final double t;
    final Context ctx;

    Dual(double v, double t, Context ctx) {
        this.v = v;
        this.t = t;
        this.ctx = ctx;
    }

    static double tangentOf(Real r, Context ctx) {
        return r instanceof Dual d && d.ctx == ctx ? d.t : 0;
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
        return b instanceof Dual d && d.ctx == ctx;
    }

    @Override
    Real lift(Real lower) {
        return new Dual(lower.value(), 0, ctx);
    }

    @Override
    void kink(String primitive, String where) {
        ctx.kink(primitive, where);
    }

    @Override
    public Real constant(double c) {
        return new Dual(c, 0, ctx);
    }

    @Override
    Real unary(double value, double d) {
        return new Dual(value, t == 0 ? 0 : d * t, ctx);
    }

    @Override
    Real binary(Num b, double value, double da, double db) {
        double tb = ((Dual) b).t;
        return new Dual(value, (t == 0 ? 0 : da * t) + (tb == 0 ? 0 : db * tb), ctx);
    }

    @Override
    Real linear(double value, Real[] x, double[] c, int n) {
        double s = 0;
        for (int k = 0; k < n; k++) {
            if (x[k] instanceof Dual d && d.ctx == ctx && d.t != 0) {
                s += c[k] * d.t;
            }
        }
        return new Dual(value, s, ctx);
    }

    // the hot arithmetic, without the generic dispatch

    @Override
    public Real add(Real b) {
        if (b instanceof Dual d && d.ctx == ctx) {
            return new Dual(v + d.v, t + d.t, ctx);
        }
        return super.add(b);
    }

    @Override
    public Real subtract(Real b) {
        if (b instanceof Dual d && d.ctx == ctx) {
            return new Dual(v - d.v, t - d.t, ctx);
        }
        return super.subtract(b);
    }

    @Override
    public Real multiply(Real b) {
        if (b instanceof Dual d && d.ctx == ctx) {
            return new Dual(v * d.v, t * d.v + v * d.t, ctx);
        }
        return super.multiply(b);
    }

    @Override
    public Real add(double b) {
        return new Dual(v + b, t, ctx);
    }

    @Override
    public Real subtract(double b) {
        return new Dual(v - b, t, ctx);
    }

    @Override
    public Real multiply(double b) {
        return new Dual(v * b, t * b, ctx);
    }

    @Override
    public Real square() {
        return new Dual(v * v, 2 * v * t, ctx);
    }

    @Override
    public String toString() {
        return v + " + " + t + "ε";
    }
}
