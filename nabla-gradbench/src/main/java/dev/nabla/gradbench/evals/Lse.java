package dev.nabla.gradbench.evals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nabla.core.ad.Real;
import dev.nabla.core.ad.RealFunction;
import dev.nabla.core.ad.Reals;
import dev.nabla.gradbench.Eval;
import dev.nabla.gradbench.InputException;
import dev.nabla.gradbench.Inputs;

/**
 * GradBench {@code lse}: LSE(x) = a + log Σᵢ exp(xᵢ − a) with a = max x, written from its primitive elements
 * (a running maximum, a sum), not with a built-in log-sum-exp; {@code gradient} is ∇LSE by reverse mode.
 */
public final class Lse implements Eval {

    /** The LSE program over reals. */
    static final RealFunction LSE = x -> {
        Real a = x[0];
        for (int i = 1; i < x.length; i++) {
            a = a.max(x[i]);
        }
        Real[] shifted = new Real[x.length];
        for (int i = 0; i < x.length; i++) {
            shifted[i] = x[i].subtract(a).exp();
        }
        return Reals.sum(shifted).log().add(a);
    };

    @Override
    public String module() {
        return "lse";
    }

    @Override
    public Computation prepare(String function, JsonNode input) {
        double[] x = Inputs.vector(input, "x");
        Inputs.require(x.length > 0, "'x' must not be empty");
        return switch (function) {
            case "primal" -> Scalar.value(LSE, x);
            case "gradient" -> Scalar.gradient(LSE, x, g -> g);
            default -> throw new InputException("unknown function '" + function + "' (expected primal or gradient)");
        };
    }
}
