package dev.nabla.gradbench.evals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nabla.core.ad.Real;
import dev.nabla.core.ad.RealFunction;
import dev.nabla.core.ad.Reals;
import dev.nabla.gradbench.Eval;
import dev.nabla.gradbench.InputException;
import dev.nabla.gradbench.Inputs;

/**
 * GradBench {@code llsq}: y(x) = ½ Σᵢ (sᵢ − Σⱼ xⱼ tᵢʲ)² with tᵢ = −1 + 2i/(n − 1) and sᵢ = sign(tᵢ), i &lt; n.
 * The powers tᵢʲ form a constant n × m matrix T (built once per input), so the residual is one
 * matrix-vector tape entry: y = ½ ‖T x − s‖².
 */
public final class Llsq implements Eval {

    static double t(int i, int n) {
        return -1 + i * 2.0 / (n - 1.0);
    }

    /** The objective for a given n and m = x.length. */
    static RealFunction objective(int n, int m) {
        double[][] powers = new double[n][m];
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            double ti = t(i, n);
            s[i] = Math.signum(ti);
            double mul = 1;
            for (int j = 0; j < m; j++) {
                powers[i][j] = mul;
                mul *= ti;
            }
        }
        return x -> {
            Real[] residual = Reals.matVec(powers, x);
            for (int i = 0; i < n; i++) {
                residual[i] = residual[i].subtract(s[i]);
            }
            return Reals.squaredNorm(residual).multiply(0.5);
        };
    }

    @Override
    public String module() {
        return "llsq";
    }

    @Override
    public Computation prepare(String function, JsonNode input) {
        double[] x = Inputs.vector(input, "x");
        int n = Inputs.integer(input, "n");
        Inputs.require(n >= 2 && x.length > 0, "need n >= 2 and a non-empty x");
        Inputs.require((long) n * x.length <= 200_000_000L, "n * m too large");
        RealFunction y = objective(n, x.length);
        return switch (function) {
            case "primal" -> Scalar.value(y, x);
            case "gradient" -> Scalar.gradient(y, x, g -> g);
            default -> throw new InputException("unknown function '" + function + "' (expected primal or gradient)");
        };
    }
}
