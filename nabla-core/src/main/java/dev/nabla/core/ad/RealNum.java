package dev.nabla.core.ad;

import dev.nabla.core.prim.Primitive;

/**
 * The elementary rules over {@link Real} values, for the nestable kinds ({@link NestedDual},
 * {@link NestedTapeVar}) whose primal values are themselves numbers of enclosing contexts. Each rule computes
 * the value g(a) and the partial g'(a) as numbers of the enclosing contexts, so the derivatives stay
 * differentiable. Operands from an enclosing context are constants here but keep their own derivative
 * information; operands from a nested context lift this number into theirs.
 */
abstract class RealNum extends Num {

    /** The primal value, a number of the enclosing contexts. */
    abstract Real base();

    abstract boolean sameContext(Num b);

    /** The result g(this) with value v and partial d = g'(this). */
    abstract Real unary(Real v, Real d);

    /** The result g(this, b), b of the same context, with partials da = ∂g/∂this and db = ∂g/∂b. */
    abstract Real binary(Num b, Real v, Real da, Real db);

    static Real baseOf(Num sameContext) {
        return ((RealNum) sameContext).base();
    }

    /** d·t, with null meaning an exact zero (so 0 · ∞ never arises from an absent tangent or adjoint). */
    static Real times(Real d, Real t) {
        if (t == null) {
            return null;
        }
        if (d instanceof Plain p) {
            double c = p.value();
            if (c == 1) {
                return t;
            }
            if (c == -1) {
                return t.negate();
            }
            if (c == 0) {
                return null;
            }
            return t.multiply(c);
        }
        return d.multiply(t);
    }

    /** a + b with null meaning zero. */
    static Real plus(Real a, Real b) {
        return a == null ? b : b == null ? a : a.add(b);
    }

    static Real c(double v) {
        return v == 1 ? Plain.ONE : v == 0 ? Plain.ZERO : new Plain(v);
    }

    @Override
    public double value() {
        return base().value();
    }

    // ---- arithmetic ----

    @Override
    public Real add(Real b) {
        Num o = of(b);
        if (sameContext(o)) {
            return binary(o, base().add(baseOf(o)), Plain.ONE, Plain.ONE);
        }
        return o.tag() > tag() ? o.lift(this).add(o) : unary(base().add(o), Plain.ONE);
    }

    @Override
    public Real add(double b) {
        return unary(base().add(b), Plain.ONE);
    }

    @Override
    public Real subtract(Real b) {
        Num o = of(b);
        if (sameContext(o)) {
            return binary(o, base().subtract(baseOf(o)), Plain.ONE, c(-1));
        }
        return o.tag() > tag() ? o.lift(this).subtract(o) : unary(base().subtract(o), Plain.ONE);
    }

    @Override
    public Real subtract(double b) {
        return unary(base().subtract(b), Plain.ONE);
    }

    @Override
    public Real multiply(Real b) {
        Num o = of(b);
        if (sameContext(o)) {
            Real a = base();
            Real bb = baseOf(o);
            return binary(o, a.multiply(bb), bb, a);
        }
        return o.tag() > tag() ? o.lift(this).multiply(o) : unary(base().multiply(o), o);
    }

    @Override
    public Real multiply(double b) {
        return unary(base().multiply(b), c(b));
    }

    @Override
    public Real divide(Real b) {
        Num o = of(b);
        if (sameContext(o)) {
            Real bb = baseOf(o);
            Real q = base().divide(bb);
            return binary(o, q, bb.reciprocal(), q.divide(bb).negate());
        }
        return o.tag() > tag() ? o.lift(this).divide(o) : unary(base().divide(o), o.reciprocal());
    }

    @Override
    public Real divide(double b) {
        return unary(base().divide(b), c(1 / b));
    }

    @Override
    public Real negate() {
        return unary(base().negate(), c(-1));
    }

    @Override
    public Real reciprocal() {
        Real r = base().reciprocal();
        return unary(r, r.square().negate());
    }

    @Override
    public Real square() {
        Real a = base();
        return unary(a.square(), a.multiply(2));
    }

    /** a^p for a constant p by the table's rule (0 for p = 0); at a kink of the base the conventional 0. */
    @Override
    public Real pow(double p) {
        Real a = base();
        Real v = a.pow(p);
        double x = a.value();
        if (p != 0 && Primitive.POW.kink(x, p) != null) {
            kink(Primitive.POW.symbol(), Primitive.POW.kink(x, p));
            return unary(v, c(Primitive.POW.partial(0, x, p, v.value())));
        }
        return unary(v, p == 0 ? Plain.ZERO : a.pow(p - 1).multiply(p));
    }

    /** a^b by the table's rules ({@link Primitive#POW}), the conventional constants at its kinks. */
    @Override
    public Real pow(Real p) {
        Num o = of(p);
        if (o.tag() > tag()) {
            return o.lift(this).pow(o);
        }
        Real a = base();
        Real q = sameContext(o) ? baseOf(o) : o;
        Real v = a.pow(q);
        double x = a.value();
        double y = q.value();
        String where = Primitive.POW.kink(x, y);
        if (where != null) {
            kink(Primitive.POW.symbol(), where);
        }
        Real da = where != null ? c(Primitive.POW.partial(0, x, y, v.value()))
                : Primitive.POW.partial(RealAlgebra.INSTANCE, 0, a, q, v);
        if (!sameContext(o)) {
            return unary(v, da);
        }
        Real db = where != null || x == 0 ? c(Primitive.POW.partial(1, x, y, v.value()))
                : Primitive.POW.partial(RealAlgebra.INSTANCE, 1, a, q, v);
        return binary(o, v, da, db);
    }

    // ---- elementary functions: the table's rules over the enclosing contexts' numbers ----

    /**
     * p(this) with value v = p(a), a = base(): the partial by p's rule over {@link RealAlgebra} (so it stays
     * differentiable), or the conventional constant at a kink (recorded).
     */
    @Override
    public Real apply(Primitive p) {
        if (p.arity() != 1) {
            throw new IllegalArgumentException(p + " is not a unary primitive");
        }
        Real a = base();
        Real v = a.apply(p);
        double x = a.value();
        String where = p.kink(x, 0);
        if (where != null) {
            kink(p.symbol(), where);
            return unary(v, c(p.partial(0, x, 0, v.value())));
        }
        return unary(v, p.partial(RealAlgebra.INSTANCE, 0, a, null, v));
    }

    @Override
    public Real atan2(Real x) {
        Num o = of(x);
        if (o.tag() > tag()) {
            return o.lift(this).atan2(o);
        }
        Real y = base();
        Real xv = sameContext(o) ? baseOf(o) : o;
        Real v = y.atan2(xv);
        Real dy = Primitive.ATAN2.partial(RealAlgebra.INSTANCE, 0, y, xv, v);
        return sameContext(o) ? binary(o, v, dy, Primitive.ATAN2.partial(RealAlgebra.INSTANCE, 1, y, xv, v))
                : unary(v, dy);
    }

    @Override
    public Real hypot(Real b) {
        Num o = of(b);
        if (o.tag() > tag()) {
            return o.lift(this).hypot(o);
        }
        Real a = base();
        Real bv = sameContext(o) ? baseOf(o) : o;
        Real h = a.hypot(bv);
        Real da;
        Real db;
        if (h.value() == 0) {
            kink("hypot", "hypot at (0, 0)");
            da = Plain.ZERO;
            db = Plain.ZERO;
        } else {
            da = a.divide(h);
            db = bv.divide(h);
        }
        return sameContext(o) ? binary(o, h, da, db) : unary(h, da);
    }

    // ---- non-smooth primitives ----

    @Override
    public Real max(Real b) {
        return extremum(b, true);
    }

    @Override
    public Real min(Real b) {
        return extremum(b, false);
    }

    private Real extremum(Real b, boolean max) {
        Num o = of(b);
        if (o.tag() > tag()) {
            Real lifted = o.lift(this);
            return max ? lifted.max(o) : lifted.min(o);
        }
        boolean same = sameContext(o);
        Real a = base();
        Real bv = same ? baseOf(o) : o;
        return switch (winner(a.value(), bv.value(), max)) {
            case SECOND -> same ? binary(o, bv, Plain.ZERO, Plain.ONE) : unary(bv, Plain.ZERO);
            case NAN -> {
                Real nan = c(Double.NaN);
                yield same ? binary(o, nan, nan, nan) : unary(nan, nan);
            }
            case FIRST -> same ? binary(o, a, Plain.ONE, Plain.ZERO) : unary(a, Plain.ONE);
        };
    }
}
