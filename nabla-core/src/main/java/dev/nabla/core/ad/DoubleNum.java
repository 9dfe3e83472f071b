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
            return binary(o, v, powPartial(a, q), a == 0 && q > 0 ? 0 : v * Math.log(a));
        }
        return o.tag() > tag() ? o.lift(this).pow(o) : pow(outer(o));
    }

    // ---- elementary functions ----

    /** d√a = 1/(2√a): +∞ at a = 0. */
    @Override
    public Real sqrt() {
        double r = Math.sqrt(value());
        return unary(r, 0.5 / r);
    }

    @Override
    public Real cbrt() {
        double r = Math.cbrt(value());
        return unary(r, 1 / (3 * r * r));
    }

    @Override
    public Real exp() {
        double e = Math.exp(value());
        return unary(e, e);
    }

    @Override
    public Real log() {
        double a = value();
        return unary(Math.log(a), 1 / a);
    }

    @Override
    public Real sin() {
        double a = value();
        return unary(Math.sin(a), Math.cos(a));
    }

    @Override
    public Real cos() {
        double a = value();
        return unary(Math.cos(a), -Math.sin(a));
    }

    @Override
    public Real tan() {
        double t = Math.tan(value());
        return unary(t, 1 + t * t);
    }

    @Override
    public Real asin() {
        double a = value();
        return unary(Math.asin(a), 1 / Math.sqrt((1 - a) * (1 + a)));
    }

    @Override
    public Real acos() {
        double a = value();
        return unary(Math.acos(a), -1 / Math.sqrt((1 - a) * (1 + a)));
    }

    @Override
    public Real atan() {
        double a = value();
        return unary(Math.atan(a), 1 / (1 + a * a));
    }

    @Override
    public Real sinh() {
        double a = value();
        return unary(Math.sinh(a), Math.cosh(a));
    }

    @Override
    public Real cosh() {
        double a = value();
        return unary(Math.cosh(a), Math.sinh(a));
    }

    @Override
    public Real tanh() {
        double t = Math.tanh(value());
        return unary(t, (1 - t) * (1 + t));
    }

    @Override
    public Real asinh() {
        double a = value();
        return unary(Elementary.asinh(a), 1 / Math.hypot(a, 1));
    }

    @Override
    public Real acosh() {
        double a = value();
        return unary(Elementary.acosh(a), 1 / Math.sqrt((a - 1) * (a + 1)));
    }

    @Override
    public Real atanh() {
        double a = value();
        return unary(Elementary.atanh(a), 1 / ((1 - a) * (1 + a)));
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
        double r2 = xv * xv + y * y;
        double v = Math.atan2(y, xv);
        return sameContext(o) ? binary(o, v, xv / r2, -y / r2) : unary(v, xv / r2);
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
        double h = Math.hypot(a, c);
        double da = a / h;
        double db = c / h;
        if (h == 0) {
            kink("hypot", "hypot at (0, 0)");
            da = 0;
            db = 0;
        }
        return sameContext(o) ? binary(o, h, da, db) : unary(h, da);
    }

    // ---- non-smooth primitives: the convention of Real's Javadoc, kinks recorded ----

    @Override
    public Real abs() {
        double a = value();
        if (a == 0) {
            kink("abs", "abs at 0");
            return unary(0, 1);
        }
        return unary(Math.abs(a), Math.signum(a));
    }

    @Override
    public Real sign() {
        double a = value();
        if (a == 0) {
            kink("sign", "sign at 0");
        }
        return unary(Math.signum(a), 0);
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
        double a = value();
        double c = same ? o.value() : outer(o);
        return switch (winner(a, c, max)) {
            case SECOND -> same ? binary(o, c, 0, 1) : unary(c, 0);
            case NAN -> same ? binary(o, Double.NaN, Double.NaN, Double.NaN) : unary(Double.NaN, Double.NaN);
            case FIRST -> same ? binary(o, a, 1, 0) : unary(a, 1);
        };
    }
}
