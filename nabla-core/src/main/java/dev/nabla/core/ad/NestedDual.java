package dev.nabla.core.ad;

/**
 * A dual number whose value and tangent are numbers of the enclosing contexts: forward mode that can itself be
 * differentiated (reverse-over-forward, forward-over-forward). A null tangent is an exact zero.
 */
final class NestedDual extends RealNum {
    final Real v;
    final Real t;
    final Context ctx;

    NestedDual(Real v, Real t, Context ctx) {
        this.v = v;
        this.t = t;
        this.ctx = ctx;
    }

    @Override
    Real base() {
        return v;
    }

    @Override
    long tag() {
        return ctx.tag;
    }

    @Override
    boolean sameContext(Num b) {
        return b instanceof NestedDual d && d.ctx == ctx;
    }

    @Override
    Real lift(Real lower) {
        return new NestedDual(lower, null, ctx);
    }

    @Override
    void kink(String primitive, String where) {
        ctx.kink(primitive, where);
    }

    @Override
    public Real constant(double c) {
        return new NestedDual(v.constant(c), null, ctx);
    }

    @Override
    Real unary(Real value, Real d) {
        return new NestedDual(value, times(d, t), ctx);
    }

    @Override
    Real binary(Num b, Real value, Real da, Real db) {
        return new NestedDual(value, plus(times(da, t), times(db, ((NestedDual) b).t)), ctx);
    }

    /** The tangent of r in context ctx as a number of the enclosing contexts (0 when r does not depend on it). */
    static Real tangentOf(Real r, Context ctx) {
        if (r instanceof NestedDual d && d.ctx == ctx && d.t != null) {
            return d.t;
        }
        return Plain.ZERO;
    }

    @Override
    public String toString() {
        return v + " + (" + t + ")ε";
    }
}
