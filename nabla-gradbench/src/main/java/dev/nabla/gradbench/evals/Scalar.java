package dev.nabla.gradbench.evals;

import dev.nabla.core.ad.AD;
import dev.nabla.core.ad.RealFunction;
import dev.nabla.core.ad.ReverseGradient;
import dev.nabla.core.ir.VecFunction;
import dev.nabla.core.run.Compiled;
import dev.nabla.gradbench.Eval;

import java.util.function.Function;

/**
 * Timed computations of a scalar function: its value with plain doubles, its gradient by reverse mode; on the
 * eager tape for a function on {@code Real[]}, compiled ({@link Compiled}) for a function on a vector.
 */
final class Scalar {
    private Scalar() {
    }

    /** f(x) with plain doubles. */
    static Eval.Computation value(RealFunction f, double[] x) {
        return Eval.direct(() -> AD.value(f, x));
    }

    /** ∇f(x) by one reverse pass on a reusable tape; {@code encode} turns the gradient into the eval's output. */
    static Eval.Computation gradient(RealFunction f, double[] x, Function<double[], Object> encode) {
        return gradient(AD.gradientOf(f, x.length), x, encode);
    }

    /** f(x) by the compiled program of f (traced and compiled here, untimed). */
    static Eval.Computation value(VecFunction f, double[] x) {
        Compiled.Value value = Compiled.value(f, x.length);
        return Eval.direct(() -> value.value(x));
    }

    /** ∇f(x) by the compiled reverse-mode program of f (traced, transformed and compiled here, untimed). */
    static Eval.Computation gradient(VecFunction f, double[] x, Function<double[], Object> encode) {
        return gradient(Compiled.grad(f, x.length), x, encode);
    }

    private static Eval.Computation gradient(ReverseGradient reverse, double[] x, Function<double[], Object> encode) {
        double[] gradient = new double[x.length];
        return new Eval.Computation() {
            @Override
            public Object run() {
                reverse.valueAndGradient(x, gradient);
                return gradient;
            }

            @Override
            public Object output(Object result) {
                return encode.apply((double[]) result);
            }
        };
    }
}
