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
 * <p>Non-smooth operations ({@link #abs}, {@link #max}, {@link #min}, {@link #sign}) follow the one-sided
 * convention documented on each method and record a kink when evaluated exactly at their switching point.
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

    Real sqrt();

    Real cbrt();

    Real exp();

    /** Natural logarithm. */
    Real log();

    Real sin();

    Real cos();

    Real tan();

    Real asin();

    Real acos();

    Real atan();

    Real sinh();

    Real cosh();

    Real tanh();

    Real asinh();

    Real acosh();

    Real atanh();

    /** atan2(this, x): the angle of the point (x, this). */
    Real atan2(Real x);

    /** sqrt(this² + b²) without overflow. */
    Real hypot(Real b);

    /** |this|; derivative sign(this), and 0 (= sign(0), the table's convention) at 0, recording a kink. */
    Real abs();

    /** sign(this) ∈ {−1, 0, 1}; derivative 0, recording a kink at 0. */
    Real sign();

    /** max(this, b); at a tie the derivative follows this (the first argument), recording a kink. */
    Real max(Real b);

    /** min(this, b); at a tie the derivative follows this (the first argument), recording a kink. */
    Real min(Real b);

    /** p(this) for a unary primitive p of the table ({@link Primitive}). */
    default Real apply(Primitive p) {
        return switch (p) {
            case NEGATE -> negate();
            case EXP -> exp();
            case LOG -> log();
            case SQRT -> sqrt();
            case CBRT -> cbrt();
            case SIN -> sin();
            case COS -> cos();
            case TAN -> tan();
            case SEC -> cos().reciprocal();
            case CSC -> sin().reciprocal();
            case COT -> cos().divide(sin());
            case ASIN -> asin();
            case ACOS -> acos();
            case ATAN -> atan();
            case SINH -> sinh();
            case COSH -> cosh();
            case TANH -> tanh();
            case ASINH -> asinh();
            case ACOSH -> acosh();
            case ATANH -> atanh();
            case ABS -> abs();
            case SIGN -> sign();
            case LOG10 -> log().divide(Math.log(10));
            case LOG2 -> log().divide(Math.log(2));
            default -> throw new IllegalArgumentException(p + " is not a unary primitive of Real");
        };
    }

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
