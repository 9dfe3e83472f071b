package dev.nabla.core.ad;

/** A dual number a + ȧ ε produced by an operation of a forward pass: value and tangent stored. */
final class Dual extends DualNum {
    final double v;
    final double t;

    Dual(double v, double t, Context ctx) {
        super(ctx);
        this.v = v;
        this.t = t;
    }

    @Override
    public double value() {
        return v;
    }

    @Override
    double tangent() {
        return t;
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
