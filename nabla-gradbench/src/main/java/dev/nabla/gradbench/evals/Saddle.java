package dev.nabla.gradbench.evals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nabla.core.ad.Real;
import dev.nabla.core.ad.RealFunction;
import dev.nabla.gradbench.Eval;
import dev.nabla.gradbench.InputException;
import dev.nabla.gradbench.Inputs;

/**
 * GradBench {@code saddle}: min over p₁ of max over p₂ of f(p₁, p₂) = (p₁₀² + p₁₁²) − (p₂₀² + p₂₁²), both by
 * {@link GradientDescent} from the start point s, then max over p₂ of f(p₁*, p₂) from s; the output is
 * (p₁*, p₂*). The outer gradient differentiates through the inner gradient descent (nested AD); the function
 * name picks the modes: first letter outer, second letter inner ({@code ff}, {@code fr}, {@code rf},
 * {@code rr}), and the final argmax uses the inner mode.
 */
public final class Saddle implements Eval {

    static Real f(Real[] p1, Real[] p2) {
        return p1[0].square().add(p1[1].square()).subtract(p2[0].square().add(p2[1].square()));
    }

    /** p₂ ↦ f(p₁, p₂) for a fixed p₁, with its gradient in the given mode. */
    static GradientDescent.Objective inner(Real[] p1, Mode mode) {
        RealFunction g = p2 -> f(p1, p2);
        return new GradientDescent.Objective() {
            @Override
            public Real value(Real[] p2) {
                return g.apply(p2);
            }

            @Override
            public Real[] gradient(Real[] p2) {
                return mode.gradient(g, p2);
            }
        };
    }

    /** max over p₂ of f(p₁, p₂), found from s. */
    static Real maxOver(Real[] p1, double[] start, Mode innerMode) {
        Real[] s = {p1[0].constant(start[0]), p1[0].constant(start[1])};
        return f(p1, GradientDescent.argmax(inner(p1, innerMode), s));
    }

    static double[] solve(double[] start, Mode outer, Mode innerMode) {
        RealFunction m = p1 -> maxOver(p1, start, innerMode);
        GradientDescent.Objective outerObjective = new GradientDescent.Objective() {
            @Override
            public Real value(Real[] p1) {
                return m.apply(p1);
            }

            @Override
            public Real[] gradient(Real[] p1) {
                return outer.gradient(m, p1);
            }
        };
        Real[] p1 = GradientDescent.argmin(outerObjective, Plain.reals(start));
        Real[] p2 = GradientDescent.argmax(inner(p1, innerMode), Plain.reals(start));
        return new double[] {p1[0].value(), p1[1].value(), p2[0].value(), p2[1].value()};
    }

    @Override
    public String module() {
        return "saddle";
    }

    @Override
    public Computation prepare(String function, JsonNode input) {
        double[] start = Inputs.vector(Inputs.field(input, "start"), "'start'", 2);
        if (!function.matches("[fr][fr]")) {
            throw new InputException("unknown function '" + function + "' (expected ff, fr, rf or rr)");
        }
        Mode outer = Mode.of(function.charAt(0));
        Mode inner = Mode.of(function.charAt(1));
        return Eval.direct(() -> solve(start, outer, inner));
    }
}
