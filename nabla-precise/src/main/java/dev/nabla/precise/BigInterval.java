package dev.nabla.precise;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A closed interval [lo, hi] of real numbers with {@link BigDecimal} endpoints: the numbers of
 * {@link BigIntervals}, the arbitrary-precision arithmetic of certified digits. It contains the true value of
 * whatever it was computed from. The exponent range is BigDecimal's (decimal exponents up to about ±2·10⁹), so
 * x² at x = 3e200 or e^800 are ordinary numbers here.
 *
 * @param lo the lower endpoint
 * @param hi the upper endpoint, {@code hi ≥ lo}
 */
public record BigInterval(BigDecimal lo, BigDecimal hi) {

    /** Checks lo ≤ hi. */
    public BigInterval {
        Objects.requireNonNull(lo, "lo");
        Objects.requireNonNull(hi, "hi");
        if (lo.compareTo(hi) > 0) {
            throw new IllegalArgumentException("empty interval [" + lo + ", " + hi + "]");
        }
    }

    /** The point interval [x, x]. */
    public static BigInterval of(BigDecimal x) {
        return new BigInterval(x, x);
    }

    /** The point interval at the exact value of the double x (finite). */
    public static BigInterval of(double x) {
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException("not a finite number: " + x);
        }
        return of(new BigDecimal(x));
    }

    /** Whether lo = hi. */
    public boolean isPoint() {
        return lo.compareTo(hi) == 0;
    }

    /** Whether lo ≤ x ≤ hi. */
    public boolean contains(BigDecimal x) {
        return lo.compareTo(x) <= 0 && x.compareTo(hi) <= 0;
    }

    /** Whether lo ≤ 0 ≤ hi. */
    public boolean containsZero() {
        return lo.signum() <= 0 && hi.signum() >= 0;
    }

    /** Whether this interval lies inside [other.lo, other.hi]. */
    public boolean within(BigInterval other) {
        return other.lo.compareTo(lo) <= 0 && hi.compareTo(other.hi) <= 0;
    }

    /** hi − lo, exactly. */
    public BigDecimal width() {
        return hi.subtract(lo);
    }

    /** (lo + hi)/2, exactly. */
    public BigDecimal midpoint() {
        return lo.add(hi).divide(BigDecimal.valueOf(2));
    }

    /** max(|lo|, |hi|). */
    public BigDecimal magnitude() {
        return lo.abs().max(hi.abs());
    }

    /**
     * How many significant decimal digits of the interval are certain: the largest k ≤ max such that lo and hi
     * round (nearest-even) to the same k-digit decimal, so that every number of the interval rounds to it too (0
     * if there is none or the interval contains 0 in its interior; max for a point). The decimal printed with that
     * many digits is the correctly rounded value of every number the interval stands for.
     */
    public int certainDigits(int max) {
        if (isPoint()) {
            return max;
        }
        if (containsZero()) {
            return 0;
        }
        // k digits can only be shared if the width is below the spacing 10^(E − k + 1) of k-digit decimals
        int upper = Math.min(max, exponent(magnitude()) - exponent(width()) + 1);
        for (int k = upper; k >= 1; k--) {
            MathContext mc = new MathContext(k, RoundingMode.HALF_EVEN);
            if (lo.round(mc).compareTo(hi.round(mc)) == 0) {
                return k;
            }
        }
        return 0;
    }

    /** The decimal exponent of the leading digit of x ≠ 0: x = d.ddd… · 10^E. */
    static int exponent(BigDecimal x) {
        return x.precision() - x.scale() - 1;
    }

    @Override
    public String toString() {
        return isPoint() ? "[" + lo + "]" : "[" + lo + ", " + hi + "]";
    }
}
