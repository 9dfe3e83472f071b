package dev.nabla.core.onesided;

import dev.nabla.core.ad.Real;
import dev.nabla.core.ad.RealAlgebra;
import dev.nabla.core.prim.Algebra;
import dev.nabla.core.prim.Primitive;

/**
 * A number of the form s(t) = Σ c_i t^(e_i) + O(t^k) for small t &gt; 0: the truncated expansion of a quantity
 * computed from x + t v, with rational exponents (square and cube roots give halves and thirds, quotients give
 * negative exponents that later cancel). A {@link dev.nabla.core.ad.RealFunction} evaluated on expansions of the
 * inputs x_i + t v_i yields the expansion of f(x + t v), from which {@link OneSided} reads
 * D_v f(x) = lim_{t→0⁺} (f(x + t v) − f(x)) / t exactly — no step sizes.
 *
 * <p>The rules are the one-sided ones, valid for all sufficiently small t &gt; 0:
 * <ul>
 * <li>|a t^k + …| = |a| t^k + … (the sign of the leading term); sign(a t^k + …) = sign a;</li>
 * <li>max and min compare leading terms of the difference; a comparison ({@link #signForSmallT}) holds for all
 * small t &gt; 0 or fails for all;</li>
 * <li>(a t^k (1 + u))^p = a^p t^(kp) (1 + u)^p by the binomial series, so sqrt of a t^(2k) + … is √a t^k + …;
 * a quotient cancels the common order; a negative base for a fractional power (sqrt(x) at 0 along −1) means f
 * is undefined for small t &gt; 0;</li>
 * <li>a smooth primitive g is expanded from its derivative rule: g(s(t)) = g(s(0)) + ∫₀ᵗ g'(s) s' dτ, with g'(s)
 * itself evaluated on expansions, order by order; a periodic g of an unbounded argument oscillates.</li>
 * </ul>
 * {@link #value()} is the limit of s(t) as t → 0⁺, which is the value at the point for continuous parts. Java
 * code that branches on {@code value()} decides its branch at the point itself, not for small t &gt; 0; write
 * such kinks with abs, max, min or {@link #signForSmallT}.
 *
 * <p>Coefficients are doubles: exact up to their rounding (a coefficient that should cancel but leaves a rounding
 * residue is taken at face value). Other {@link Real} kinds mixed in are taken as constants.
 */
public final class Expansion implements Real {
    final Ray ray;
    final Series s;

    Expansion(Ray ray, Series s) {
        this.ray = ray;
        this.s = s.cap(ray.cap);
    }

    private Expansion of(Series r) {
        return new Expansion(ray, r);
    }

    private Series series(Real b) {
        return b instanceof Expansion x ? x.s : Series.constant(b.value());
    }

    /** lim_{t→0⁺} s(t): the coefficient of t⁰; ±∞ when s has a negative power; NaN when not known. */
    @Override
    public double value() {
        if (s.hasTerms() && s.e[0].signum() < 0) {
            return s.c[0] > 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        }
        if (s.order.signum() <= 0) {
            return Double.NaN;
        }
        return s.coefficient(Rational.ZERO);
    }

    /**
     * The sign s(t) has for all sufficiently small t &gt; 0: that of the leading coefficient; 0 when s is exactly
     * zero. Throws (the caller's one-sided limit is then reported as not decided) when every known term
     * vanishes but s is not known to be zero.
     *
     * @return −1, 0 or 1
     */
    public int signForSmallT() {
        return s.sign("a comparison");
    }

    /** The expansion, e.g. {@code 0.5*t + O(t^3)}. */
    @Override
    public String toString() {
        return s.toString();
    }

    @Override
    public Real constant(double c) {
        return of(Series.constant(c));
    }

    // ---- arithmetic ----

    @Override
    public Real add(Real b) {
        return of(s.plus(series(b)));
    }

    @Override
    public Real add(double b) {
        return of(s.plus(b));
    }

    @Override
    public Real subtract(Real b) {
        return of(s.plus(series(b).negate()));
    }

    @Override
    public Real subtract(double b) {
        return of(s.plus(-b));
    }

    @Override
    public Real multiply(Real b) {
        return of(s.times(series(b)));
    }

    @Override
    public Real multiply(double b) {
        return of(s.scale(b));
    }

    @Override
    public Real divide(Real b) {
        return of(s.times(power(series(b), -1, "division")));
    }

    @Override
    public Real divide(double b) {
        if (b == 0) {
            throw NoLimit.because("division by zero");
        }
        return of(s.scale(1 / b));
    }

    @Override
    public Real negate() {
        return of(s.negate());
    }

    @Override
    public Real reciprocal() {
        return of(power(s, -1, "division"));
    }

    @Override
    public Real square() {
        return of(s.times(s));
    }

    @Override
    public Real pow(double p) {
        return of(power(s, p, "pow"));
    }

    @Override
    public Real pow(Real p) {
        Series q = series(p);
        if (q.isExact() && (!q.hasTerms() || q.e.length == 1 && q.e[0].signum() == 0)) {
            return pow(q.coefficient(Rational.ZERO));
        }
        return smooth(Primitive.POW, p);
    }

    @Override
    public Real sqrt() {
        return of(power(s, 0.5, "sqrt"));
    }

    @Override
    public Real cbrt() {
        int sign = s.sign("the argument of cbrt");
        if (sign == 0) {
            return of(s);
        }
        Series r = power(sign > 0 ? s : s.negate(), 1.0 / 3, "cbrt");
        return of(sign > 0 ? r : r.negate());
    }

    /**
     * s^p one-sidedly. s = a t^k (1 + u): the result is |a|^p t^(kp) (1 + u)^p, for a &gt; 0 or an integer p
     * (then with the sign (−1)^p); a negative base for a fractional power is outside the domain.
     */
    private Series power(Series base, double p, String name) {
        if (p == 0) {
            return Series.constant(1);
        }
        boolean integer = p == Math.rint(p) && Math.abs(p) <= 64;
        if (integer && p > 0) {
            Series r = Series.constant(1);
            Series b = base;
            for (long k = (long) p; k > 0; k >>= 1) {
                if ((k & 1) == 1) {
                    r = r.times(b).cap(ray.cap);
                }
                if (k > 1) {
                    b = b.times(b).cap(ray.cap);
                }
            }
            return r;
        }
        if (!base.hasTerms()) {
            if (base.isExact()) {
                if (p < 0) {
                    throw NoLimit.because(name + " by zero: f is undefined for small t > 0");
                }
                return Series.constant(0);
            }
            throw NoLimit.undecided("the argument of " + name + " vanishes to order t^" + base.order
                    + "; its sign and size are not decided");
        }
        Rational k = base.e[0];
        double a = base.c[0];
        if (a < 0 && !integer) {
            if (k.signum() == 0) {
                throw NoLimit.because(name + " of a negative number (" + a + ")");
            }
            throw NoLimit.because(name + " of a negative argument: f is undefined for small t > 0");
        }
        Rational kp;
        if (k.signum() == 0) {
            kp = Rational.ZERO;
        } else {
            Rational pr = Rational.of(p);
            if (pr == null) {
                throw NoLimit.undecided(name + ": the exponent " + p + " is not a simple fraction, so the power of"
                        + " a vanishing argument is not expanded");
            }
            kp = k.times(pr);
            if (k.signum() > 0 && p > 0 && !integer) {
                ray.kink(name + " at 0");
            }
        }
        double leading = p == 0.5 ? Math.sqrt(Math.abs(a)) : p == 1.0 / 3 ? Math.cbrt(Math.abs(a))
                : Math.pow(Math.abs(a), p);
        if (a < 0 && integer && ((long) p & 1) == 1) {
            leading = -leading;
        }
        // u = base / (a t^k) − 1, with positive exponents only
        Series u = base.relativeToLeading();
        Rational relative = u.order.min(ray.cap.minus(kp));
        Series series = u.hasTerms() || !u.isExact() ? Series.binomial(u.truncate(relative), p, relative)
                : Series.constant(1);
        return series.scale(leading).shift(kp);
    }

    // ---- smooth primitives: expanded from the table's derivative rule ----

    /** The primitives that oscillate as their argument grows without bound. */
    private static final java.util.Set<Primitive> PERIODIC = java.util.EnumSet.of(Primitive.SIN, Primitive.COS,
            Primitive.TAN, Primitive.SEC, Primitive.CSC, Primitive.COT);

    /** Expansions as an {@link Algebra}: the table's rules evaluated on them; selections decided for small t &gt; 0. */
    private final class Rules extends RealAlgebra {
        @Override
        public Real constant(double c) {
            return Expansion.this.constant(c);
        }

        @Override
        public Real ifAtLeast(Real a, Real b, Real then, Real otherwise) {
            return OneSided.signForSmallT(a.subtract(b)) >= 0 ? then : otherwise;
        }
    }

    /**
     * p(this) for a unary primitive: the one-sided rules for roots, abs and sign; every other primitive expanded
     * from its derivative rule in the table ({@link #smooth}).
     */
    @Override
    public Real apply(Primitive p) {
        return switch (p) {
            case NEGATE -> negate();
            case SQRT -> sqrt();
            case CBRT -> cbrt();
            case ABS -> abs();
            case SIGN -> sign();
            default -> {
                if (p.arity() != 1) {
                    throw new IllegalArgumentException(p + " is not a unary primitive");
                }
                yield smooth(p, null);
            }
        };
    }

    @Override
    public Real apply(Primitive p, Real b) {
        return switch (p) {
            case POW, ATAN2 -> smooth(p, b);
            default -> Real.super.apply(p, b);
        };
    }

    /**
     * g(this) or g(this, b) for a primitive g of the table smooth at the limit point: g(a(t), b(t)) =
     * g(a₀, b₀) + ∫₀ᵗ (∂g/∂a · a' + ∂g/∂b · b') dτ, with the table's partials (its generic rule) evaluated on the
     * arguments truncated one leading order lower, so that the recursion through the partials ends.
     */
    private Real smooth(Primitive g, Real other) {
        Series a = s;
        Series b = other == null ? Series.constant(0) : series(other);
        String name = g.symbol();
        for (Series arg : other == null ? java.util.List.of(a) : java.util.List.of(a, b)) {
            if (arg.hasTerms() && arg.e[0].signum() < 0) {
                if (PERIODIC.contains(g)) {
                    throw NoLimit.because(name + " of an argument that grows without bound oscillates as t → 0⁺");
                }
                throw NoLimit.undecided(name + " of an argument that grows without bound is not expanded");
            }
            if (arg.order.signum() <= 0) {
                throw NoLimit.undecided("the argument of " + name + " is not known to order t⁰");
            }
        }
        double a0 = a.coefficient(Rational.ZERO);
        double b0 = b.coefficient(Rational.ZERO);
        String violation = g.domainViolation(a0, b0);
        if (violation != null) {
            throw NoLimit.undecided(name + " at the edge of its domain as t → 0⁺: " + violation);
        }
        double g0 = g.value(a0, b0);
        if (g == Primitive.ATAN2 && a0 == 0 && b0 < 0 && a.hasTerms()) {
            // on the branch cut: the angle is π above the negative axis and −π below it
            g0 = a.c[0] < 0 ? -Math.PI : Math.PI;
        }
        if (!Double.isFinite(g0)) {
            throw NoLimit.undecided(name + " is not finite at the limit point");
        }
        Series da = a.plus(-a0);
        Series db = b.plus(-b0);
        Rational target = a.order.min(b.order).min(ray.cap);
        Rational d = da.lead().min(db.lead());
        if (!da.hasTerms() && !db.hasTerms()) {
            return of(Series.constant(g0).plus(Series.unknown(target)));
        }
        // where g is smooth its partials are smooth too, and one leading order less suffices (the recursion through
        // sin' = cos, cos' = −sin ends); at a kink of g (an infinite slope: asin at ±1, acosh at 1) the partial is
        // singular and needs the leading term of the argument's motion, and its rule does not return to g
        boolean kink = g.kink(a0, b0) != null;
        Rational lower = kink ? target : target.minus(d);
        Real al = of(a.truncate(lower));
        Real bl = other == null ? null : of(b.truncate(lower));
        Rules rules = new Rules();
        try {
            // g itself, for rules written with it (exp' = exp); at a kink only its limit, known to the order of
            // the argument's motion (the rules singular there do not use it)
            Real v = kink ? of(Series.constant(g0).plus(Series.unknown(d)))
                    : other == null ? al.apply(g) : al.apply(g, bl);
            Series integrand = series(g.partial(rules, 0, al, bl, v)).times(a.derivative());
            if (other != null) {
                integrand = integrand.plus(series(g.partial(rules, 1, al, bl, v)).times(b.derivative()));
            }
            return of(integrand.integral().plus(g0).truncate(target));
        } catch (NoLimit e) {
            String why = e.getMessage().startsWith(name + ": ") ? e.getMessage() : name + ": " + e.getMessage();
            throw e.undecided ? NoLimit.undecided(why) : NoLimit.because(why);
        }
    }

    @Override
    public Real exp() {
        return smooth(Primitive.EXP, null);
    }

    @Override
    public Real log() {
        return smooth(Primitive.LOG, null);
    }

    @Override
    public Real sin() {
        return smooth(Primitive.SIN, null);
    }

    @Override
    public Real cos() {
        return smooth(Primitive.COS, null);
    }

    @Override
    public Real tan() {
        return smooth(Primitive.TAN, null);
    }

    @Override
    public Real asin() {
        return smooth(Primitive.ASIN, null);
    }

    @Override
    public Real acos() {
        return smooth(Primitive.ACOS, null);
    }

    @Override
    public Real atan() {
        return smooth(Primitive.ATAN, null);
    }

    @Override
    public Real sinh() {
        return smooth(Primitive.SINH, null);
    }

    @Override
    public Real cosh() {
        return smooth(Primitive.COSH, null);
    }

    @Override
    public Real tanh() {
        return smooth(Primitive.TANH, null);
    }

    @Override
    public Real asinh() {
        return smooth(Primitive.ASINH, null);
    }

    @Override
    public Real acosh() {
        return smooth(Primitive.ACOSH, null);
    }

    @Override
    public Real atanh() {
        return smooth(Primitive.ATANH, null);
    }

    @Override
    public Real atan2(Real x) {
        return smooth(Primitive.ATAN2, x);
    }

    // ---- non-smooth primitives ----

    /** sqrt(this² + b²); at (0, 0) the leading terms give ‖(a, b)‖ t^k, the Euclidean norm's one-sided rule. */
    @Override
    public Real hypot(Real b) {
        Series sum = s.times(s).plus(series(b).times(series(b)));
        if (value() == 0 && b.value() == 0) {
            ray.kink("hypot at (0, 0)");
        }
        return of(power(sum, 0.5, "hypot"));
    }

    @Override
    public Real abs() {
        int sign = s.sign("the argument of abs");
        if (value() == 0) {
            ray.kink("abs at 0");
        }
        return sign >= 0 ? this : negate();
    }

    @Override
    public Real sign() {
        int sign = s.sign("the argument of sign");
        if (value() == 0) {
            ray.kink("sign at 0");
        }
        return constant(sign);
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
        Series other = series(b);
        int sign = s.plus(other.negate()).sign("the difference of the arguments of " + (max ? "max" : "min"));
        if (value() == b.value()) {
            ray.kink((max ? "max" : "min") + " at a tie");
        }
        return (sign >= 0) == max ? this : of(other);
    }
}
