package dev.nabla.core.ad;

import dev.nabla.core.prim.Algebra;
import dev.nabla.core.prim.Primitive;

/**
 * {@link Real} numbers as an {@link Algebra}: the table's rules applied to numbers of the enclosing contexts,
 * so that the nestable kinds' partials stay differentiable. Constants are plain numbers; selections are
 * decided by the values (a constant choice, as the one-sided conventions are).
 *
 * <p>The arithmetic and the primitives delegate to the numbers themselves; a kind whose constants or
 * selections differ (the one-sided expansions) extends this class and overrides {@link #constant} and
 * {@link #ifAtLeast}.
 */
public class RealAlgebra implements Algebra<Real> {
    static final RealAlgebra INSTANCE = new RealAlgebra();

    /** For kinds that override the constants or the selection. */
    protected RealAlgebra() {
    }

    @Override
    public Real constant(double c) {
        return RealNum.c(c);
    }

    @Override
    public Real add(Real a, Real b) {
        return a.add(b);
    }

    @Override
    public Real subtract(Real a, Real b) {
        return a.subtract(b);
    }

    @Override
    public Real multiply(Real a, Real b) {
        return a.multiply(b);
    }

    @Override
    public Real divide(Real a, Real b) {
        return a.divide(b);
    }

    @Override
    public Real negate(Real a) {
        return a.negate();
    }

    @Override
    public Real apply(Primitive p, Real a) {
        return a.apply(p);
    }

    @Override
    public Real apply(Primitive p, Real a, Real b) {
        // a^b through the kind's own pow: a constant exponent takes its cheap path (one-sided expansions would
        // otherwise expand x^π through the general rule, recursively, without end)
        return p == Primitive.POW ? a.pow(b) : a.apply(p, b);
    }

    /** a^p for a constant p: the kind's own rule ({@link Real#pow(double)}). */
    @Override
    public Real pow(Real a, double p) {
        return a.pow(p);
    }

    /** a ≥ b decided by the values at the point. */
    @Override
    public Real ifAtLeast(Real a, Real b, Real then, Real otherwise) {
        return a.value() >= b.value() ? then : otherwise;
    }
}
