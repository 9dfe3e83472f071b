package dev.nabla.core.ad;

import dev.nabla.core.prim.Primitive;

/**
 * A real number that may carry derivative information. A function written once against {@code Real} serves
 * every mode: plain evaluation, forward mode (dual numbers, D_v f in one pass), reverse mode (a tape, ∇f in
 * one pass) and their compositions (forward-over-reverse Hessian-vector products, nested derivatives).
 *
 * <p>Operands of a binary operation must come from the same differentiation context (the arguments a
 * {@link AD} entry point passed in, or numbers derived from them); constants enter through
 * {@link #constant(double)} or the {@code double} overloads.
 *
 * <p>Every operation is an entry of the table of primitives ({@link Primitive}), which gives its value, its
 * derivative rule and its kinks once for every engine. At a kink the derivative follows the table's convention
 * (abs'(0) = 0; max and min at a tie follow the first argument; infinite one-sided slopes, as √ at 0, count as
 * 0) and the kink is recorded.
 */
public interface Real {

    /** The primal value. */
    double value();

    /** A constant of the same kind and context as this number (derivative zero). */
    Real constant(double c);

    Real add(Real b);

    Real add(double b);

    Real subtract(Real b);

    Real subtract(double b);

    Real multiply(Real b);

    Real multiply(double b);

    Real divide(Real b);

    Real divide(double b);

    Real negate();

    /** 1 / this. */
    Real reciprocal();

    /** this². */
    Real square();

    /** this^p for a constant exponent p. */
    Real pow(double p);

    /** this^p with a variable exponent (defined for this > 0, or this = 0 with p > 0). */
    Real pow(Real p);

    /** √this (the table's {@link Primitive#SQRT}). */
    default Real sqrt() {
        return apply(Primitive.SQRT);
    }

    /** ∛this. */
    default Real cbrt() {
        return apply(Primitive.CBRT);
    }

    /** e^this. */
    default Real exp() {
        return apply(Primitive.EXP);
    }

    /** The natural logarithm. */
    default Real log() {
        return apply(Primitive.LOG);
    }

    /** log(1 + this), accurate for small this. */
    default Real log1p() {
        return apply(Primitive.LOG1P);
    }

    /** e^this − 1, accurate for small this. */
    default Real expm1() {
        return apply(Primitive.EXPM1);
    }

    /** sin this. */
    default Real sin() {
        return apply(Primitive.SIN);
    }

    /** cos this. */
    default Real cos() {
        return apply(Primitive.COS);
    }

    /** tan this. */
    default Real tan() {
        return apply(Primitive.TAN);
    }

    /** asin this. */
    default Real asin() {
        return apply(Primitive.ASIN);
    }

    /** acos this. */
    default Real acos() {
        return apply(Primitive.ACOS);
    }

    /** atan this. */
    default Real atan() {
        return apply(Primitive.ATAN);
    }

    /** sinh this. */
    default Real sinh() {
        return apply(Primitive.SINH);
    }

    /** cosh this. */
    default Real cosh() {
        return apply(Primitive.COSH);
    }

    /** tanh this. */
    default Real tanh() {
        return apply(Primitive.TANH);
    }

    /** asinh this, accurate near 0 and for huge |this|. */
    default Real asinh() {
        return apply(Primitive.ASINH);
    }

    /** acosh this. */
    default Real acosh() {
        return apply(Primitive.ACOSH);
    }

    /** atanh this. */
    default Real atanh() {
        return apply(Primitive.ATANH);
    }

    /** The error function erf this = 2/√π ∫₀^this e^(−s²) ds; derivative 2e^(−this²)/√π. */
    default Real erf() {
        return apply(Primitive.ERF);
    }

    /** atan2(this, x): the angle of the point (x, this). */
    Real atan2(Real x);

    /** sqrt(this² + b²) without overflow. */
    Real hypot(Real b);

    /** |this|; derivative sign(this), and 0 (= sign(0), the table's convention) at 0, recording a kink. */
    default Real abs() {
        return apply(Primitive.ABS);
    }

    /** sign(this) ∈ {−1, 0, 1}; derivative 0, recording a kink at 0. */
    default Real sign() {
        return apply(Primitive.SIGN);
    }

    /** max(this, b); at a tie the derivative follows this (the first argument), recording a kink. */
    Real max(Real b);

    /** min(this, b); at a tie the derivative follows this (the first argument), recording a kink. */
    Real min(Real b);

    /**
     * p(this) for a unary primitive p of the table ({@link Primitive}): its value, and its derivative by the
     * table's rule (the conventional one at a kink, which is recorded). Every named elementary function above
     * is this; a primitive added to the table is available here at once.
     */
    Real apply(Primitive p);

    /** p(this, b) for a binary primitive p of the table ({@link Primitive}). */
    default Real apply(Primitive p, Real b) {
        return switch (p) {
            case ADD -> add(b);
            case SUBTRACT -> subtract(b);
            case MULTIPLY -> multiply(b);
            case DIVIDE -> divide(b);
            case POW -> pow(b);
            case ATAN2 -> atan2(b);
            case HYPOT -> hypot(b);
            case MIN -> min(b);
            case MAX -> max(b);
            default -> throw new IllegalArgumentException(p + " is not a binary primitive of Real");
        };
    }

    // Kotlin operator names: Kotlin treats Java methods with these names as operators, so Kotlin code writes
    // a * b + sin(c) on Real. Each one only delegates to the arithmetic above.

    /** Kotlin's {@code a + b}: this + b (delegates to {@link #add(Real)}). */
    default Real plus(Real b) {
        return add(b);
    }

    /** Kotlin's {@code a + b}: this + b (delegates to {@link #add(double)}). */
    default Real plus(double b) {
        return add(b);
    }

    /** Kotlin's {@code a - b}: this − b (delegates to {@link #subtract(Real)}). */
    default Real minus(Real b) {
        return subtract(b);
    }

    /** Kotlin's {@code a - b}: this − b (delegates to {@link #subtract(double)}). */
    default Real minus(double b) {
        return subtract(b);
    }

    /** Kotlin's {@code a * b}: this · b (delegates to {@link #multiply(Real)}). */
    default Real times(Real b) {
        return multiply(b);
    }

    /** Kotlin's {@code a * b}: this · b (delegates to {@link #multiply(double)}). */
    default Real times(double b) {
        return multiply(b);
    }

    /** Kotlin's {@code a / b}: this / b (delegates to {@link #divide(Real)}). */
    default Real div(Real b) {
        return divide(b);
    }

    /** Kotlin's {@code a / b}: this / b (delegates to {@link #divide(double)}). */
    default Real div(double b) {
        return divide(b);
    }

    /** Kotlin's {@code -a}: −this (delegates to {@link #negate()}). */
    default Real unaryMinus() {
        return negate();
    }
}
