package dev.nabla.gradbench.evals;

import dev.nabla.core.ad.AD;
import dev.nabla.core.ad.RealFunction;
import dev.nabla.core.ad.ReverseGradient;
import dev.nabla.gradbench.Eval;

import java.util.function.Function;

/** Timed computations of a scalar Real program: its value with plain doubles, its gradient by reverse mode. */
final class Scalar {
    private Scalar() {
    }

    /** f(x) with plain doubles. */
    static Eval.Computation value(RealFunction f, double[] x) {
        return Eval.direct(() -> AD.value(f, x));
    }

    /** ∇f(x) by one reverse pass on a reusable tape; {@code encode} turns the gradient into the eval's output. */
    static Eval.Computation gradient(RealFunction f, double[] x, Function<double[], Object> encode) {
        ReverseGradient tape = AD.gradientOf(f, x.length);
        double[] gradient = new double[x.length];
        return new Eval.Computation() {
            @Override
            public Object run() {
                tape.valueAndGradient(x, gradient);
                return gradient;
            }

            @Override
            public Object output(Object result) {
                return encode.apply((double[]) result);
            }
        };
    }
}
