package dev.nabla.core;

import dev.nabla.core.field.DifferentiableScalarField;
import dev.nabla.core.field.Gradient;
import dev.nabla.core.field.Kink;
import dev.nabla.core.field.ScalarField;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/** Hand-written fields for tests (the AD engine and formulas are other helpers' modules). */
public final class TestFields {
    private TestFields() {
    }

    /** A differentiable field from a value and a gradient function; smooth everywhere. */
    public static DifferentiableScalarField of(int n, ScalarField f, Function<double[], double[]> gradient) {
        return of(n, f, gradient, x -> false);
    }

    /** As {@link #of(int, ScalarField, Function)}, reporting a kink wherever {@code isKink} holds. */
    public static DifferentiableScalarField of(int n, ScalarField f, Function<double[], double[]> gradient,
                                               Predicate<double[]> isKink) {
        return new DifferentiableScalarField() {
            @Override
            public double value(double[] x) {
                return f.value(x);
            }

            @Override
            public int dimension() {
                return n;
            }

            @Override
            public Gradient valueAndGradient(double[] x) {
                List<Kink> kinks = isKink.test(x) ? List.of(new Kink("test", "kink at the point")) : List.of();
                return new Gradient(x, f.value(x), gradient.apply(x), kinks);
            }

            @Override
            public double[] hessianVectorProduct(double[] x, double[] v) {
                throw new UnsupportedOperationException("not needed in these tests");
            }
        };
    }
}
