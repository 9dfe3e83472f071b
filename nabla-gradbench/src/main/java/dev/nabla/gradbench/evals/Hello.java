package dev.nabla.gradbench.evals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nabla.core.ad.AD;
import dev.nabla.core.ad.RealFunction;
import dev.nabla.gradbench.Eval;
import dev.nabla.gradbench.InputException;
import dev.nabla.gradbench.Inputs;

/** GradBench {@code hello}: {@code square} f(x) = x², and {@code double}, its derivative 2x, by reverse mode. */
public final class Hello implements Eval {
    static final RealFunction SQUARE = x -> x[0].square();

    @Override
    public String module() {
        return "hello";
    }

    @Override
    public Computation prepare(String function, JsonNode input) {
        double x = Inputs.asNumber(input == null ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : input, "input");
        double[] point = {x};
        return switch (function) {
            case "square" -> Eval.direct(() -> AD.value(SQUARE, point));
            case "double" -> Eval.direct(() -> AD.grad(SQUARE, point)[0]);
            default -> throw new InputException("unknown function '" + function + "' (expected square or double)");
        };
    }
}
