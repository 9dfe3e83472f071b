package dev.nabla.core.interval;

import dev.nabla.core.ad.Real;
import dev.nabla.core.prim.Primitive;
import dev.nabla.core.prim.UndecidedException;

/**
 * Forward-mode automatic differentiation on enclosures: a {@link Real} whose value and tangents
 * (∂/∂x₁, …, ∂/∂xₙ) are {@link Interval}s, each primitive evaluated by the table's one definition
 * ({@link Primitive#define}) and differentiated by its generic rule ({@link Primitive#partial(dev.nabla.core.prim.Algebra,
 * int, Object, Object, Object)}) over {@link Intervals}. Used through {@link IntervalAD}.
 *
 * <p>{@link #value()} is the value only where the enclosure is a single double; a Java branch on a value that
 * is not certain (x.value() &gt; 0 with x an interval around 0) cannot be certified and throws
 * {@link UndecidedException}. Selections written with the table (max, min, abs) give hulls instead.
 */
final class IntervalDual implements Real {
    private static final Intervals I = Intervals.ALGEBRA;

    final Interval v;
    final Interval[] d;

    IntervalDual(Interval v, Interval[] d) {
        this.v = v;
        this.d = d;
    }

    private IntervalDual of(Interval value, Interval[] tangent) {
        return new IntervalDual(value, tangent);
    }

    private static IntervalDual cast(Real b) {
        if (b instanceof IntervalDual x) {
            return x;
        }
        throw new IllegalArgumentException("operands must come from the same enclosure evaluation: " + b);
    }

    @Override
    public double value() {
        if (!v.isPoint()) {
            throw new UndecidedException("the value " + v + " is an interval: a branch on it cannot be certified");
        }
        return v.lo();
    }

    /** The enclosure of the value. */
    Interval enclosure() {
        return v;
    }

    @Override
    public Real constant(double c) {
        return of(Interval.of(c), zeros(d.length));
    }

    static Interval[] zeros(int n) {
        Interval[] z = new Interval[n];
        java.util.Arrays.fill(z, Interval.of(0));
        return z;
    }

    @Override
    public Real add(Real b) {
        return apply(Primitive.ADD, b);
    }

    @Override
    public Real add(double b) {
        return add(constant(b));
    }

    @Override
    public Real subtract(Real b) {
        return apply(Primitive.SUBTRACT, b);
    }

    @Override
    public Real subtract(double b) {
        return subtract(constant(b));
    }

    @Override
    public Real multiply(Real b) {
        return apply(Primitive.MULTIPLY, b);
    }

    @Override
    public Real multiply(double b) {
        return multiply(constant(b));
    }

    @Override
    public Real divide(Real b) {
        return apply(Primitive.DIVIDE, b);
    }

    @Override
    public Real divide(double b) {
        return divide(constant(b));
    }

    @Override
    public Real negate() {
        return apply(Primitive.NEGATE);
    }

    @Override
    public Real reciprocal() {
        return constant(1).divide(this);
    }

    /** this² as the square of one interval (never negative). */
    @Override
    public Real square() {
        Interval[] t = new Interval[d.length];
        Interval twice = I.multiply(I.constant(2), v);
        for (int i = 0; i < d.length; i++) {
            t[i] = I.multiply(twice, d[i]);
        }
        return of(I.multiply(v, v), t);
    }

    /** this^p for a constant p: the derivative with respect to the base only. */
    @Override
    public Real pow(double p) {
        Interval c = Interval.of(p);
        Interval value = Primitive.POW.define(I, v, c);
        return chain(value, Primitive.POW.partial(I, 0, v, c, value), d, null, null);
    }

    @Override
    public Real pow(Real p) {
        return apply(Primitive.POW, p);
    }

    @Override
    public Real atan2(Real x) {
        return apply(Primitive.ATAN2, x);
    }

    @Override
    public Real hypot(Real b) {
        return apply(Primitive.HYPOT, b);
    }

    @Override
    public Real max(Real b) {
        return apply(Primitive.MAX, b);
    }

    @Override
    public Real min(Real b) {
        return apply(Primitive.MIN, b);
    }

    @Override
    public Real apply(Primitive p) {
        Interval value = p.define(I, v, null);
        return chain(value, p.partial(I, 0, v, null, value), d, null, null);
    }

    @Override
    public Real apply(Primitive p, Real other) {
        IntervalDual b = cast(other);
        Interval value = p.define(I, v, b.v);
        return chain(value, p.partial(I, 0, v, b.v, value), d, p.partial(I, 1, v, b.v, value), b.d);
    }

    /** value with tangent da·ta + db·tb (db, tb absent for unary operations). */
    private IntervalDual chain(Interval value, Interval da, Interval[] ta, Interval db, Interval[] tb) {
        Interval[] t = new Interval[ta.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = I.multiply(da, ta[i]);
            if (db != null) {
                t[i] = I.add(t[i], I.multiply(db, tb[i]));
            }
        }
        return of(value, t);
    }

    @Override
    public String toString() {
        return v + " d" + java.util.Arrays.toString(d);
    }
}
