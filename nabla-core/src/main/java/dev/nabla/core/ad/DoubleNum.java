package dev.nabla.core.ad;

import dev.nabla.core.field.DomainException;
import dev.nabla.core.prim.Primitive;

/**
 * The elementary rules in doubles, shared by the fast derivative-carrying kinds (dual, multi-dual, tape). Each
 * rule computes the value g(a) and the local partial g'(a) once; the kind decides what to do with the partial
 * ({@link #unary}, {@link #binary}). Operands from an enclosing context are constants here (their value is
 * used); operands from a nested context lift this number into theirs.
 */
abstract class DoubleNum extends LinearNum {

    /** The result g(this) with value v and local partial d = g'(this). */
    abstract Real unary(double v, double d);

    /** The result g(this, b), b of the same context, with value v and partials da = ∂g/∂this, db = ∂g/∂b. */
    abstract Real binary(Num b, double v, double da, double db);

    abstract boolean sameContext(Num b);

    /** The context this number belongs to, which records its kinks. */
    abstract Context context();

    @Override
    final void kink(String primitive, String where) {
        context().kink(primitive, where);
    }

    /**
     * The value of an operand from an enclosing context (or a plain number), which is a constant in this
     * context. Numbers of a {@link LocalContext} refuse anything but plain numbers here.
     */
    double outer(Num o) {
        return o.value();
    }

    // ---- arithmetic ----

    @Override
    public Real add(Real b) {
        Num o = of(b);
        if (sameContext(o)) {
            return binary(o, value() + o.value(), 1, 1);
        }
        return o.tag() > tag() ? o.lift(this).add(o) : add(outer(o));
    }

    @Override
    public Real add(double b) {
        return unary(value() + b, 1);
    }

    @Override
    public Real subtract(Real b) {
        Num o = of(b);
        if (sameContext(o)) {
            return binary(o, value() - o.value(), 1, -1);
        }
        return o.tag() > tag() ? o.lift(this).subtract(o) : subtract(outer(o));
    }

    @Override
    public Real subtract(double b) {
        return unary(value() - b, 1);
    }

    @Override
    public Real multiply(Real b) {
        Num o = of(b);
        if (sameContext(o)) {
            double a = value();
            double c = o.value();
            return binary(o, a * c, c, a);
        }
        return o.tag() > tag() ? o.lift(this).multiply(o) : multiply(outer(o));
    }

    @Override
    public Real multiply(double b) {
        return unary(value() * b, b);
    }

    @Override
    public Real divide(Real b) {
        Num o = of(b);
        if (sameContext(o)) {
            double c = o.value();
            double q = value() / c;
            double db = -q / c;
            if ((q - q) + (db - db) != 0) {
                notFinite(Primitive.DIVIDE, value(), c, q, db, context());
            }
            return binary(o, q, 1 / c, db);
        }
        return o.tag() > tag() ? o.lift(this).divide(o) : divide(outer(o));
    }

    @Override
    public Real divide(double b) {
        double q = value() / b;
        if (q - q != 0) {
            notFinite(Primitive.DIVIDE, value(), b, q, 0, context());
        }
        return unary(q, 1 / b);
    }

    @Override
    public Real negate() {
        return unary(-value(), -1);
    }

    @Override
    public Real reciprocal() {
        double r = 1 / value();
        double d = -r * r;
        if ((r - r) + (d - d) != 0) {
            notFinite(Primitive.DIVIDE, 1, value(), r, d, context());
        }
        return unary(r, d);
    }

    @Override
    public Real square() {
        double a = value();
        return unary(a * a, 2 * a);
    }

    @Override
    public Real pow(double p) {
        double a = value();
        double v = Math.pow(a, p);
        powKinkOf(a, p, context());
        double d = Primitive.powBase(a, p);
        if ((v - v) + (d - d) != 0) {
            notFinite(Primitive.POW, a, p, v, d, context());
        }
        return unary(v, d);
    }

    /** ∂/∂p a^p = a^p log a, taken as its limit 0 at a = 0 with p &gt; 0 (the table's {@link Primitive#POW}). */
    @Override
    public Real pow(Real p) {
        Num o = of(p);
        if (sameContext(o)) {
            double a = value();
            double q = o.value();
            double v = Math.pow(a, q);
            kinkOf(Primitive.POW, a, q, context());
            double da = Primitive.powBase(a, q);
            double db = Primitive.powExponent(a, q, v);
            if ((v - v) + (da - da) + (db - db) != 0) {
                notFinite(Primitive.POW, a, q, v, da + db, context());
            }
            return binary(o, v, da, db);
        }
        return o.tag() > tag() ? o.lift(this).pow(o) : pow(outer(o));
    }

    // ---- elementary functions: values, partials and kinks from the table of primitives ----

    /**
     * p(this) for a unary primitive p of the table: its value, its partial (the conventional one at a kink, which
     * is recorded). Called with a constant p, the JIT resolves p's methods statically.
     */
    @Override
    public Real apply(Primitive p) {
        if (p.arity() != 1) {
            throw new IllegalArgumentException(p + " is not a unary primitive");
        }
        double a = value();
        double v = p.value(a, 0);
        if (p.hasKinks()) {
            kinkOf(p, a, 0, context());
        }
        double d = p.partial(0, a, 0, v);
        if ((v - v) + (d - d) != 0) { // one comparison: v or d is infinite or NaN
            notFinite(p, a, 0, v, d, context());
        }
        return unary(v, d);
    }

    /** atan2(y, x) with y = this, partials from {@link Primitive#ATAN2}. */
    @Override
    public Real atan2(Real x) {
        Num o = of(x);
        if (o.tag() > tag()) {
            return o.lift(this).atan2(o);
        }
        double y = value();
        double xv = sameContext(o) ? o.value() : outer(o);
        double v = Math.atan2(y, xv);
        if (y == 0 && xv == 0 || v != v) {
            notFinite(Primitive.ATAN2, y, xv, v, 0, context());
        }
        double dy = Primitive.ATAN2.partial(0, y, xv, v);
        return sameContext(o) ? binary(o, v, dy, Primitive.ATAN2.partial(1, y, xv, v)) : unary(v, dy);
    }

    /** hypot(a, b): ∂/∂a = a/h, ∂/∂b = b/h; at (0, 0) both partials are 0 and a kink is recorded. */
    @Override
    public Real hypot(Real b) {
        Num o = of(b);
        if (o.tag() > tag()) {
            return o.lift(this).hypot(o);
        }
        double a = value();
        double c = sameContext(o) ? o.value() : outer(o);
        double h = hypot(a, c, context());
        return sameContext(o) ? binary(o, h, Primitive.dHypot(a, h), Primitive.dHypot(c, h))
                : unary(h, Primitive.dHypot(a, h));
    }

    // ---- non-smooth primitives: the convention of Real's Javadoc, kinks recorded ----

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
        double a = value();
        double c = sameContext(o) ? o.value() : outer(o);
        double v = extremum(a, c, max, context());
        double da = dExtremum(a, c, max, true);
        return sameContext(o) ? binary(o, v, da, dExtremum(a, c, max, false)) : unary(v, da);
    }

    /**
     * d·t with a zero t counting as zero even when d is infinite or NaN: a tangent (or adjoint) that is zero
     * passes nothing on, so √ at 0 does not spoil a direction that does not move its argument. Every kind
     * that carries tangents, and the code {@link WindowKernel} generates, multiplies by it.
     */
    static double times(double d, double t) {
        return t == 0 ? 0 : d * t;
    }

    // ---- kinks recorded, shared with the code WindowKernel generates ----

    /**
     * The slow path of an operation p at (a, b) whose value v or partial d is not finite (or that is undefined
     * with a finite value, as atan2 at (0, 0)): a {@link DomainException} naming the operation, its argument and
     * the point where p is undefined or an argument is not finite; an overflow recorded in ctx where finite
     * arguments give an infinite value or partial (reported if it reaches the result: {@link Context#checkFinite}).
     */
    static void notFinite(Primitive p, double a, double b, double v, double d, Context ctx) {
        String args = p.arity() == 1 ? Primitive.format(a) : "(" + Primitive.format(a) + ", " + Primitive.format(b)
                + ")";
        String sub = p.arity() == 1 ? p.symbol() + "(" + args + ")" : p.symbol() + args;
        String reason = !Double.isFinite(a) || !Double.isFinite(b)
                ? p.symbol() + " of " + args + " (an argument is not finite)" : p.domainViolation(a, b);
        if (reason == null && Double.isNaN(v)) {
            reason = p.symbol() + " of " + args + " is undefined";
        }
        if (reason == null && Double.isNaN(d)) {
            reason = "the derivative of " + p.symbol() + " is undefined at " + args
                    + (p == Primitive.POW ? " (a^b in b needs a > 0)" : "");
        }
        if (reason != null) {
            throw new DomainException(sub, reason, ctx.point());
        }
        ctx.overflow(sub + ": its " + (Double.isFinite(v) ? "derivative" : "value") + " exceeds the double range");
    }

    /** Records the kink of primitive p at (a, b) in ctx, if (a, b) is one ({@link Primitive#kink}). */
    static void kinkOf(Primitive p, double a, double b, Context ctx) {
        String where = p.kink(a, b);
        if (where != null) {
            ctx.kink(p.symbol(), where);
        }
    }

    /**
     * Records the kink of a^p for a constant exponent p: the table's kinks of pow in the base (0 with
     * 0 &lt; p &lt; 1), not the jump of 0^b in the exponent, which a constant does not move.
     */
    static void powKinkOf(double a, double p, Context ctx) {
        if (p != 0) {
            kinkOf(Primitive.POW, a, p, ctx);
        }
    }

    /** hypot(a, c), recording a kink at (0, 0). */
    static double hypot(double a, double c, Context ctx) {
        kinkOf(Primitive.HYPOT, a, c, ctx);
        return Primitive.HYPOT.value(a, c);
    }

    /** max(a, c) or min(a, c) by {@link Num#pick}, recording a kink at a tie. */
    static double extremum(double a, double c, boolean max, Context ctx) {
        if (a == c) {
            ctx.kink(max ? "max" : "min", tie(max, a));
        }
        return switch (pick(a, c, max)) {
            case FIRST -> a;
            case SECOND -> c;
            case NAN -> Double.NaN;
        };
    }

    /** ∂ max(a, c)/∂a (first) or ∂/∂c (not first), by {@link Num#pick}; likewise for min. */
    static double dExtremum(double a, double c, boolean max, boolean first) {
        return switch (pick(a, c, max)) {
            case FIRST -> first ? 1 : 0;
            case SECOND -> first ? 0 : 1;
            case NAN -> Double.NaN;
        };
    }
}
