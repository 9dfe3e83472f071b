package dev.nabla.core.interval;

import dev.nabla.core.prim.Primitive;
import java.math.BigDecimal;

/**
 * A closed interval [lo, hi] of real numbers with double end points: an enclosure, a number that is certainly
 * somewhere in it. Values, gradients and Hessians computed over {@link Intervals} are intervals that contain the
 * exact values (outward rounding and the documented error bounds of the elementary functions). An end point may be
 * infinite where a bound overflowed ([{@link Double#MAX_VALUE}, +∞] holds a finite number too large for a double):
 * {@link #isFinite()} tells.
 *
 * @param lo the lower end point (never NaN, never +∞)
 * @param hi the upper end point (never NaN, never −∞), lo ≤ hi
 */
public record Interval(double lo, double hi) {

    /** Every real number. */
    public static final Interval ENTIRE = new Interval(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);

    /** [lo, hi]; rejects NaN, lo &gt; hi, lo = +∞ and hi = −∞; −0 is 0 (an interval is a set of reals). */
    public Interval {
        if (!(lo <= hi) || lo == Double.POSITIVE_INFINITY || hi == Double.NEGATIVE_INFINITY) {
            throw new IllegalArgumentException("not an interval: [" + lo + ", " + hi + "]");
        }
        lo += 0.0;
        hi += 0.0;
    }

    /** The point [x, x] (x finite). */
    public static Interval of(double x) {
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException("not a finite number: " + x);
        }
        return new Interval(x, x);
    }

    /** [lo, hi]. */
    public static Interval of(double lo, double hi) {
        return new Interval(lo, hi);
    }

    /** True when lo = hi: the interval stands for one double exactly. */
    public boolean isPoint() {
        return lo == hi;
    }

    /** True when both end points are finite (no bound overflowed). */
    public boolean isFinite() {
        return Double.isFinite(lo) && Double.isFinite(hi);
    }

    /** True when x ∈ [lo, hi]. */
    public boolean contains(double x) {
        return lo <= x && x <= hi;
    }

    /** True when the exact number x lies in [lo, hi]. */
    public boolean contains(BigDecimal x) {
        return (lo == Double.NEGATIVE_INFINITY || new BigDecimal(lo).compareTo(x) <= 0)
                && (hi == Double.POSITIVE_INFINITY || x.compareTo(new BigDecimal(hi)) <= 0);
    }

    /** True when every point of o lies in this interval. */
    public boolean contains(Interval o) {
        return lo <= o.lo && o.hi <= hi;
    }

    /** hi − lo, rounded up (+∞ when unbounded). */
    public double width() {
        return Math.nextUp(hi - lo);
    }

    /** (lo + hi)/2, a point of the interval (0 for ENTIRE, ±MAX_VALUE for half-unbounded intervals). */
    public double midpoint() {
        if (lo == Double.NEGATIVE_INFINITY) {
            return hi == Double.POSITIVE_INFINITY ? 0 : -Double.MAX_VALUE;
        }
        if (hi == Double.POSITIVE_INFINITY) {
            return Double.MAX_VALUE;
        }
        double m = lo / 2 + hi / 2;
        return Math.min(hi, Math.max(lo, m));
    }

    /**
     * The width in units in the last place of the end point of least magnitude (0 for a point, +∞ when unbounded
     * or when the interval contains 0 but is not [0, 0]): how far from a correctly rounded double it is.
     */
    public double ulps() {
        if (isPoint()) {
            return 0;
        }
        if (!isFinite() || lo <= 0 && hi >= 0) {
            return Double.POSITIVE_INFINITY;
        }
        return (hi - lo) / Math.ulp(Math.min(Math.abs(lo), Math.abs(hi)));
    }

    /**
     * The number of significant decimal digits every point of the interval shares with its midpoint, i.e. the
     * relative width: ⌊−log₁₀((hi − lo)/|m|)⌋ capped at 17 (a point), 0 when the interval contains 0 or is not
     * finite.
     */
    public int certainDigits() {
        if (isPoint()) {
            return 17;
        }
        if (!isFinite() || lo <= 0 && hi >= 0) {
            return 0;
        }
        double relative = (hi - lo) / Math.min(Math.abs(lo), Math.abs(hi));
        return (int) Math.max(0, Math.min(17, Math.floor(-Math.log10(relative))));
    }

    /** The smallest interval holding both. */
    public Interval hull(Interval o) {
        return new Interval(Math.min(lo, o.lo), Math.max(hi, o.hi));
    }

    /** "[lo, hi]", or the number alone for a point (shortest texts that parse back). */
    @Override
    public String toString() {
        return isPoint() ? Primitive.format(lo) : "[" + Primitive.format(lo) + ", " + Primitive.format(hi) + "]";
    }
}
