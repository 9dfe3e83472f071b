package dev.nabla.gradbench.evals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nabla.core.ad.Real;
import dev.nabla.core.ad.RealFunction;
import dev.nabla.core.ad.Reals;
import dev.nabla.core.ir.Loops;
import dev.nabla.core.ir.VecFunction;
import dev.nabla.gradbench.Eval;
import dev.nabla.gradbench.InputException;
import dev.nabla.gradbench.Inputs;

/**
 * GradBench {@code lse}: LSE(x) = a + log Σᵢ exp(xᵢ − a) with a = max x, written from its primitive elements
 * (a running maximum, a sum), not with a built-in log-sum-exp; {@code gradient} is ∇LSE by reverse mode, on
 * the tape or as a compiled program ({@link Engine}).
 */
public final class Lse implements Eval {
    private final Engine engine;

    public Lse(Engine engine) {
        this.engine = engine;
    }

    public Lse() {
        this(Engine.PROGRAM);
    }

    /** The same LSE on a vector, with its two loops as {@link Loops#fori} loops: traced once, compiled. */
    static final VecFunction LSE_PROGRAM = x -> {
        Real a = Loops.fori(1, x.size(), x.get(0), (i, m) -> m.max(x.get(i)));
        Real sum = Loops.fori(0, x.size(), 0.0, (i, s) -> s.add(x.get(i).subtract(a).exp()));
        return sum.log().add(a);
    };

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
        boolean program = engine == Engine.PROGRAM;
        return switch (function) {
            case "primal" -> program ? Scalar.value(LSE_PROGRAM, x) : Scalar.value(LSE, x);
            case "gradient" -> program ? Scalar.gradient(LSE_PROGRAM, x, g -> g) : Scalar.gradient(LSE, x, g -> g);
            default -> throw new InputException("unknown function '" + function + "' (expected primal or gradient)");
        };
    }
}
