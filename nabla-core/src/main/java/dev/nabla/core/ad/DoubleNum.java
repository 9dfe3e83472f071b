package dev.nabla.core.ad;

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
            return binary(o, q, 1 / c, -q / c);
        }
        return o.tag() > tag() ? o.lift(this).divide(o) : divide(outer(o));
    }

    @Override
    public Real divide(double b) {
        return unary(value() / b, 1 / b);
    }

    @Override
    public Real negate() {
        return unary(-value(), -1);
    }

    @Override
    public Real reciprocal() {
        double r = 1 / value();
        return unary(r, -r * r);
    }

    @Override
    public Real square() {
        double a = value();
        return unary(a * a, 2 * a);
    }

    /** d/da a^p = p a^(p−1); 0 for p = 0 (so that a^0 has derivative 0 even at a = 0). */
    static double powPartial(double a, double p) {
        return p == 0 ? 0 : p * Math.pow(a, p - 1);
    }

    @Override
    public Real pow(double p) {
        double a = value();
        return unary(Math.pow(a, p), powPartial(a, p));
    }

    /** ∂/∂p a^p = a^p log a, taken as its limit 0 at a = 0 with p &gt; 0. */
    @Override
    public Real pow(Real p) {
        Num o = of(p);
        if (sameContext(o)) {
            double a = value();
            double q = o.value();
            double v = Math.pow(a, q);
            return binary(o, v, powPartial(a, q), dPowExponent(a, q, v));
        }
        return o.tag() > tag() ? o.lift(this).pow(o) : pow(outer(o));
    }

    // ---- elementary functions ----

    /** d√a = 1/(2√a): +∞ at a = 0. */
    @Override
    public Real sqrt() {
        double a = value();
        double r = Math.sqrt(a);
        return unary(r, dSqrt(a, r));
    }

    @Override
    public Real cbrt() {
        double a = value();
        double r = Math.cbrt(a);
        return unary(r, dCbrt(a, r));
    }

    @Override
    public Real exp() {
        double a = value();
        double e = Math.exp(a);
        return unary(e, dExp(a, e));
    }

    @Override
    public Real log() {
        double a = value();
        double r = Math.log(a);
        return unary(r, dLog(a, r));
    }

    @Override
    public Real sin() {
        double a = value();
        double r = Math.sin(a);
        return unary(r, dSin(a, r));
    }

    @Override
    public Real cos() {
        double a = value();
        double r = Math.cos(a);
        return unary(r, dCos(a, r));
    }

    @Override
    public Real tan() {
        double a = value();
        double t = Math.tan(a);
        return unary(t, dTan(a, t));
    }

    @Override
    public Real asin() {
        double a = value();
        double r = Math.asin(a);
        return unary(r, dAsin(a, r));
    }

    @Override
    public Real acos() {
        double a = value();
        double r = Math.acos(a);
        return unary(r, dAcos(a, r));
    }

    @Override
    public Real atan() {
        double a = value();
        double r = Math.atan(a);
        return unary(r, dAtan(a, r));
    }

    @Override
    public Real sinh() {
        double a = value();
        double r = Math.sinh(a);
        return unary(r, dSinh(a, r));
    }

    @Override
    public Real cosh() {
        double a = value();
        double r = Math.cosh(a);
        return unary(r, dCosh(a, r));
    }

    @Override
    public Real tanh() {
        double a = value();
        double t = Math.tanh(a);
        return unary(t, dTanh(a, t));
    }

    @Override
    public Real asinh() {
        double a = value();
        double r = Elementary.asinh(a);
        return unary(r, dAsinh(a, r));
    }

    @Override
    public Real acosh() {
        double a = value();
        double r = Elementary.acosh(a);
        return unary(r, dAcosh(a, r));
    }

    @Override
    public Real atanh() {
        double a = value();
        double r = Elementary.atanh(a);
        return unary(r, dAtanh(a, r));
    }

    /** atan2(y, x) with y = this: ∂/∂y = x/(x² + y²), ∂/∂x = −y/(x² + y²), in every quadrant. */
    @Override
    public Real atan2(Real x) {
        Num o = of(x);
        if (o.tag() > tag()) {
            return o.lift(this).atan2(o);
        }
        double y = value();
        double xv = sameContext(o) ? o.value() : outer(o);
        double v = Math.atan2(y, xv);
        return sameContext(o) ? binary(o, v, dAtan2Y(y, xv), dAtan2X(y, xv)) : unary(v, dAtan2Y(y, xv));
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
        return sameContext(o) ? binary(o, h, dHypot(a, h), dHypot(c, h)) : unary(h, dHypot(a, h));
    }

    // ---- non-smooth primitives: the convention of Real's Javadoc, kinks recorded ----

    @Override
    public Real abs() {
        double a = value();
        return unary(abs(a, context()), dAbs(a));
    }

    @Override
    public Real sign() {
        return unary(sign(value(), context()), 0);
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

    // ---- the rules as functions of doubles, shared with the code WindowKernel generates ----
    // A unary rule's partial is a function of the argument a and the value v = g(a).

    static double dSqrt(double a, double v) {
        return 0.5 / v; // +∞ at a = 0
    }

    static double dCbrt(double a, double v) {
        return 1 / (3 * v * v);
    }

    static double dExp(double a, double v) {
        return v;
    }

    static double dLog(double a, double v) {
        return 1 / a;
    }

    static double dSin(double a, double v) {
        return Math.cos(a);
    }

    static double dCos(double a, double v) {
        return -Math.sin(a);
    }

    static double dTan(double a, double v) {
        return 1 + v * v;
    }

    static double dAsin(double a, double v) {
        return 1 / Math.sqrt((1 - a) * (1 + a));
    }

    static double dAcos(double a, double v) {
        return -1 / Math.sqrt((1 - a) * (1 + a));
    }

    static double dAtan(double a, double v) {
        return 1 / (1 + a * a);
    }

    static double dSinh(double a, double v) {
        return Math.cosh(a);
    }

    static double dCosh(double a, double v) {
        return Math.sinh(a);
    }

    static double dTanh(double a, double v) {
        return (1 - v) * (1 + v);
    }

    static double dAsinh(double a, double v) {
        return 1 / Math.hypot(a, 1);
    }

    static double dAcosh(double a, double v) {
        return 1 / Math.sqrt((a - 1) * (a + 1));
    }

    static double dAtanh(double a, double v) {
        return 1 / ((1 - a) * (1 + a));
    }

    /** ∂/∂p a^p = a^p log a, taken as its limit 0 at a = 0 with p &gt; 0. */
    static double dPowExponent(double a, double p, double v) {
        return a == 0 && p > 0 ? 0 : v * Math.log(a);
    }

    /** ∂/∂y atan2(y, x) = x/(x² + y²). */
    static double dAtan2Y(double y, double x) {
        return x / (x * x + y * y);
    }

    /** ∂/∂x atan2(y, x) = −y/(x² + y²). */
    static double dAtan2X(double y, double x) {
        return -y / (x * x + y * y);
    }

    /** hypot(a, c), recording a kink at (0, 0). */
    static double hypot(double a, double c, Context ctx) {
        double h = Math.hypot(a, c);
        if (h == 0) {
            ctx.kink("hypot", "hypot at (0, 0)");
        }
        return h;
    }

    /** ∂/∂a hypot(a, c) = a/h, and 0 at (0, 0). */
    static double dHypot(double a, double h) {
        return h == 0 ? 0 : a / h;
    }

    /** |a|, recording a kink at 0. */
    static double abs(double a, Context ctx) {
        if (a == 0) {
            ctx.kink("abs", "abs at 0");
        }
        return Math.abs(a);
    }

    /** d|a|/da = sign(a), and +1 (the right derivative) at 0. */
    static double dAbs(double a) {
        return a == 0 ? 1 : Math.signum(a);
    }

    /** sign(a), recording a kink at 0. */
    static double sign(double a, Context ctx) {
        if (a == 0) {
            ctx.kink("sign", "sign at 0");
        }
        return Math.signum(a);
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
