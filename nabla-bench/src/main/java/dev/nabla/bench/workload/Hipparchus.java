package dev.nabla.bench.workload;

import java.util.function.Function;
import org.hipparchus.analysis.differentiation.Gradient;

/** The Hipparchus baseline: forward-mode {@link Gradient} numbers carrying all n partial derivatives. */
public final class Hipparchus {

    private Hipparchus() {
    }

    /** ∇f(x) by Hipparchus {@link Gradient}: every operation carries an n-vector (O(n) per operation). */
    public static double[] gradient(Function<Gradient[], Gradient> f, double[] x) {
        Gradient[] variables = new Gradient[x.length];
        for (int i = 0; i < x.length; i++) {
            variables[i] = Gradient.variable(x.length, i, x[i]);
        }
        return f.apply(variables).getGradient();
    }
}
