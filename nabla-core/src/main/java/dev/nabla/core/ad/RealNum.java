package dev.nabla.core.ad;

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

    private static Real powPartial(Real a, double p) {
        return p == 0 ? Plain.ZERO : a.pow(p - 1).multiply(p);
    }

    @Override
    public Real pow(double p) {
        Real a = base();
        return unary(a.pow(p), powPartial(a, p));
    }

    @Override
    public Real pow(Real p) {
        Num o = of(p);
        if (o.tag() > tag()) {
            return o.lift(this).pow(o);
        }
        Real a = base();
        Real q = sameContext(o) ? baseOf(o) : o;
        Real v = a.pow(q);
        Real da = a.value() == 0 && q.value() == 0 ? Plain.ZERO : q.multiply(a.pow(q.subtract(1)));
        if (!sameContext(o)) {
            return unary(v, da);
        }
        Real db = a.value() == 0 && q.value() > 0 ? Plain.ZERO : v.multiply(a.log());
        return binary(o, v, da, db);
    }

    // ---- elementary functions ----

    @Override
    public Real sqrt() {
        Real r = base().sqrt();
        return unary(r, r.multiply(2).reciprocal());
    }

    @Override
    public Real cbrt() {
        Real r = base().cbrt();
        return unary(r, r.square().multiply(3).reciprocal());
    }

    @Override
    public Real exp() {
        Real e = base().exp();
        return unary(e, e);
    }

    @Override
    public Real log() {
        Real a = base();
        return unary(a.log(), a.reciprocal());
    }

    @Override
    public Real sin() {
        Real a = base();
        return unary(a.sin(), a.cos());
    }

    @Override
    public Real cos() {
        Real a = base();
        return unary(a.cos(), a.sin().negate());
    }

    @Override
    public Real tan() {
        Real t = base().tan();
        return unary(t, t.square().add(1));
    }

    /** 1/√(1 − a²). */
    private static Real arcsinePartial(Real a) {
        return a.square().negate().add(1).sqrt().reciprocal();
    }

    @Override
    public Real asin() {
        Real a = base();
        return unary(a.asin(), arcsinePartial(a));
    }

    @Override
    public Real acos() {
        Real a = base();
        return unary(a.acos(), arcsinePartial(a).negate());
    }

    @Override
    public Real atan() {
        Real a = base();
        return unary(a.atan(), a.square().add(1).reciprocal());
    }

    @Override
    public Real sinh() {
        Real a = base();
        return unary(a.sinh(), a.cosh());
    }

    @Override
    public Real cosh() {
        Real a = base();
        return unary(a.cosh(), a.sinh());
    }

    @Override
    public Real tanh() {
        Real t = base().tanh();
        return unary(t, t.square().negate().add(1));
    }

    @Override
    public Real asinh() {
        Real a = base();
        return unary(a.asinh(), a.square().add(1).sqrt().reciprocal());
    }

    @Override
    public Real acosh() {
        Real a = base();
        return unary(a.acosh(), a.square().subtract(1).sqrt().reciprocal());
    }

    @Override
    public Real atanh() {
        Real a = base();
        return unary(a.atanh(), a.square().negate().add(1).reciprocal());
    }

    @Override
    public Real atan2(Real x) {
        Num o = of(x);
        if (o.tag() > tag()) {
            return o.lift(this).atan2(o);
        }
        Real y = base();
        Real xv = sameContext(o) ? baseOf(o) : o;
        Real r2 = xv.square().add(y.square());
        Real v = y.atan2(xv);
        Real dy = xv.divide(r2);
        return sameContext(o) ? binary(o, v, dy, y.divide(r2).negate()) : unary(v, dy);
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
    public Real abs() {
        Real a = base();
        double v = a.value();
        if (v == 0) {
            kink("abs", "abs at 0");
        }
        return unary(a.abs(), v < 0 ? c(-1) : v > 0 || v == 0 ? Plain.ONE : c(Double.NaN));
    }

    @Override
    public Real sign() {
        Real a = base();
        if (a.value() == 0) {
            kink("sign", "sign at 0");
        }
        return unary(a.sign(), Plain.ZERO);
    }

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
