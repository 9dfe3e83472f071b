package dev.nabla.core.prim;

/**
 * An {@link Algebra} that can evaluate a few elementary kernels itself: the numbers of enclosures (intervals of
 * doubles with outward rounding) and of high precision (arbitrary-precision intervals, outside the core). Every
 * other primitive of the {@link Primitive} table is defined once over these kernels (its high-precision
 * definition, e.g. tan a = sin a / cos a, asinh a = sign(a)·log1p(|a| + a²/(1 + √(1 + a²)))), so that one
 * definition per primitive serves every such kind of number.
 *
 * <p>Contract for implementations: each kernel returns a number that contains the true value of the kernel at
 * every point its argument stands for (for point numbers, the true value to the working precision, with a
 * relative error bound that the implementation documents); {@code log}, {@code log1p}, {@code sqrt} applied to
 * arguments reaching outside their domain throw {@link ArithmeticException} naming the kernel and the argument.
 * {@link #ifAtLeast} must return an enclosure of both branches when the comparison cannot be decided.
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
}
