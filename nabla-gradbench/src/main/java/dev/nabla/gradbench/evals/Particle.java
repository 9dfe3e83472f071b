package dev.nabla.gradbench.evals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nabla.core.ad.Real;
import dev.nabla.core.ad.RealFunction;
import dev.nabla.gradbench.Eval;
import dev.nabla.gradbench.InputException;
import dev.nabla.gradbench.Inputs;

/**
 * GradBench {@code particle}: a unit charge starts at (0, 8) with velocity (0.75, 0) in the field of unit
 * charges at (10, 10 − w) and (10, 0); naive Euler steps (Δt = 0.1) with acceleration −∇ₓp,
 * p(x) = Σ 1/‖x − cᵢ‖, until it crosses y = 0; linear interpolation gives x(t_f), and w is chosen by
 * {@link GradientDescent} to minimise x₀(t_f)². The inner gradient ∇ₓp is taken inside the differentiated
 * simulation (nested AD); the function name picks the modes: first letter outer (argmin), second inner (Euler).
 */
public final class Particle implements Eval {
    static final double DT = 0.1;
    /** A bound on the Euler steps, so that a particle that never lands fails instead of hanging. */
    static final int MAX_STEPS = 10_000_000;

    /** x₀(t_f)² as a function of w. */
    static Real landing(Real w, Mode innerMode) {
        Real ten = w.constant(10);
        Real[][] charges = {{ten, w.negate().add(10)}, {ten, w.constant(0)}};
        RealFunction potential = x -> {
            Real p = null;
            for (Real[] c : charges) {
                Real term = x[0].subtract(c[0]).hypot(x[1].subtract(c[1])).reciprocal();
                p = p == null ? term : p.add(term);
            }
            return p;
        };
        Real[] x = {w.constant(0), w.constant(8)};
        Real[] velocity = {w.constant(0.75), w.constant(0)};
        for (int step = 0; step < MAX_STEPS; step++) {
            Real[] slope = innerMode.gradient(potential, x); // ∇p; the acceleration is −∇p
            x = new Real[] {x[0].add(velocity[0].multiply(DT)), x[1].add(velocity[1].multiply(DT))};
            if (x[1].value() <= 0) {
                Real dtf = x[1].negate().divide(velocity[1]);
                Real landingX = x[0].add(dtf.multiply(velocity[0]));
                return landingX.square();
            }
            velocity = new Real[] {velocity[0].subtract(slope[0].multiply(DT)), velocity[1].subtract(slope[1].multiply(DT))};
        }
        throw new ArithmeticException("the particle did not reach y = 0 in " + MAX_STEPS + " steps");
    }

    static double solve(double w0, Mode outer, Mode innerMode) {
        RealFunction f = w -> landing(w[0], innerMode);
        GradientDescent.Objective objective = new GradientDescent.Objective() {
            @Override
            public Real value(Real[] w) {
                return f.apply(w);
            }

            @Override
            public Real[] gradient(Real[] w) {
                return outer.gradient(f, w);
            }
        };
        return GradientDescent.argmin(objective, Plain.reals(w0))[0].value();
    }

    @Override
    public String module() {
        return "particle";
    }

    @Override
    public Computation prepare(String function, JsonNode input) {
        double w = Inputs.number(input, "w");
        if (!function.matches("[fr][fr]")) {
            throw new InputException("unknown function '" + function + "' (expected ff, fr, rf or rr)");
        }
        Mode outer = Mode.of(function.charAt(0));
        Mode inner = Mode.of(function.charAt(1));
        return Eval.direct(() -> solve(w, outer, inner));
    }
}
