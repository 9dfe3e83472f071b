package dev.nabla.core.prim;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/**
 * A kind of number the rules of the {@link Primitive} table act on: doubles ({@link Doubles}), the numbers of
 * automatic differentiation, symbolic expressions. A rule written once against {@code Algebra<T>} yields a
 * double in one engine and an expression in another, so the engines cannot disagree.
 *
 * @param <T> the numbers
 */
public interface Algebra<T> {

    /** The constant c. */
    T constant(double c);

    /**
     * The exact rational constant p/q (q &gt; 0), as a formula typed it (1/3, 0.1 = 1/10). Algebras that can hold
     * it exactly, or enclose it, override this; the default is the double nearest to p/q (rounded through 60 significant digits).
     */
    default T exact(BigInteger p, BigInteger q) {
        return constant(new BigDecimal(p).divide(new BigDecimal(q), new MathContext(60)).doubleValue());
    }

    T add(T a, T b);

    T subtract(T a, T b);

    T multiply(T a, T b);

    T divide(T a, T b);

    T negate(T a);

    /** p(a) for a unary primitive p. */
    T apply(Primitive p, T a);

    /** p(a, b) for a binary primitive p. */
    T apply(Primitive p, T a, T b);

    /** π (a named constant where the algebra has one, so that rules print as written). */
    default T pi() {
        return constant(Math.PI);
    }

    /**
     * a^p for a constant exponent p (a formula's x^2): {@code apply(POW, a, constant(p))}, unless the kind has a
     * rule of its own (the numbers of automatic differentiation take no derivative with respect to p, so a
     * negative base is allowed).
     */
    default T pow(T a, double p) {
        return apply(Primitive.POW, a, constant(p));
    }

    /** a ≥ b ? then : otherwise (the selection the rules of max and min need). */
    T ifAtLeast(T a, T b, T then, T otherwise);
}
