package dev.nabla.symbolic.expr;

import dev.nabla.core.prim.Algebra;
import dev.nabla.core.prim.Primitive;

/**
 * Expressions as an {@link Algebra}: the table's rules applied to expressions build the symbolic derivatives
 * (the partial of sin(u) is the table's rule for sin evaluated on the expression u), canonical through the
 * factories of {@link Expr}.
 */
public final class ExprAlgebra implements Algebra<Expr> {
    /** The one instance. */
    public static final ExprAlgebra INSTANCE = new ExprAlgebra();

    private ExprAlgebra() {
    }

    @Override
    public Expr constant(double c) {
        return Expr.number(c);
    }

    /** The exact rational p/q: rules and evaluations keep rational constants exact. */
    @Override
    public Expr exact(java.math.BigInteger p, java.math.BigInteger q) {
        return Expr.number(Rational.of(p, q));
    }

    /** The named constant pi. */
    @Override
    public Expr pi() {
        return Expr.PI;
    }

    @Override
    public Expr add(Expr a, Expr b) {
        return Expr.add(a, b);
    }

    @Override
    public Expr subtract(Expr a, Expr b) {
        return Expr.subtract(a, b);
    }

    @Override
    public Expr multiply(Expr a, Expr b) {
        return Expr.multiply(a, b);
    }

    @Override
    public Expr divide(Expr a, Expr b) {
        return Expr.divide(a, b);
    }

    @Override
    public Expr negate(Expr a) {
        return Expr.negate(a);
    }

    @Override
    public Expr apply(Primitive p, Expr a) {
        if (p == Primitive.NEGATE) {
            return Expr.negate(a);
        }
        return Expr.call(function(p), a);
    }

    @Override
    public Expr apply(Primitive p, Expr a, Expr b) {
        return switch (p) {
            case ADD -> Expr.add(a, b);
            case SUBTRACT -> Expr.subtract(a, b);
            case MULTIPLY -> Expr.multiply(a, b);
            case DIVIDE -> Expr.divide(a, b);
            case POW -> Expr.power(a, b);
            default -> Expr.call(function(p), a, b);
        };
    }

    /** if(a >= b, then, otherwise). */
    @Override
    public Expr ifAtLeast(Expr a, Expr b, Expr then, Expr otherwise) {
        return Expr.ifThenElse(Expr.compare(Relation.GE, a, b), then, otherwise);
    }

    private static Function function(Primitive p) {
        return Function.of(p).orElseThrow(() -> new IllegalArgumentException(p + " has no name in the language"));
    }
}
