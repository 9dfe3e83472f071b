package dev.nabla.core.onesided;

import dev.nabla.core.ad.Real;
import java.util.function.UnaryOperator;

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
        // a^q = exp(q log a) for a > 0
        return multiplyAsReal(p, log()).exp();
    }

    private Real multiplyAsReal(Real a, Real b) {
        return of(series(a).times(series(b)));
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
            if (k.signum() > 0 && !(integer && p > 0)) {
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

    // ---- smooth primitives: expanded from their derivative rule ----

    /**
     * g(s) for a primitive g smooth at s(0): g(s(t)) = g(s(0)) + ∫₀ᵗ g'(s(τ)) s'(τ) dτ, with g'(s) evaluated on
     * the expansion truncated one leading order lower (so the recursion through g' ends).
     *
     * @param name       the primitive's name, for messages
     * @param value      g on doubles
     * @param derivative g' on numbers (its rule from the primitive table)
     * @param periodic   whether g oscillates as its argument grows without bound (sin, cos, tan)
     */
    Real smooth(String name, java.util.function.DoubleUnaryOperator value, UnaryOperator<Real> derivative,
                boolean periodic) {
        if (s.hasTerms() && s.e[0].signum() < 0) {
            if (periodic) {
                throw NoLimit.because(name + " of an argument that grows without bound oscillates as t → 0⁺");
            }
            throw NoLimit.undecided(name + " of an argument that grows without bound is not expanded");
        }
        if (s.order.signum() <= 0) {
            throw NoLimit.undecided("the argument of " + name + " is not known to order t⁰");
        }
        double s0 = s.coefficient(Rational.ZERO);
        double g0 = value.applyAsDouble(s0);
        if (!Double.isFinite(g0)) {
            throw NoLimit.because(name + " is undefined at " + s0 + ": f is undefined for small t > 0");
        }
        Series delta = s.plus(-s0);
        Rational target = s.order.min(ray.cap);
        if (!delta.hasTerms()) {
            return of(Series.constant(g0).plus(Series.unknown(target)));
        }
        Rational d = delta.lead();
        Real slope = derivative.apply(of(s.truncate(target.minus(d))));
        Series integrand = series(slope).times(s.derivative());
        return of(integrand.integral().plus(g0).truncate(target));
    }

    private Real pending(String name) {
        throw NoLimit.undecided(name + ": its one-sided expansion is not available yet (it comes with the primitive"
                + " table)");
    }

    @Override
    public Real exp() {
        return pending("exp");
    }

    @Override
    public Real log() {
        return pending("log");
    }

    @Override
    public Real sin() {
        return pending("sin");
    }

    @Override
    public Real cos() {
        return pending("cos");
    }

    @Override
    public Real tan() {
        return pending("tan");
    }

    @Override
    public Real asin() {
        return pending("asin");
    }

    @Override
    public Real acos() {
        return pending("acos");
    }

    @Override
    public Real atan() {
        return pending("atan");
    }

    @Override
    public Real sinh() {
        return pending("sinh");
    }

    @Override
    public Real cosh() {
        return pending("cosh");
    }

    @Override
    public Real tanh() {
        return pending("tanh");
    }

    @Override
    public Real asinh() {
        return pending("asinh");
    }

    @Override
    public Real acosh() {
        return pending("acosh");
    }

    @Override
    public Real atanh() {
        return pending("atanh");
    }

    @Override
    public Real atan2(Real x) {
        return pending("atan2");
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
