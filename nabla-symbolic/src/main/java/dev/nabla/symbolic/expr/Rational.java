package dev.nabla.symbolic.expr;

import dev.nabla.core.prim.Algebra;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * An exact rational number p/q of arbitrary precision, in lowest terms with q &gt; 0: the constants of formulas
 * ({@code 1/3}, {@code 0.1 = 1/10}, {@code 2^100}), so that folding them is exact and they print as written.
 *
 * @param numerator   p
 * @param denominator q &gt; 0, gcd(p, q) = 1
 */
public record Rational(BigInteger numerator, BigInteger denominator) implements Comparable<Rational> {
    /** Results of folding larger than this many bits are not folded (2^(10^9) must not be computed). */
    public static final int MAX_BITS = 4096;

    /** Decimals with more digits after the point than this (1e-1100) are out of range: below any double. */
    public static final int MAX_SCALE = 1100;

    public static final Rational ZERO = new Rational(BigInteger.ZERO, BigInteger.ONE);
    public static final Rational ONE = new Rational(BigInteger.ONE, BigInteger.ONE);

    private static final BigInteger TWO = BigInteger.TWO;
    private static final BigInteger FIVE = BigInteger.valueOf(5);

    /** Checks lowest terms and a positive denominator (use {@link #of} to reduce). */
    public Rational {
        if (denominator.signum() <= 0 || !numerator.gcd(denominator).equals(BigInteger.ONE)
                && !(numerator.signum() == 0 && denominator.equals(BigInteger.ONE))) {
            throw new IllegalArgumentException("not in lowest terms: " + numerator + "/" + denominator);
        }
    }

    /** p/q reduced to lowest terms (q ≠ 0). */
    public static Rational of(BigInteger p, BigInteger q) {
        if (q.signum() == 0) {
            throw new ArithmeticException("division by zero");
        }
        if (q.signum() < 0) {
            p = p.negate();
            q = q.negate();
        }
        if (p.signum() == 0) {
            return ZERO;
        }
        BigInteger g = p.gcd(q);
        return g.equals(BigInteger.ONE) ? new Rational(p, q) : new Rational(p.divide(g), q.divide(g));
    }

    /** The integer n. */
    public static Rational of(long n) {
        return n == 0 ? ZERO : n == 1 ? ONE : new Rational(BigInteger.valueOf(n), BigInteger.ONE);
    }

    /** p/q. */
    public static Rational of(long p, long q) {
        return of(BigInteger.valueOf(p), BigInteger.valueOf(q));
    }

    /** The exact value of a decimal, e.g. {@code 0.1} is 1/10 and {@code 2.5e-3} is 1/400. */
    public static Rational of(BigDecimal d) {
        BigInteger unscaled = d.unscaledValue();
        int scale = d.scale();
        return scale <= 0 ? of(unscaled.multiply(BigInteger.TEN.pow(-scale)), BigInteger.ONE)
                : of(unscaled, BigInteger.TEN.pow(scale));
    }

    /**
     * The number a person means by the double v: the decimal of its shortest text ({@code 0.1} is 1/10, not the
     * binary fraction nearest to it), so that a constant round-trips through its printed form.
     */
    public static Rational ofDouble(double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("not a finite number: " + v);
        }
        if (v == Math.rint(v) && Math.abs(v) < 0x1p62) {
            return of((long) v);
        }
        return of(new BigDecimal(Double.toString(v)));
    }

    public int signum() {
        return numerator.signum();
    }

    public boolean isInteger() {
        return denominator.equals(BigInteger.ONE);
    }

    /** The number of bits of p and q together (a measure of size). */
    public int bits() {
        return numerator.bitLength() + denominator.bitLength();
    }

    public Rational add(Rational o) {
        if (isInteger() && o.isInteger()) {
            return of(numerator.add(o.numerator), BigInteger.ONE);
        }
        return of(numerator.multiply(o.denominator).add(o.numerator.multiply(denominator)),
                denominator.multiply(o.denominator));
    }

    public Rational subtract(Rational o) {
        return add(o.negate());
    }

    public Rational multiply(Rational o) {
        return of(numerator.multiply(o.numerator), denominator.multiply(o.denominator));
    }

    /** this/o (o ≠ 0). */
    public Rational divide(Rational o) {
        return of(numerator.multiply(o.denominator), denominator.multiply(o.numerator));
    }

    public Rational negate() {
        return signum() == 0 ? this : new Rational(numerator.negate(), denominator);
    }

    public Rational abs() {
        return signum() < 0 ? negate() : this;
    }

    /** this^n for an integer n (this ≠ 0 when n &lt; 0). */
    public Rational pow(int n) {
        if (n >= 0) {
            return of(numerator.pow(n), denominator.pow(n));
        }
        return of(denominator.pow(-n), numerator.pow(-n));
    }

    /** The exact k-th root (k ≥ 1) when this is the k-th power of a rational, else null (negative: odd k only). */
    public Rational root(int k) {
        if (signum() < 0) {
            if (k % 2 == 0) {
                return null;
            }
            Rational r = negate().root(k);
            return r == null ? null : r.negate();
        }
        BigInteger p = integerRoot(numerator, k);
        BigInteger q = integerRoot(denominator, k);
        return p == null || q == null ? null : new Rational(p, q);
    }

    private static BigInteger integerRoot(BigInteger n, int k) {
        if (k == 1 || n.signum() == 0) {
            return n;
        }
        // Newton's iteration on integers from an overestimate
        BigInteger x = BigInteger.ONE.shiftLeft(n.bitLength() / k + 1);
        BigInteger km1 = BigInteger.valueOf(k - 1);
        BigInteger kk = BigInteger.valueOf(k);
        while (true) {
            BigInteger y = km1.multiply(x).add(n.divide(x.pow(k - 1))).divide(kk);
            if (y.compareTo(x) >= 0) {
                break;
            }
            x = y;
        }
        return x.pow(k).equals(n) ? x : null;
    }

    /**
     * True when formulas can hold this constant: its double is finite, and p and q are within the range of doubles
     * (or it is a decimal with at most {@link #MAX_SCALE} digits after the point, such as 1 + 1e-400), so that it
     * prints as text the parser reads back.
     */
    public boolean inRange() {
        if (Double.isInfinite(doubleValue())) {
            return false;
        }
        if (numerator.bitLength() <= 1024 && denominator.bitLength() <= 1024) {
            return true;
        }
        return isDecimal() && toBigDecimal().scale() <= MAX_SCALE;
    }

    /** The double nearest to p/q, ties to even (±∞ beyond the range of doubles, 0 below it). */
    public double doubleValue() {
        if (isInteger()) {
            return numerator.doubleValue();
        }
        if (numerator.bitLength() < 53 && denominator.bitLength() < 53) {
            return numerator.longValue() / (double) denominator.longValue(); // exact operands, one rounding
        }
        BigInteger p = numerator.abs();
        // a quotient of at least 55 bits plus a sticky bit rounds once, correctly, to 53 bits
        int shift = 55 - (p.bitLength() - denominator.bitLength());
        BigInteger[] qr = (shift >= 0 ? p.shiftLeft(shift) : p).divideAndRemainder(
                shift >= 0 ? denominator : denominator.shiftLeft(-shift));
        BigInteger q = qr[0].shiftLeft(1).or(qr[1].signum() == 0 ? BigInteger.ZERO : BigInteger.ONE);
        double v = Math.scalb(q.doubleValue(), -shift - 1);
        return signum() < 0 ? -v : v;
    }

    /**
     * This number in an algebra: an integer of at most 53 bits as {@link Algebra#constant}, any other through
     * {@link Algebra#exact}, so that algebras that hold or enclose rationals (high precision, intervals) stay exact.
     *
     * @param <T>     the algebra's numbers
     * @param algebra where to build the number
     * @return p/q in the algebra
     */
    public <T> T in(Algebra<T> algebra) {
        return isInteger() && numerator.bitLength() <= 53 ? algebra.constant(numerator.longValue())
                : algebra.exact(numerator, denominator);
    }

    /** True when q is a product of 2s and 5s: p/q has a finite decimal expansion. */
    public boolean isDecimal() {
        return fives(denominator.shiftRight(denominator.getLowestSetBit())) >= 0;
    }

    /** k when m = 5^k, else −1. */
    private static int fives(BigInteger m) {
        if (m.equals(BigInteger.ONE)) {
            return 0;
        }
        if (m.testBit(0) && m.mod(FIVE).signum() == 0) {
            int estimate = (int) Math.round((m.bitLength() - 0.5) / 2.321928094887362);
            for (int k = Math.max(1, estimate - 1); k <= estimate + 1; k++) {
                if (FIVE.pow(k).equals(m)) {
                    return k;
                }
            }
        }
        return -1;
    }

    /** The finite decimal expansion of a {@link #isDecimal() decimal} number. */
    public BigDecimal toBigDecimal() {
        int twos = denominator.getLowestSetBit();
        int fives = fives(denominator.shiftRight(twos));
        if (fives < 0) {
            throw new ArithmeticException(this + " has no finite decimal expansion");
        }
        int scale = Math.max(twos, fives);
        BigInteger scaled = numerator.multiply(TWO.pow(scale - twos)).multiply(FIVE.pow(scale - fives));
        return new BigDecimal(scaled, scale);
    }

    @Override
    public int compareTo(Rational o) {
        return numerator.multiply(o.denominator).compareTo(o.numerator.multiply(denominator));
    }

    /** {@code p} or {@code p/q}. */
    @Override
    public String toString() {
        return isInteger() ? numerator.toString() : numerator + "/" + denominator;
    }
}
