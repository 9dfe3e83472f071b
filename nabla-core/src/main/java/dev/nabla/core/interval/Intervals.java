package dev.nabla.core.interval;

import dev.nabla.core.prim.Elementary;
import dev.nabla.core.prim.Primitive;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.OptionalDouble;

/**
 * Interval arithmetic on doubles with outward rounding: the {@link Elementary} kind of number whose results
 * contain the exact results at every point of their arguments. The table's primitives are evaluated by their one
 * definition {@link Primitive#define} over the kernels here.
 *
 * <p>Error bounds used (so that a point argument gives a result this many ulps wide at most):
 * <ul>
 *   <li>+, −, ×, ÷ and √ are correctly rounded in IEEE arithmetic; their exact error is recovered (TwoSum, fma),
 *       so an exact result stays a point and an inexact one is one ulp wide (below 2⁻⁹⁶⁸, where the error
 *       terms could underflow, two ulps);</li>
 *   <li>exp, expm1, log, log1p, sin, cos, atan come from {@link StrictMath} (fdlibm), documented by
 *       {@link Math} to be within 1 ulp of the exact result and semi-monotonic; each end point is widened by two
 *       ulps outward (1 ulp of the exact result can be 2 ulps of the computed one just below a power of two),
 *       so a point argument gives 4 ulps; exactly known values (exp 0 = 1, sin 0 = 0, …) stay points;</li>
 *   <li>erf is the table's {@link Primitive#erf}, measured within 0.51 ulp of a 60-digit series
 *       ({@code PrimitiveTableTest}); it is widened by 4 ulps each side (8 ulps for a point), generously;</li>
 *   <li>sin and cos of an interval take the extrema inside it into account (decided from the signs of the
 *       derivative's enclosures at the end points; [−1, 1] for intervals wider than 3.14);</li>
 *   <li>π is [Math.PI, nextUp(Math.PI)]; exact rationals p/q are enclosed by the doubles around them.</li>
 * </ul>
 * The product x·x of one interval with itself is its square (never negative), so that even powers by repeated
 * squaring stay tight. Division by an interval that contains 0 gives {@link Interval#ENTIRE} (the primitives'
 * definitions check their domains before dividing). Overflow gives an infinite end point.
 */
public final class Intervals implements Elementary<Interval> {
    /** The one instance. */
    public static final Intervals ALGEBRA = new Intervals();

    private static final Interval ZERO = Interval.of(0);
    private static final Interval ONE = Interval.of(1);
    private static final Interval PI = Interval.of(Math.PI, Math.nextUp(Math.PI));
    /**
     * Below this magnitude the exact error of a product, quotient or root (its last bit 105 binary places below
     * the result's) may underflow, so the result is widened without looking at it.
     */
    private static final double TINY = 0x1p-968;
    /** Intervals this wide may hold a full period of sin or cos (just under π). */
    private static final double HALF_TURN = 3.14;

    private Intervals() {
    }

    /** p(a) enclosed: {@link Primitive#define} over intervals. */
    public static Interval eval(Primitive p, Interval a) {
        return p.define(ALGEBRA, a, null);
    }

    /** p(a, b) enclosed: {@link Primitive#define} over intervals. */
    public static Interval eval(Primitive p, Interval a, Interval b) {
        return p.define(ALGEBRA, a, b);
    }

    // ---- the algebra ----

    @Override
    public Interval constant(double c) {
        return Interval.of(c);
    }

    /** p/q between the doubles around it (the point when it is a double). */
    @Override
    public Interval exact(BigInteger p, BigInteger q) {
        BigDecimal x = new BigDecimal(p).divide(new BigDecimal(q), new MathContext(40));
        double d = x.doubleValue();
        if (Double.isInfinite(d)) {
            return d > 0 ? new Interval(Double.MAX_VALUE, d) : new Interval(d, -Double.MAX_VALUE);
        }
        int c = new BigDecimal(d).multiply(new BigDecimal(q)).compareTo(new BigDecimal(p));
        if (c == 0) {
            return Interval.of(d);
        }
        return c > 0 ? new Interval(Math.nextDown(d), d) : new Interval(d, Math.nextUp(d));
    }

    @Override
    public Interval pi() {
        return PI;
    }

    @Override
    public Interval add(Interval a, Interval b) {
        return new Interval(addDown(a.lo(), b.lo()), addUp(a.hi(), b.hi()));
    }

    @Override
    public Interval subtract(Interval a, Interval b) {
        return new Interval(addDown(a.lo(), -b.hi()), addUp(a.hi(), -b.lo()));
    }

    @Override
    public Interval negate(Interval a) {
        return new Interval(-a.hi(), -a.lo());
    }

    /** a·b; a·a (one interval with itself) is the square [min |a|², max |a|²] or [0, max |a|²]. */
    @Override
    public Interval multiply(Interval a, Interval b) {
        if (a == b) {
            double m = Math.max(Math.abs(a.lo()), Math.abs(a.hi()));
            double n = a.lo() <= 0 && a.hi() >= 0 ? 0 : Math.min(Math.abs(a.lo()), Math.abs(a.hi()));
            return new Interval(mulDown(n, n), mulUp(m, m));
        }
        double lo = Math.min(Math.min(mulDown(a.lo(), b.lo()), mulDown(a.lo(), b.hi())),
                Math.min(mulDown(a.hi(), b.lo()), mulDown(a.hi(), b.hi())));
        double hi = Math.max(Math.max(mulUp(a.lo(), b.lo()), mulUp(a.lo(), b.hi())),
                Math.max(mulUp(a.hi(), b.lo()), mulUp(a.hi(), b.hi())));
        return new Interval(lo, hi);
    }

    /** a/b; {@link Interval#ENTIRE} when b contains 0. */
    @Override
    public Interval divide(Interval a, Interval b) {
        if (b.lo() <= 0 && b.hi() >= 0) {
            return Interval.ENTIRE;
        }
        double lo = Math.min(Math.min(divDown(a.lo(), b.lo()), divDown(a.lo(), b.hi())),
                Math.min(divDown(a.hi(), b.lo()), divDown(a.hi(), b.hi())));
        double hi = Math.max(Math.max(divUp(a.lo(), b.lo()), divUp(a.lo(), b.hi())),
                Math.max(divUp(a.hi(), b.lo()), divUp(a.hi(), b.hi())));
        return new Interval(lo, hi);
    }

    @Override
    public Interval apply(Primitive p, Interval a) {
        return p.define(this, a, null);
    }

    @Override
    public Interval apply(Primitive p, Interval a, Interval b) {
        return p.define(this, a, b);
    }

    @Override
    public Signs signs(Interval a) {
        return new Signs(a.lo() < 0, a.lo() <= 0 && a.hi() >= 0, a.hi() > 0);
    }

    @Override
    public Interval hull(Interval a, Interval b) {
        return a.hull(b);
    }

    @Override
    public Interval magnitude(Interval a) {
        double m = Math.max(Math.abs(a.lo()), Math.abs(a.hi()));
        return m == Double.POSITIVE_INFINITY ? new Interval(Double.MAX_VALUE, m) : Interval.of(m);
    }

    @Override
    public OptionalDouble point(Interval a) {
        return a.isPoint() ? OptionalDouble.of(a.lo()) : OptionalDouble.empty();
    }

    // ---- the kernels ----

    @Override
    public Interval sqrt(Interval a) {
        require(a, false, "sqrt of " + a + " (argument must be >= 0)");
        return new Interval(Math.max(0, sqrtDown(a.lo())), sqrtUp(a.hi()));
    }

    @Override
    public Interval exp(Interval a) {
        return increasing(a, StrictMath::exp, 0, 1, 0, Double.POSITIVE_INFINITY, 2);
    }

    @Override
    public Interval expm1(Interval a) {
        return increasing(a, StrictMath::expm1, 0, 0, -1, Double.POSITIVE_INFINITY, 2);
    }

    @Override
    public Interval log(Interval a) {
        require(a, true, "log of " + a + " (argument must be > 0)");
        return increasing(a, StrictMath::log, 1, 0, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 2);
    }

    @Override
    public Interval log1p(Interval a) {
        require(add(ONE, a), true, "log1p of " + a + " (argument must be > -1)");
        return increasing(a, StrictMath::log1p, 0, 0, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 2);
    }

    @Override
    public Interval atan(Interval a) {
        return increasing(a, StrictMath::atan, 0, 0, -PI.hi() / 2, PI.hi() / 2, 2);
    }

    @Override
    public Interval erf(Interval a) {
        return increasing(a, Primitive::erf, 0, 0, -1, 1, 4);
    }

    @Override
    public Interval sin(Interval a) {
        if (a.isPoint() && a.lo() == 0) {
            return ZERO;
        }
        return periodic(a, StrictMath::sin, StrictMath::cos, false);
    }

    @Override
    public Interval cos(Interval a) {
        if (a.isPoint() && a.lo() == 0) {
            return ONE;
        }
        return periodic(a, StrictMath::cos, StrictMath::sin, true);
    }

    /**
     * sin (or cos) over a: the end points' values, and ±1 where the derivative cos (or −sin) may change sign
     * inside; an interval narrower than 3.14 holds at most one extremum, which lies where the derivative's
     * enclosures at the two end points allow a sign change in its direction.
     */
    private static Interval periodic(Interval a, java.util.function.DoubleUnaryOperator f,
            java.util.function.DoubleUnaryOperator other, boolean cosine) {
        if (!a.isFinite() || !(addUp(a.hi(), -a.lo()) < HALF_TURN)) {
            return new Interval(-1, 1);
        }
        Interval v = widened(a.lo(), f.applyAsDouble(a.lo()), 2).hull(widened(a.hi(), f.applyAsDouble(a.hi()), 2));
        Interval dl = widened(a.lo(), other.applyAsDouble(a.lo()), 2); // cos, or sin for cosine
        Interval dh = widened(a.hi(), other.applyAsDouble(a.hi()), 2);
        if (cosine) { // (cos)' = −sin
            dl = new Interval(-dl.hi(), -dl.lo());
            dh = new Interval(-dh.hi(), -dh.lo());
        }
        double lo = v.lo();
        double hi = v.hi();
        if (dl.hi() >= 0 && dh.lo() <= 0) { // the derivative may go from + to −: a maximum inside
            hi = 1;
        }
        if (dl.lo() <= 0 && dh.hi() >= 0) { // from − to +: a minimum inside
            lo = -1;
        }
        return new Interval(Math.max(-1, lo), Math.min(1, hi));
    }

    /** f(x) computed within ulps ulps, widened outward (the exact value of f at x is inside). */
    private static Interval widened(double x, double fx, int ulps) {
        double lo = fx;
        double hi = fx;
        for (int i = 0; i < ulps; i++) {
            lo = Math.nextDown(lo);
            hi = Math.nextUp(hi);
        }
        return new Interval(lo, hi);
    }

    /**
     * An increasing f over a from its values at the end points, each within {@code ulps} ulps of the exact
     * value and widened by that much outward, clamped to f's range [min, max]; f(at) = exact is known exactly.
     */
    private static Interval increasing(Interval a, java.util.function.DoubleUnaryOperator f, double at,
            double exact, double min, double max, int ulps) {
        double lo = a.lo() == at ? exact : down(f.applyAsDouble(a.lo()), ulps);
        double hi = a.hi() == at ? exact : up(f.applyAsDouble(a.hi()), ulps);
        if (a.lo() == Double.NEGATIVE_INFINITY) {
            lo = min;
        }
        if (a.hi() == Double.POSITIVE_INFINITY) {
            hi = max;
        }
        return new Interval(Math.max(min, lo), Math.min(max, hi));
    }

    private static double down(double x, int ulps) {
        for (int i = 0; i < ulps; i++) {
            x = Math.nextDown(x);
        }
        return x;
    }

    private static double up(double x, int ulps) {
        for (int i = 0; i < ulps; i++) {
            x = Math.nextUp(x);
        }
        return x;
    }

    // ---- directed rounding of the four operations and the square root ----

    static double addDown(double x, double y) {
        double s = x + y;
        if (Double.isInfinite(s)) {
            return s > 0 && Double.isFinite(x) && Double.isFinite(y) ? Double.MAX_VALUE : s;
        }
        double e = twoSumError(x, y, s);
        return e < 0 ? Math.nextDown(s) : s;
    }

    static double addUp(double x, double y) {
        double s = x + y;
        if (Double.isInfinite(s)) {
            return s < 0 && Double.isFinite(x) && Double.isFinite(y) ? -Double.MAX_VALUE : s;
        }
        double e = twoSumError(x, y, s);
        return e > 0 ? Math.nextUp(s) : s;
    }

    /** The exact x + y − s for s = fl(x + y) (Knuth's TwoSum; exact without overflow). */
    private static double twoSumError(double x, double y, double s) {
        double bv = s - x;
        double av = s - bv;
        return (x - av) + (y - bv);
    }

    static double mulDown(double x, double y) {
        if (x == 0 || y == 0) {
            return 0;
        }
        double p = x * y;
        if (Double.isInfinite(p)) {
            return p > 0 && Double.isFinite(x) && Double.isFinite(y) ? Double.MAX_VALUE : p;
        }
        if (Math.abs(p) < TINY) {
            return Math.nextDown(p);
        }
        return Math.fma(x, y, -p) < 0 ? Math.nextDown(p) : p;
    }

    static double mulUp(double x, double y) {
        return -mulDown(-x, y);
    }

    static double divDown(double x, double y) {
        if (x == 0) {
            return 0;
        }
        if (Double.isInfinite(x) && Double.isInfinite(y)) {
            return (x > 0) == (y > 0) ? 0 : Double.NEGATIVE_INFINITY;
        }
        double q = x / y;
        if (Double.isInfinite(q)) {
            return q > 0 && Double.isFinite(x) ? Double.MAX_VALUE : q;
        }
        if (Double.isInfinite(y)) {
            return q == 0 && (x > 0) != (y > 0) ? -Double.MIN_VALUE : q;
        }
        if (Math.abs(q) < TINY || Math.abs(x) < TINY) {
            return Math.nextDown(q);
        }
        double r = Math.fma(-q, y, x); // x − q y exactly: the true x/y − q has the sign of r/y
        return (r < 0) != (y < 0) && r != 0 ? Math.nextDown(q) : q;
    }

    static double divUp(double x, double y) {
        return -divDown(-x, y);
    }

    static double sqrtDown(double x) {
        double s = Math.sqrt(x);
        if (x == 0 || Double.isInfinite(x)) {
            return s;
        }
        if (x < TINY) {
            return Math.nextDown(s);
        }
        return Math.fma(s, s, -x) > 0 ? Math.nextDown(s) : s;
    }

    static double sqrtUp(double x) {
        double s = Math.sqrt(x);
        if (x == 0 || Double.isInfinite(x)) {
            return s;
        }
        if (x < TINY) {
            return Math.nextUp(s);
        }
        return Math.fma(s, s, -x) < 0 ? Math.nextUp(s) : s;
    }
}
