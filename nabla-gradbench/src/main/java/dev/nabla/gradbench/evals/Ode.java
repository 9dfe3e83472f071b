package dev.nabla.gradbench.evals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nabla.core.ad.Real;
import dev.nabla.core.ad.RealFunction;
import dev.nabla.core.ad.RealVectorFunction;
import dev.nabla.core.ad.Reals;
import dev.nabla.gradbench.Eval;
import dev.nabla.gradbench.InputException;
import dev.nabla.gradbench.Inputs;

/**
 * GradBench {@code ode}: y(2) for y₀′ = x₀, yᵢ′ = xᵢ yᵢ₋₁ (i &gt; 0), y(0) = 0, by s steps of classical
 * Runge–Kutta (h = 2/s); {@code primal} returns y(2), {@code gradient} returns ∇ₓ y_{n−1}(2) by reverse mode.
 * The stage updates y + c·k are single {@link Reals#axpy} tape entries.
 */
public final class Ode implements Eval {

    static RealVectorFunction solution(int steps) {
        return x -> {
            int n = x.length;
            Real zero = x[0].constant(0);
            double h = 2.0 / steps;
            Real half = x[0].constant(h / 2);
            Real full = x[0].constant(h);
            Real sixth = x[0].constant(h / 6);
            Real third = x[0].constant(h / 3);
            Real[] y = new Real[n];
            java.util.Arrays.fill(y, zero);
            for (int step = 0; step < steps; step++) {
                Real[] k1 = rate(x, y);
                Real[] k2 = rate(x, Reals.axpy(half, k1, y));
                Real[] k3 = rate(x, Reals.axpy(half, k2, y));
                Real[] k4 = rate(x, Reals.axpy(full, k3, y));
                y = Reals.axpy(sixth, k4, Reals.axpy(third, k3, Reals.axpy(third, k2, Reals.axpy(sixth, k1, y))));
            }
            return y;
        };
    }

    /** The right-hand side z₀ = x₀, zᵢ = xᵢ yᵢ₋₁. */
    private static Real[] rate(Real[] x, Real[] y) {
        Real[] z = new Real[x.length];
        z[0] = x[0];
        for (int i = 1; i < x.length; i++) {
            z[i] = x[i].multiply(y[i - 1]);
        }
        return z;
    }

    static RealFunction last(int steps) {
        RealVectorFunction y = solution(steps);
        return x -> {
            Real[] yf = y.apply(x);
            return yf[yf.length - 1];
        };
    }

    @Override
    public String module() {
        return "ode";
    }

    @Override
    public Computation prepare(String function, JsonNode input) {
        double[] x = Inputs.vector(input, "x");
        int s = Inputs.integer(input, "s");
        Inputs.require(x.length > 0 && s > 0, "need a non-empty x and s > 0");
        return switch (function) {
            case "primal" -> {
                RealVectorFunction y = solution(s);
                yield Eval.direct(() -> Plain.values(y, x));
            }
            case "gradient" -> Scalar.gradient(last(s), x, g -> g);
            default -> throw new InputException("unknown function '" + function + "' (expected primal or gradient)");
        };
    }
}
