package dev.nabla.core.onesided;

import dev.nabla.core.ad.AD;
import dev.nabla.core.ad.Real;
import dev.nabla.core.ad.RealFunction;
import dev.nabla.core.field.DomainException;
import dev.nabla.core.onesided.DirectionalDerivative.Kind;
import dev.nabla.core.onesided.DirectionalDerivative.Method;

/**
 * The exact one-sided directional derivative D_v f(x) = lim_{t→0⁺} (f(x + t v) − f(x)) / t of a function
 * written against {@link Real}, at kinks and removable singularities too: f is evaluated once on the
 * {@link Expansion}s x_i + t v_i, and the limit is read from the expansion of f(x + t v) − f(x):
 * <ul>
 * <li>a leading term c t^e with e &lt; 1 gives ±∞ (the sign of c): an infinite slope (0 &lt; e &lt; 1, sqrt(x)
 * at 0 along +1), a jump (e = 0: f(x + t v) tends to a value other than f(x)), or a pole (e &lt; 0);</li>
 * <li>otherwise D_v f is the coefficient of t¹ (0 when there is none);</li>
 * <li>f undefined for small t &gt; 0 (sqrt(x) at 0 along −1) or oscillating: does not exist, with the reason.</li>
 * </ul>
 * The expansion keeps powers of t up to 3, then 6, 12 and 24 when a lower order cannot decide (a cancellation
 * in a quotient, a comparison of terms that agree to that order); past that the answer is "not decided".
 */
public final class OneSided {

    /** The highest powers of t kept, tried in turn. */
    static final int[] ORDERS = {3, 6, 12, 24};

    private OneSided() {
    }

    /**
     * D_v f(x) = lim_{t→0⁺} (f(x + t v) − f(x)) / t for Java code; f(x) is evaluated with plain numbers and must
     * be defined.
     *
     * @param f the function, evaluated here on plain numbers and then on expansions
     * @param x the point
     * @param v the direction (not normalised: D_{cv} f = c D_v f for c &gt; 0)
     * @return a number, ±∞, "does not exist" or "not decided", each with its reason and the kinks met
     */
    public static DirectionalDerivative directionalDerivative(RealFunction f, double[] x, double[] v) {
        double fx = AD.value(f, x);
        if (Double.isNaN(fx)) {
            throw new DomainException("f", "f(x) is NaN (f is undefined at the point)", x);
        }
        return directionalDerivative(f, x, v, fx);
    }

    /**
     * D_v f(x) given f(x) (computed by the caller, e.g. a formula's interpreter, which also checks the domain).
     *
     * @param f  the function, evaluated here on expansions
     * @param x  the point
     * @param v  the direction
     * @param fx f(x)
     * @return D_v f(x) as for {@link #directionalDerivative(RealFunction, double[], double[])}
     */
    public static DirectionalDerivative directionalDerivative(RealFunction f, double[] x, double[] v, double fx) {
        if (x.length != v.length) {
            throw new IllegalArgumentException("the direction has " + v.length + " components, the point " + x.length);
        }
        for (double c : v) {
            if (!Double.isFinite(c)) {
                throw new IllegalArgumentException("direction components must be finite");
            }
        }
        String undecided = null;
        for (int order : ORDERS) {
            Ray ray = new Ray(Rational.of(order));
            Real[] xs = new Real[x.length];
            for (int i = 0; i < x.length; i++) {
                xs[i] = new Expansion(ray, Series.line(x[i], v[i]));
            }
            try {
                Real y = f.apply(xs);
                Series s = y instanceof Expansion e ? e.s : Series.constant(y.value());
                DirectionalDerivative d = read(s, fx, x, v, ray);
                if (d != null) {
                    return d;
                }
                undecided = "f(x + t v) = " + s + " is not known to order t";
            } catch (NoLimit e) {
                if (!e.undecided) {
                    return result(x, v, Kind.DOES_NOT_EXIST, Double.NaN, e.getMessage(), ray, null);
                }
                undecided = e.getMessage();
            }
        }
        return new DirectionalDerivative(x, v, false, Kind.NOT_DECIDED, Double.NaN, undecided + " (expanded to t^"
                + ORDERS[ORDERS.length - 1] + ")", Method.EXPANSION, false, java.util.List.of(), null);
    }

    /** The limit from the expansion of f(x + t v), or null when it is not known to order t. */
    private static DirectionalDerivative read(Series s, double fx, double[] x, double[] v, Ray ray) {
        double limit = s.order.signum() > 0 ? s.coefficient(Rational.ZERO) : Double.NaN;
        // f(x) and the t⁰ coefficient come from the same double operations; allow a few units of rounding
        boolean continuous = Math.abs(limit - fx) <= 4 * Math.ulp(Math.max(Math.abs(limit), Math.abs(fx)));
        Series r = s.plus(continuous ? -limit : -fx);
        if (r.hasTerms() && r.e[0].compareTo(Rational.ONE) < 0) {
            Rational e = r.e[0];
            double c = r.c[0];
            String why = e.signum() < 0 ? "f(x + t v) grows without bound as t → 0⁺ (like t^" + e + ")"
                    : e.signum() == 0 ? DirectionalDerivative.JUMP + ": f(x + t v) → " + (fx + c) + " as t → 0⁺ but f(x) = " + fx
                    : "f(x + t v) − f(x) behaves like " + dev.nabla.core.numeric.Numbers.format(c) + "·t^" + e
                    + ": infinite slope";
            return result(x, v, c > 0 ? Kind.POSITIVE_INFINITY : Kind.NEGATIVE_INFINITY,
                    c > 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY, why, ray, s);
        }
        if (r.order.compareTo(Rational.ONE) <= 0) {
            return null;
        }
        return result(x, v, Kind.FINITE, r.coefficient(Rational.ONE), null, ray, s);
    }

    private static DirectionalDerivative result(double[] x, double[] v, Kind kind, double value, String reason,
                                                Ray ray, Series s) {
        java.util.List<String> kinks = ray.kinks();
        return new DirectionalDerivative(x, v, false, kind, value, reason, Method.EXPANSION, !kinks.isEmpty(), kinks,
                s == null ? null : s.toString());
    }

    /**
     * The sign r has for all small t &gt; 0 when r is an {@link Expansion} (see {@link Expansion#signForSmallT}),
     * else the sign of its value: how a condition (p &lt; q as the sign of p − q) is decided one-sidedly.
     *
     * @param r a number of the evaluation (an expansion along a ray, or any other kind)
     * @return −1, 0 or 1
     */
    public static int signForSmallT(Real r) {
        return r instanceof Expansion e ? e.signForSmallT() : (int) Math.signum(r.value());
    }

    /**
     * Records a one-sided decision (e.g. "if(x &lt; 0, …) on its boundary") when r is an {@link Expansion}.
     *
     * @param r     a number of the evaluation; nothing is recorded unless it is an expansion
     * @param where what was decided, for the kinks of the result
     */
    public static void recordKink(Real r, String where) {
        if (r instanceof Expansion e) {
            e.ray.kink(where);
        }
    }
}
