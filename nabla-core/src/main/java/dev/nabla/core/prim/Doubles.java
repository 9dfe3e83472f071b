package dev.nabla.core.prim;

/** The table's rules over doubles, IEEE arithmetic: the algebra against which the double-specialised rules are proved. */
public final class Doubles implements Algebra<Double> {
    /** The one instance. */
    public static final Doubles ALGEBRA = new Doubles();

    private Doubles() {
    }

    @Override
    public Double constant(double c) {
        return c;
    }

    @Override
    public Double add(Double a, Double b) {
        return a + b;
    }

    @Override
    public Double subtract(Double a, Double b) {
        return a - b;
    }

    @Override
    public Double multiply(Double a, Double b) {
        return a * b;
    }

    @Override
    public Double divide(Double a, Double b) {
        return a / b;
    }

    @Override
    public Double negate(Double a) {
        return -a;
    }

    @Override
    public Double apply(Primitive p, Double a) {
        return p.value(a, 0);
    }

    @Override
    public Double apply(Primitive p, Double a, Double b) {
        return p.value(a, b);
    }

    @Override
    public Double ifAtLeast(Double a, Double b, Double then, Double otherwise) {
        return a >= b ? then : otherwise;
    }
}
