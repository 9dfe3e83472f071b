package dev.nabla.precise;

import ch.obermuhlner.math.big.BigDecimalMath;
import dev.nabla.core.prim.Elementary;
import dev.nabla.core.prim.OutsideDomainException;
import dev.nabla.core.prim.UndecidedException;
import dev.nabla.core.prim.Primitive;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Interval arithmetic on {@link BigInterval}s at a working precision of {@code digits} significant decimal
 * digits: every result's endpoints are rounded outward (lower endpoint {@link RoundingMode#FLOOR}, upper
 * {@link RoundingMode#CEILING}) to that many digits, so the result contains the true value of the operation at
 * every point its arguments stand for. + − × ÷ are BigDecimal's exact operations, then rounded outward.
 *
 * <p><b>The kernels</b> (√, exp, expm1, log, log1p, sin, cos, atan, erf) are evaluated at each endpoint (they
 * are monotone, or their extrema are added where the interval may contain one) with {@code GUARD = 10} more
 * digits, q = digits + 10, and widened by a bound before the outward rounding:
 * <ul>
 *   <li>√ is the JDK's {@link BigDecimal#sqrt(MathContext)}, documented within one ulp at q digits.</li>
 *   <li>exp, log, sin, cos and atan are big-math's {@link BigDecimalMath} functions, documented as accurate to
 *   the precision of their MathContext. Nabla assumes less: an error of at most 10^(3−q')·max(|r|, s) for a result
 *   r computed at q' digits (100 units of the last guard digit, relative to max(|r|, s) with s = 1 for log,
 *   log1p, sin and atan, whose series work near magnitude 1), and widens by that. Where the result is tiny
 *   (log near 1, sin and atan of tiny arguments, expm1 and log1p of tiny arguments) q' is raised by the
 *   number of digits lost, −log₁₀|r|, so the result stays relatively accurate; below 10^(−q) the first two terms
 *   of the series enclose it (e.g. u ≤ expm1 u ≤ u + u² for |u| ≤ ½).</li>
 *   <li>e^x for x &lt; 0 is 1/e^(−x) (relative accuracy for e^(−1000)); exp adds the digits of x's integer part
 *   to q'.</li>
 *   <li>sin and cos reduce the argument themselves, x = k·π/2 + r with π enclosed to q + log₁₀|x| + 10 digits
 *   (more while r's enclosure is not relatively tight), because big-math reduces modulo 2π only at the
 *   working precision (wrong for sin(1e22)); then ±sin r or ±cos r with |r| ≤ π/4 + ε.</li>
 *   <li>erf has no big-math function: erf x = (2/√π)·e^(−x²)·Σ 2ⁿx^(2n+1)/(1·3·…·(2n+1)) for x ≥ 0, a series of
 *   positive terms (no cancellation), summed at q + 5 digits with a bound for the rounding of every term and
 *   the geometric tail; beyond the point where erfc x ≤ e^(−x²)/(x√π) &lt; 10^(−q−2), erf x ∈ [1 − 10^(−q−2), 1].</li>
 *   <li>atan x for x &gt; 1 is π/2 − atan(1/x) (big-math loses digits for huge x).</li>
 * </ul>
 *
 * <p>Why big-math rather than apfloat: it works on {@link BigDecimal}, whose exact + − × ÷ with FLOOR/CEILING
 * rounding give the outward-rounded interval arithmetic directly, it is one small jar without dependencies; the
 * tests check it against apfloat, an independent implementation.
 *
 * <p>Domain errors: an argument wholly outside the domain (log of [−2, −1]) throws an
 * {@link OutsideDomainException}; one that reaches outside it only through its width ([−1e−40, 1e−30] under √)
 * throws {@link UndecidedException}, which a higher precision may resolve; so does a division by an interval
 * that contains 0 (these numbers have no infinities).
 */
public final class BigIntervals implements Elementary<BigInterval> {
    /** Guard digits the kernels compute with beyond the working precision. */
    public static final int GUARD = 10;
    /** Beyond this argument e^x leaves BigDecimal's exponent range. */
    private static final BigDecimal EXP_LIMIT = new BigDecimal("4e9");
    private static final BigDecimal HALF = new BigDecimal("0.5");
    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    private static final Map<Integer, BigInterval> PI = new ConcurrentHashMap<>();

    private final int digits;
    private final MathContext down;
    private final MathContext up;
    private final int q;
    private volatile BigIntervals guarded;

    /** @param digits the working precision, in significant decimal digits (≥ 2) */
    public BigIntervals(int digits) {
        if (digits < 2) {
            throw new IllegalArgumentException("precision must be at least 2 digits: " + digits);
        }
        this.digits = digits;
        this.down = new MathContext(digits, RoundingMode.FLOOR);
        this.up = new MathContext(digits, RoundingMode.CEILING);
        this.q = digits + GUARD;
    }

    /** The working precision in significant decimal digits. */
    public int digits() {
        return digits;
    }

    /** [lo, hi] rounded outward to the working precision. */
    public BigInterval round(BigDecimal lo, BigDecimal hi) {
        return new BigInterval(lo.round(down), hi.round(up));
    }

    /** The exact decimal x rounded outward to the working precision. */
    public BigInterval of(BigDecimal x) {
        return round(x, x);
    }

    // ---------------------------------------------------------------- Algebra

    /** The exact value of the double c, rounded outward. */
    @Override
    public BigInterval constant(double c) {
        if (!Double.isFinite(c)) {
            throw new UndecidedException("not a finite number: " + c);
        }
        return of(new BigDecimal(c));
    }

    /** p/q enclosed: [p/q rounded down, p/q rounded up]. */
    @Override
    public BigInterval exact(BigInteger p, BigInteger q) {
        BigDecimal a = new BigDecimal(p);
        BigDecimal b = new BigDecimal(q);
        return new BigInterval(a.divide(b, down), a.divide(b, up));
    }

    @Override
    public BigInterval add(BigInterval a, BigInterval b) {
        return new BigInterval(a.lo().add(b.lo(), down), a.hi().add(b.hi(), up));
    }

    @Override
    public BigInterval subtract(BigInterval a, BigInterval b) {
        return new BigInterval(a.lo().subtract(b.hi(), down), a.hi().subtract(b.lo(), up));
    }

    @Override
    public BigInterval multiply(BigInterval a, BigInterval b) {
        if (a.isPoint() && b.isPoint()) {
            BigDecimal p = a.lo().multiply(b.lo());
            return round(p, p);
        }
        BigDecimal p1 = a.lo().multiply(b.lo());
        BigDecimal p2 = a.lo().multiply(b.hi());
        BigDecimal p3 = a.hi().multiply(b.lo());
        BigDecimal p4 = a.hi().multiply(b.hi());
        return round(p1.min(p2).min(p3.min(p4)), p1.max(p2).max(p3.max(p4)));
    }

    @Override
    public BigInterval divide(BigInterval a, BigInterval b) {
        if (b.containsZero()) {
            throw new UndecidedException("division by " + b + ", which contains 0 (no infinities at high precision)");
        }
        BigDecimal lo = null;
        BigDecimal hi = null;
        for (BigDecimal x : new BigDecimal[] {a.lo(), a.hi()}) {
            for (BigDecimal y : new BigDecimal[] {b.lo(), b.hi()}) {
                BigDecimal l = x.divide(y, down);
                BigDecimal h = x.divide(y, up);
                lo = lo == null ? l : lo.min(l);
                hi = hi == null ? h : hi.max(h);
            }
        }
        return new BigInterval(lo, hi);
    }

    @Override
    public BigInterval negate(BigInterval a) {
        return new BigInterval(a.hi().negate(), a.lo().negate());
    }

    @Override
    public BigInterval apply(Primitive p, BigInterval a) {
        return p.define(this, a, null);
    }

    @Override
    public BigInterval apply(Primitive p, BigInterval a, BigInterval b) {
        return p.define(this, a, b);
    }

    /** π enclosed at the working precision. */
    @Override
    public BigInterval pi() {
        BigInterval pi = pi(q);
        return round(pi.lo(), pi.hi());
    }

    /** a ≥ b ? then : otherwise; the hull of both when the enclosures of a and b overlap. */
    @Override
    public BigInterval ifAtLeast(BigInterval a, BigInterval b, BigInterval then, BigInterval otherwise) {
        if (a.lo().compareTo(b.hi()) >= 0) {
            return then;
        }
        if (a.hi().compareTo(b.lo()) < 0) {
            return otherwise;
        }
        return hull(then, otherwise);
    }

    @Override
    public Signs signs(BigInterval a) {
        return new Signs(a.lo().signum() < 0, a.containsZero(), a.hi().signum() > 0);
    }

    /** The smallest interval containing a and b. */
    @Override
    public BigInterval hull(BigInterval a, BigInterval b) {
        return new BigInterval(a.lo().min(b.lo()), a.hi().max(b.hi()));
    }

    /** The point max(|lo|, |hi|). */
    @Override
    public BigInterval magnitude(BigInterval a) {
        return BigInterval.of(a.magnitude());
    }

    /** The double a is, when a is a point that is exactly a double. */
    @Override
    public OptionalDouble point(BigInterval a) {
        if (!a.isPoint()) {
            return OptionalDouble.empty();
        }
        double d = a.lo().doubleValue();
        return Double.isFinite(d) && new BigDecimal(d).compareTo(a.lo()) == 0 ? OptionalDouble.of(d) : OptionalDouble.empty();
    }

    // ---------------------------------------------------------------- kernels

    @Override
    public BigInterval sqrt(BigInterval a) {
        require(a, false, "sqrt of " + a + " (argument must be ≥ 0)");
        return increasing(a, x -> {
            if (x.signum() == 0) {
                return of(BigDecimal.ZERO);
            }
            BigDecimal r = x.sqrt(new MathContext(q, RoundingMode.HALF_EVEN));
            return widen(r, r.abs(), q);
        });
    }

    @Override
    public BigInterval exp(BigInterval a) {
        return increasing(a, this::expPoint);
    }

    private BigInterval expPoint(BigDecimal x) {
        if (x.signum() == 0) {
            return of(BigDecimal.ONE);
        }
        if (x.abs().compareTo(EXP_LIMIT) > 0) {
            throw new UndecidedException("exp of " + x + " leaves the exponent range of the high-precision numbers");
        }
        BigDecimal ax = x.abs();
        int extra = Math.max(0, BigInterval.exponent(ax) + 1);
        int q1 = q + extra;
        BigDecimal r = BigDecimalMath.exp(ax, new MathContext(q1, RoundingMode.HALF_EVEN));
        BigDecimal delta = ulps(r, q1);
        if (x.signum() > 0) {
            return round(r.subtract(delta), r.add(delta));
        }
        // e^x = 1/e^|x|, each bound rounded outward
        return new BigInterval(BigDecimal.ONE.divide(r.add(delta), down), BigDecimal.ONE.divide(r.subtract(delta), up));
    }

    @Override
    public BigInterval expm1(BigInterval a) {
        return increasing(a, u -> {
            if (u.signum() == 0) {
                return of(BigDecimal.ZERO);
            }
            if (u.abs().compareTo(HALF) >= 0) {
                BigInterval e = expPoint(u);
                return new BigInterval(e.lo().subtract(BigDecimal.ONE, down), e.hi().subtract(BigDecimal.ONE, up));
            }
            int lost = -BigInterval.exponent(u);
            if (lost > q) { // u ≤ e^u − 1 ≤ u + u² for |u| ≤ 1/2
                return round(u, u.add(u.multiply(u)));
            }
            int q1 = q + lost + 2;
            BigDecimal r = BigDecimalMath.exp(u, new MathContext(q1, RoundingMode.HALF_EVEN));
            BigDecimal delta = ulps(r, q1);
            return round(r.subtract(delta).subtract(BigDecimal.ONE), r.add(delta).subtract(BigDecimal.ONE));
        });
    }

    @Override
    public BigInterval log(BigInterval a) {
        require(a, true, "log of " + a + " (argument must be > 0)");
        return increasing(a, this::logPoint);
    }

    private BigInterval logPoint(BigDecimal x) {
        BigDecimal u = x.subtract(BigDecimal.ONE);
        if (u.abs().compareTo(HALF) < 0) {
            return log1pPoint(u);
        }
        BigDecimal r = BigDecimalMath.log(x, new MathContext(q, RoundingMode.HALF_EVEN));
        return widen(r, r.abs().max(BigDecimal.ONE), q);
    }

    @Override
    public BigInterval log1p(BigInterval a) {
        require(new BigInterval(a.lo().add(BigDecimal.ONE), a.hi().add(BigDecimal.ONE)), true,
                "log1p of " + a + " (argument must be > -1)");
        return increasing(a, this::log1pPoint);
    }

    private BigInterval log1pPoint(BigDecimal u) {
        if (u.signum() == 0) {
            return of(BigDecimal.ZERO);
        }
        if (u.abs().compareTo(HALF) >= 0) {
            return logPoint(BigDecimal.ONE.add(u));
        }
        int lost = -BigInterval.exponent(u);
        if (lost > q) { // u − u² ≤ log(1 + u) ≤ u for |u| ≤ 1/2
            return round(u.subtract(u.multiply(u)), u);
        }
        int q1 = q + lost + 2;
        BigDecimal r = BigDecimalMath.log(BigDecimal.ONE.add(u), new MathContext(q1, RoundingMode.HALF_EVEN));
        return widen(r, BigDecimal.ONE, q1);
    }

    @Override
    public BigInterval atan(BigInterval a) {
        return increasing(a, x -> {
            if (x.signum() == 0) {
                return of(BigDecimal.ZERO);
            }
            if (x.signum() < 0) {
                return negate(atanPositive(x.negate()));
            }
            return atanPositive(x);
        });
    }

    private BigInterval atanPositive(BigDecimal x) {
        if (x.compareTo(BigDecimal.ONE) > 0) {
            // atan x = π/2 − atan(1/x): big-math's atan loses digits for huge x
            BigIntervals g = guarded();
            BigInterval reciprocal = new BigInterval(BigDecimal.ONE.divide(x, g.down), BigDecimal.ONE.divide(x, g.up));
            BigInterval v = g.subtract(g.divide(g.pi(), g.constant(2)), g.atan(reciprocal));
            return round(v.lo(), v.hi());
        }
        int lost = Math.max(0, -BigInterval.exponent(x));
        if (lost > q) { // x − x³/3 ≤ atan x ≤ x
            return round(x.subtract(x.pow(3)), x);
        }
        int q1 = q + lost + 2;
        BigDecimal r = BigDecimalMath.atan(x, new MathContext(q1, RoundingMode.HALF_EVEN));
        return widen(r, BigDecimal.ONE, q1);
    }

    @Override
    public BigInterval sin(BigInterval a) {
        return periodic(a, 0);
    }

    @Override
    public BigInterval cos(BigInterval a) {
        return periodic(a, 1);
    }

    /**
     * sin(x + shift·π/2) over an interval: the hull of the endpoints' values and of the extrema ±1 at the points
     * x = jπ/2, (j + shift) odd, that the interval may contain.
     */
    private BigInterval periodic(BigInterval a, int shift) {
        if (a.isPoint()) {
            return periodicPoint(a.lo(), shift);
        }
        if (a.width().compareTo(BigDecimal.valueOf(7)) > 0) {
            return new BigInterval(BigDecimal.ONE.negate(), BigDecimal.ONE);
        }
        BigInterval result = hull(periodicPoint(a.lo(), shift), periodicPoint(a.hi(), shift));
        int w = q + Math.max(0, BigInterval.exponent(a.magnitude())) + 10;
        BigInterval halfPi = halfPi(w);
        BigInteger first = quadrant(a.lo()).subtract(BigInteger.ONE);
        BigInteger last = quadrant(a.hi()).add(BigInteger.ONE);
        for (BigInteger j = first; j.compareTo(last) <= 0; j = j.add(BigInteger.ONE)) {
            int phase = j.add(BigInteger.valueOf(shift)).mod(BigInteger.valueOf(4)).intValue();
            if (phase % 2 == 0) {
                continue;
            }
            BigDecimal jd = new BigDecimal(j);
            BigDecimal p1 = jd.multiply(halfPi.lo());
            BigDecimal p2 = jd.multiply(halfPi.hi());
            // jπ/2 ∈ [min(p1, p2), max(p1, p2)]: may lie in [lo, hi] unless the two are disjoint
            if (p1.min(p2).compareTo(a.hi()) <= 0 && p1.max(p2).compareTo(a.lo()) >= 0) {
                BigDecimal extremum = phase == 1 ? BigDecimal.ONE : BigDecimal.ONE.negate();
                result = hull(result, BigInterval.of(extremum));
            }
        }
        return result;
    }

    /** The integer nearest x/(π/2) (any nearby integer will do: it only chooses the reduction). */
    private static BigInteger quadrant(BigDecimal x) {
        int w = Math.max(0, BigInterval.exponent(x.abs().max(BigDecimal.ONE))) + 20;
        BigDecimal halfPi = halfPi(w).lo();
        return x.divide(halfPi, new MathContext(w, RoundingMode.HALF_EVEN)).setScale(0, RoundingMode.HALF_EVEN)
                .toBigIntegerExact();
    }

    /** sin(x + shift·π/2) at a point: x = kπ/2 + r, then ±sin r or ±cos r. */
    private BigInterval periodicPoint(BigDecimal x, int shift) {
        if (x.signum() == 0) {
            return of(shift == 0 ? BigDecimal.ZERO : BigDecimal.ONE);
        }
        BigInteger k = x.abs().compareTo(new BigDecimal("0.78")) < 0 ? BigInteger.ZERO : quadrant(x);
        BigInterval r = BigInterval.of(x);
        if (k.signum() != 0) {
            BigDecimal kd = new BigDecimal(k);
            int base = q + Math.max(0, BigInterval.exponent(kd.abs())) + 10;
            for (int w = base; ; w *= 2) {
                BigInterval halfPi = halfPi(w);
                BigDecimal r1 = x.subtract(kd.multiply(halfPi.lo()));
                BigDecimal r2 = x.subtract(kd.multiply(halfPi.hi()));
                r = new BigInterval(r1.min(r2), r1.max(r2));
                boolean tight = !r.containsZero()
                        && r.width().compareTo(r.magnitude().scaleByPowerOfTen(-q - 2)) <= 0;
                if (tight || w > 8 * base) {
                    break;
                }
            }
        }
        int phase = BigInteger.valueOf(shift).add(k).mod(BigInteger.valueOf(4)).intValue();
        BigInterval v = phase % 2 == 0 ? increasing(r, this::sinSmall) : cosSmall(r);
        return phase >= 2 ? negate(v) : v;
    }

    /** sin r for |r| ≤ π/4 + ε. */
    private BigInterval sinSmall(BigDecimal r) {
        if (r.signum() == 0) {
            return of(BigDecimal.ZERO);
        }
        int lost = Math.max(0, -BigInterval.exponent(r));
        if (lost > q) { // r − |r|³ ≤ sin r ≤ r for r > 0, and oddly for r < 0
            BigDecimal c = r.abs().pow(3);
            return r.signum() > 0 ? round(r.subtract(c), r) : round(r, r.add(c));
        }
        int q1 = q + lost + 2;
        BigDecimal s = BigDecimalMath.sin(r, new MathContext(q1, RoundingMode.HALF_EVEN));
        return widen(s, BigDecimal.ONE, q1);
    }

    /** cos over an enclosure r ⊂ [−π/4 − ε, π/4 + ε] (increasing below 0, decreasing above, 1 at 0). */
    private BigInterval cosSmall(BigInterval r) {
        Function<BigDecimal, BigInterval> cos = x -> {
            if (x.signum() == 0) {
                return of(BigDecimal.ONE);
            }
            BigDecimal c = BigDecimalMath.cos(x, new MathContext(q, RoundingMode.HALF_EVEN));
            return widen(c, BigDecimal.ONE, q);
        };
        if (r.isPoint()) {
            return cos.apply(r.lo());
        }
        BigInterval atLo = cos.apply(r.lo());
        BigInterval atHi = cos.apply(r.hi());
        BigDecimal lo = atLo.lo().min(atHi.lo());
        BigDecimal hi = r.containsZero() ? BigDecimal.ONE : atLo.hi().max(atHi.hi());
        return new BigInterval(lo, hi);
    }

    @Override
    public BigInterval erf(BigInterval a) {
        return increasing(a, x -> {
            if (x.signum() == 0) {
                return of(BigDecimal.ZERO);
            }
            return x.signum() < 0 ? negate(erfPositive(x.negate())) : erfPositive(x);
        });
    }

    /**
     * erf x for x &gt; 0: (2/√π)·e^(−x²)·S with S = Σ tₙ, t₀ = x, tₙ = tₙ₋₁·2x²/(2n + 1), all positive; once the
     * ratio 2x²/(2n + 1) ≤ ½ the tail after tₙ is at most tₙ. Each term is computed with n + 1 roundings of
     * relative size ≤ u = 10^(1−w)/2, so S is within (N + 1)²·u·S.
     */
    private BigInterval erfPositive(BigDecimal x) {
        BigDecimal x2 = x.multiply(x);
        // erfc x ≤ e^(−x²)/(x√π) ≤ e^(−x²) for x ≥ 1; once that is below 10^(−q−2), erf x ∈ [1 − 10^(−q−2), 1]
        if (x.compareTo(BigDecimal.ONE) >= 0) {
            BigDecimal ln10 = BigDecimal.valueOf(2.302585093);
            if (x2.compareTo(ln10.multiply(BigDecimal.valueOf(q + 2L))) > 0) {
                return round(BigDecimal.ONE.subtract(BigDecimal.ONE.scaleByPowerOfTen(-q - 2)), BigDecimal.ONE);
            }
        }
        int w = q + 10;
        MathContext mc = new MathContext(w, RoundingMode.HALF_EVEN);
        BigDecimal twoX2 = x2.multiply(TWO);
        BigDecimal term = x.round(mc);
        BigDecimal sum = term;
        long n = 0;
        BigDecimal tail;
        while (true) {
            n++;
            BigDecimal ratioDenominator = BigDecimal.valueOf(2 * n + 1);
            term = term.multiply(twoX2, mc).divide(ratioDenominator, mc);
            sum = sum.add(term, mc);
            boolean geometric = twoX2.multiply(TWO).compareTo(ratioDenominator.add(TWO)) <= 0;
            if (geometric && term.compareTo(sum.scaleByPowerOfTen(-w)) < 0) {
                tail = term;
                break;
            }
        }
        // every term carries at most 2n roundings, the sum n more, each ≤ u relative
        BigDecimal u = BigDecimal.ONE.scaleByPowerOfTen(1 - w);
        BigDecimal rounding = sum.multiply(u).multiply(BigDecimal.valueOf((n + 2) * (n + 2)));
        BigInterval s = new BigInterval(sum.subtract(rounding), sum.add(rounding).add(tail));
        BigIntervals g = guarded();
        BigInterval factor = g.divide(g.of(TWO), g.sqrt(g.pi()));
        BigInterval product = g.multiply(g.multiply(factor, g.expPoint(x2.negate())), s);
        return round(product.lo(), product.hi().min(BigDecimal.ONE));
    }

    /** The same arithmetic with the guard digits as its working precision, for kernels built from others. */
    private BigIntervals guarded() {
        BigIntervals g = guarded;
        if (g == null) {
            g = new BigIntervals(q);
            guarded = g;
        }
        return g;
    }

    // ---------------------------------------------------------------- helpers

    /** f over [lo, hi] for an increasing f given by point enclosures. */
    private static BigInterval increasing(BigInterval a, Function<BigDecimal, BigInterval> f) {
        if (a.isPoint()) {
            return f.apply(a.lo());
        }
        return new BigInterval(f.apply(a.lo()).lo(), f.apply(a.hi()).hi());
    }

    /** 100 units of the q1-th significant digit of r: 10^(3 − q1)·|r|, the bound a library result is trusted to. */
    private static BigDecimal ulps(BigDecimal r, int q1) {
        return r.abs().scaleByPowerOfTen(3 - q1);
    }

    /** r ± 10^(3−q1)·scale, rounded outward to the working precision. */
    private BigInterval widen(BigDecimal r, BigDecimal scale, int q1) {
        BigDecimal delta = scale.scaleByPowerOfTen(3 - q1);
        return round(r.subtract(delta), r.add(delta));
    }

    /** π/2 enclosed with w digits. */
    private static BigInterval halfPi(int w) {
        BigInterval pi = pi(w);
        return new BigInterval(pi.lo().divide(TWO), pi.hi().divide(TWO));
    }

    /** π enclosed with w significant digits (big-math's π at w + 2 digits, widened by 10^(4−w)). */
    static BigInterval pi(int w) {
        return PI.computeIfAbsent(w, digits -> {
            BigDecimal p = BigDecimalMath.pi(new MathContext(digits + 2, RoundingMode.HALF_EVEN));
            BigDecimal delta = BigDecimal.ONE.scaleByPowerOfTen(4 - digits - 2);
            return new BigInterval(p.subtract(delta).round(new MathContext(digits, RoundingMode.FLOOR)),
                    p.add(delta).round(new MathContext(digits, RoundingMode.CEILING)));
        });
    }

    @Override
    public String toString() {
        return "BigIntervals(" + digits + " digits)";
    }
}
