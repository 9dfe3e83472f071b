package dev.nabla.core.prim;

import java.util.OptionalDouble;

/**
 * An {@link Algebra} that can evaluate a few elementary kernels itself: the numbers of enclosures (intervals of
 * doubles with outward rounding) and of high precision (arbitrary-precision intervals, outside the core). Every
 * other primitive of the {@link Primitive} table is defined once over these kernels (its high-precision
 * definition {@link Primitive#define}, e.g. tan a = sin a / cos a, asinh a = log1p(a + a²/(1 + √(1 + a²)))),
 * so that one definition per primitive serves every such kind of number.
 *
 * <p>A number of such a kind stands for a set of real numbers (an interval; a point is a set of one). Contract
 * for implementations:
 * <ul>
 *   <li>every operation and kernel returns a number that contains its true value at every point its arguments
 *       stand for (outward rounding), with a relative error bound that the implementation documents;</li>
 *   <li>{@link #divide} by a number that contains 0 does not throw: it returns an unbounded enclosure (or, where
 *       the kind has no infinities, throws {@link UndecidedException}); domains are checked by
 *       {@link Primitive#define}, not by the arithmetic;</li>
 *   <li>{@code sqrt} requires every point ≥ 0, {@code log} every point &gt; 0, {@code log1p} every point &gt;
 *       −1: an argument wholly outside throws {@link OutsideDomainException}, one that straddles the edge throws
 *       {@link UndecidedException} (see {@link #require});</li>
 *   <li>{@link #pi()} is an enclosure of π, {@link #exact} an enclosure of p/q;</li>
 *   <li>{@link #ifAtLeast} returns the hull of both branches when the comparison cannot be decided.</li>
 * </ul>
 *
 * @param <T> the numbers
 */
public interface Elementary<T> extends Algebra<T> {

    /** √a. */
    T sqrt(T a);

    /** eᵃ. */
    T exp(T a);

    /** eᵃ − 1, accurate (relatively) for tiny a. */
    T expm1(T a);

    /** ln a. */
    T log(T a);

    /** ln(1 + a), accurate (relatively) for tiny a. */
    T log1p(T a);

    /** sin a. */
    T sin(T a);

    /** cos a. */
    T cos(T a);

    /** atan a, in (−π/2, π/2). */
    T atan(T a);

    /** erf a = (2/√π) ∫₀ᵃ e^(−t²) dt. */
    T erf(T a);

    /**
     * The signs the points of a take: whether some point is negative, zero, positive (an enclosure may report a
     * sign that no point has, never miss one).
     *
     * @param negative some point is &lt; 0
     * @param zero     some point is 0
     * @param positive some point is &gt; 0
     */
    record Signs(boolean negative, boolean zero, boolean positive) {
        /** Every point is &gt; 0. */
        public boolean positiveOnly() {
            return positive && !negative && !zero;
        }

        /** Every point is &lt; 0. */
        public boolean negativeOnly() {
            return negative && !positive && !zero;
        }

        /** Every point is ≥ 0. */
        public boolean nonNegative() {
            return !negative;
        }

        /** Every point is ≤ 0. */
        public boolean nonPositive() {
            return !positive;
        }

        /** a is exactly 0. */
        public boolean zeroOnly() {
            return zero && !negative && !positive;
        }
    }

    /** The signs of the points of a. */
    Signs signs(T a);

    /** The smallest number of this kind that contains every point of a and of b. */
    T hull(T a, T b);

    /** The point max |a| over the points of a (for intervals [lo, hi]: max(|lo|, |hi|)), as a number of this kind. */
    T magnitude(T a);

    /** The double a stands for when a is exactly one double (a point), empty otherwise. */
    OptionalDouble point(T a);

    /**
     * a ≥ b ? then : otherwise for every point; the hull of then and otherwise where some points of a − b are
     * negative and some are not.
     */
    @Override
    default T ifAtLeast(T a, T b, T then, T otherwise) {
        Signs s = signs(subtract(a, b));
        return s.nonNegative() ? then : s.negativeOnly() ? otherwise : hull(then, otherwise);
    }

    /**
     * Requires x &gt; 0 (strict) or x ≥ 0 at every point, for the domain of {@code what}: returns when it holds;
     * throws {@link OutsideDomainException} when it holds at no point, {@link UndecidedException} when at some.
     *
     * @param x      the quantity that must be positive
     * @param strict whether 0 is excluded
     * @param what   the operation, its argument and the condition, e.g. {@code "log of [-1, 2] (argument must be > 0)"}
     */
    default void require(T x, boolean strict, String what) {
        Signs s = signs(x);
        boolean ok = strict ? s.positiveOnly() : s.nonNegative();
        if (ok) {
            return;
        }
        boolean none = strict ? !s.positive() : !s.zero() && !s.positive();
        if (none) {
            throw new OutsideDomainException(what);
        }
        throw new UndecidedException(what + ": the argument reaches outside the domain");
    }
}
