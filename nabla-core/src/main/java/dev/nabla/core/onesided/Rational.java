package dev.nabla.core.onesided;

/**
 * An exponent of t in an {@link Expansion}: a rational number n/d in lowest terms (d &gt; 0), or +∞ (d = 0) for
 * the order of an exact expansion. Exponents stay small (they come from integer powers, square and cube roots
 * and the rational exponents of a formula), so longs do not overflow in practice; an overflow throws.
 */
final class Rational implements Comparable<Rational> {
    static final Rational ZERO = new Rational(0, 1);
    static final Rational ONE = new Rational(1, 1);
    static final Rational INFINITY = new Rational(1, 0);

    /** The largest denominator {@link #of(double)} recognises (x^0.3 = x^(3/10) is recognised, x^π is not). */
    static final long MAX_DENOMINATOR = 1000;

    final long n;
    final long d;

    private Rational(long n, long d) {
        this.n = n;
        this.d = d;
    }

    static Rational of(long n, long d) {
        if (d == 0) {
            throw new ArithmeticException("zero denominator");
        }
        if (d < 0) {
            n = Math.negateExact(n);
            d = Math.negateExact(d);
        }
        long g = gcd(Math.abs(n), d);
        return new Rational(n / g, d / g);
    }

    static Rational of(long n) {
        return new Rational(n, 1);
    }

    /** p as n/d with d ≤ {@link #MAX_DENOMINATOR} when p is exactly such a fraction (to 1e-15), else null. */
    static Rational of(double p) {
        if (!Double.isFinite(p) || Math.abs(p) > 1e12) {
            return null;
        }
        for (long d = 1; d <= MAX_DENOMINATOR; d++) {
            double scaled = p * d;
            double r = Math.rint(scaled);
            if (Math.abs(scaled - r) <= 1e-15 * Math.max(1, Math.abs(scaled))) {
                return of((long) r, d);
            }
        }
        return null;
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a == 0 ? 1 : a;
    }

    boolean isInfinite() {
        return d == 0;
    }

    boolean isInteger() {
        return d == 1;
    }

    int signum() {
        return Long.signum(n);
    }

    Rational plus(Rational o) {
        if (isInfinite() || o.isInfinite()) {
            return INFINITY;
        }
        return of(Math.addExact(Math.multiplyExact(n, o.d), Math.multiplyExact(o.n, d)), Math.multiplyExact(d, o.d));
    }

    Rational minus(Rational o) {
        if (o.isInfinite()) {
            throw new ArithmeticException("∞ − ∞");
        }
        return plus(new Rational(-o.n, o.d));
    }

    Rational times(Rational o) {
        if (isInfinite() || o.isInfinite()) {
            if (signum() == 0 || o.signum() == 0) {
                return ZERO;
            }
            return INFINITY;
        }
        return of(Math.multiplyExact(n, o.n), Math.multiplyExact(d, o.d));
    }

    Rational min(Rational o) {
        return compareTo(o) <= 0 ? this : o;
    }

    Rational max(Rational o) {
        return compareTo(o) >= 0 ? this : o;
    }

    double doubleValue() {
        return isInfinite() ? Double.POSITIVE_INFINITY : (double) n / d;
    }

    @Override
    public int compareTo(Rational o) {
        if (isInfinite() || o.isInfinite()) {
            return Boolean.compare(isInfinite(), o.isInfinite());
        }
        return Long.compare(Math.multiplyExact(n, o.d), Math.multiplyExact(o.n, d));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Rational r && r.n == n && r.d == d;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(n) * 31 + Long.hashCode(d);
    }

    @Override
    public String toString() {
        return isInfinite() ? "∞" : d == 1 ? Long.toString(n) : n + "/" + d;
    }
}
