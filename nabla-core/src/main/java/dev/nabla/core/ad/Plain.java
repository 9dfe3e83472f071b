package dev.nabla.core.ad;

/** A plain double: no derivative information, tag 0 (a constant in every context). */
final class Plain extends LinearNum {
    static final Plain ZERO = new Plain(0);
    static final Plain ONE = new Plain(1);

    private final double v;

    Plain(double v) {
        this.v = v;
    }

    @Override
    public double value() {
        return v;
    }

    @Override
    long tag() {
        return 0;
    }

    @Override
    Real lift(Real lower) {
        return new Plain(lower.value());
    }

    @Override
    void kink(String primitive, String where) {
        // plain evaluation computes no derivative, so there is nothing to qualify
    }

    @Override
    boolean valueOnly() {
        return true;
    }

    @Override
    Real linear(double value, Real[] x, double[] c, int n) {
        return new Plain(value);
    }

    @Override
    public Real constant(double c) {
        return new Plain(c);
    }

    /**
     * Σ term(window) summed in doubles (the entries are plain): by the term's compiled {@link WindowKernel} for
     * long sums, else term by term, with terms of other contexts added generically.
     */
    @Override
    Real windowSumOf(Real[] x, int width, int stride, Reals.WindowTerm term) {
        WindowKernel.Bound kernel = WindowKernel.forSum(x.length, width, stride, term);
        if (kernel != null) {
            double[] values = new double[x.length];
            for (int j = 0; j < values.length; j++) {
                values[j] = x[j].value();
            }
            return new Plain(kernel.value(values, new Context()));
        }
        Windows.Entries w = new Windows.Entries(x, width);
        double s = 0;
        Real rest = null;
        for (int i = 0; i + width <= x.length; i += stride) {
            w.start = i;
            Real r = term.apply(w);
            if (r instanceof Plain p) {
                s += p.v;
            } else {
                rest = rest == null ? r : rest.add(r);
            }
        }
        return rest == null ? new Plain(s) : rest.add(s);
    }

    @Override
    public Real add(Real b) {
        return b instanceof Plain p ? new Plain(v + p.v) : of(b).lift(this).add(b);
    }

    @Override
    public Real add(double b) {
        return new Plain(v + b);
    }

    @Override
    public Real subtract(Real b) {
        return b instanceof Plain p ? new Plain(v - p.v) : of(b).lift(this).subtract(b);
    }

    @Override
    public Real subtract(double b) {
        return new Plain(v - b);
    }

    @Override
    public Real multiply(Real b) {
        return b instanceof Plain p ? new Plain(v * p.v) : of(b).lift(this).multiply(b);
    }

    @Override
    public Real multiply(double b) {
        return new Plain(v * b);
    }

    @Override
    public Real divide(Real b) {
        return b instanceof Plain p ? new Plain(v / p.v) : of(b).lift(this).divide(b);
    }

    @Override
    public Real divide(double b) {
        return new Plain(v / b);
    }

    @Override
    public Real negate() {
        return new Plain(-v);
    }

    @Override
    public Real reciprocal() {
        return new Plain(1 / v);
    }

    @Override
    public Real square() {
        return new Plain(v * v);
    }

    @Override
    public Real pow(double p) {
        return new Plain(Math.pow(v, p));
    }

    @Override
    public Real pow(Real p) {
        return p instanceof Plain q ? new Plain(Math.pow(v, q.v)) : of(p).lift(this).pow(p);
    }

    /** p(this) by the table's value. */
    @Override
    public Real apply(dev.nabla.core.prim.Primitive p) {
        if (p.arity() != 1) {
            throw new IllegalArgumentException(p + " is not a unary primitive");
        }
        return new Plain(p.value(v, 0));
    }

    @Override
    public Real atan2(Real x) {
        return x instanceof Plain p ? new Plain(Math.atan2(v, p.v)) : of(x).lift(this).atan2(x);
    }

    @Override
    public Real hypot(Real b) {
        return b instanceof Plain p ? new Plain(Math.hypot(v, p.v)) : of(b).lift(this).hypot(b);
    }

    @Override
    public Real max(Real b) {
        return b instanceof Plain p ? (v >= p.v || Double.isNaN(v) ? this : p) : of(b).lift(this).max(b);
    }

    @Override
    public Real min(Real b) {
        return b instanceof Plain p ? (v <= p.v || Double.isNaN(v) ? this : p) : of(b).lift(this).min(b);
    }

    @Override
    public String toString() {
        return Double.toString(v);
    }
}
