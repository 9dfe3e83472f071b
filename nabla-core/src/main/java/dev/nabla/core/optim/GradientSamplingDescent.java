package dev.nabla.core.optim;

import dev.nabla.core.field.DifferentiableScalarField;
import dev.nabla.core.nonsmooth.GradientSampling;
import dev.nabla.core.nonsmooth.SampledSubdifferential;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Gradient-sampling descent for non-smooth (locally Lipschitz) objectives, after Burke, Lewis and Overton
 * (2005). At x_k with radius ε_k it samples gradients at x_k and at m random points of B(x_k, ε_k)
 * ({@link GradientSampling}), takes the minimum-norm element g* of their convex hull — an approximation of
 * the minimum-norm element of the Clarke ε-subdifferential — and
 * <ul>
 *   <li>if ‖g*‖ ≤ ν (the termination tolerance): stops at ε_k ≤ ε_min (STATIONARITY_TOLERANCE), otherwise
 *       shrinks ε_{k+1} = θ ε_k and samples again;</li>
 *   <li>else steps along d = −g* / ‖g*‖ with Armijo backtracking on the model slope −‖g*‖:
 *       f(x + t d) ≤ f(x) − c1 t ‖g*‖ (the {@link Iterate#slope()} recorded is −‖g*‖); when no step is
 *       accepted the radius shrinks, and at ε_min the run stops with LINE_SEARCH_FAILURE.</li>
 * </ul>
 * Deterministic for a given seed. The iteration limit counts sampling rounds (steps and radius reductions);
 * {@link Iterate#gradientNorm()} is ‖g*‖ at the iterate's first sampling radius.
 *
 * @param samples         m, gradients sampled in the ball besides x (0: {@link GradientSampling#defaultSamples})
 * @param initialRadius   ε_0
 * @param radiusReduction θ ∈ (0, 1)
 * @param minimumRadius   ε_min
 * @param lineSearch      Armijo backtracking along d (c1 and ρ)
 * @param seed            the random generator's seed
 * @param termination     ν and the round limit
 */
public record GradientSamplingDescent(int samples, double initialRadius, double radiusReduction, double minimumRadius,
                                      ArmijoBacktracking lineSearch, long seed, Termination termination) {

    /** m = 2n + 10, ε_0 = 0.1, θ = 0.1, ε_min = 1e-6, Armijo defaults, seed 0, ν = 1e-6 within 1000 rounds. */
    public GradientSamplingDescent() {
        this(0, 0.1, 0.1, 1e-6, ArmijoBacktracking.DEFAULT, 0, new Termination(1e-6, 1000));
    }

    /**
     * The canonical constructor (it checks and copies the components as the record requires).
     *
     * @param samples         m, gradients sampled in the ball besides x (0: {@link GradientSampling#defaultSamples})
     * @param initialRadius   ε_0
     * @param radiusReduction θ ∈ (0, 1)
     * @param minimumRadius   ε_min
     * @param lineSearch      Armijo backtracking along d (c1 and ρ)
     * @param seed            the random generator's seed
     * @param termination     ν and the round limit
     */
    public GradientSamplingDescent {
        if (samples < 0 || !(initialRadius > 0) || !(radiusReduction > 0 && radiusReduction < 1)
                || !(minimumRadius > 0 && minimumRadius <= initialRadius)) {
            throw new IllegalArgumentException("gradient sampling needs samples ≥ 0, 0 < minimumRadius ≤ initialRadius and"
                    + " 0 < radiusReduction < 1; got " + samples + ", " + minimumRadius + ", " + initialRadius + ", "
                    + radiusReduction);
        }
    }

    /**
     * Minimises f from x0.
     *
     * @param f the objective
     * @param x0 the starting point
     * @return the last point, why the run stopped, and every iterate
     */
    public OptimizationResult minimize(DifferentiableScalarField f, double[] x0) {
        return minimize(f, x0, it -> { });
    }

    /**
     * Minimises f from x0, telling the listener about every accepted iterate.
     *
     * @param f the objective
     * @param x0 the starting point
     * @param listener called with every accepted iterate (the starting point first)
     * @return the last point, why the run stopped, and every iterate
     */
    public OptimizationResult minimize(DifferentiableScalarField f, double[] x0, Consumer<Iterate> listener) {
        PathRecorder.requireDimension(f, x0);
        CountingField field = new CountingField(f);
        PathRecorder recorder = new PathRecorder("gradient sampling (" + lineSearch.name() + ")", field, listener);
        SplittableRandom random = new SplittableRandom(seed);
        int m = samples == 0 ? GradientSampling.defaultSamples(x0.length) : samples;
        double[] x = x0.clone();
        double value = field.value(x);
        double radius = initialRadius;
        double stepSize = 0;
        double stepSlope = Double.NaN;
        boolean recorded = false;
        for (int round = 0; ; round++) {
            SampledSubdifferential sampled = GradientSampling.sample(field, x, radius, m, random);
            double norm = sampled.stationarity();
            if (!recorded) {
                recorder.record(x, value, norm, stepSize, stepSlope);
                recorded = true;
            }
            if (!PathRecorder.finite(value, norm)) {
                return recorder.finish(StopReason.NON_FINITE_VALUE);
            }
            if (norm <= termination.gradientTolerance()) {
                if (radius <= minimumRadius) {
                    return recorder.finish(StopReason.STATIONARITY_TOLERANCE);
                }
                radius = Math.max(minimumRadius, radius * radiusReduction);
                continue;
            }
            if (round >= termination.maxIterations()) {
                return recorder.finish(StopReason.ITERATION_LIMIT);
            }
            double slope = -norm;
            Optional<Trial> step = lineSearch.search(SearchPath.line(field, x, sampled.descentDirection()), value, slope);
            if (step.isEmpty()) {
                if (radius <= minimumRadius) {
                    return recorder.finish(StopReason.LINE_SEARCH_FAILURE);
                }
                radius = Math.max(minimumRadius, radius * radiusReduction);
                continue;
            }
            x = step.get().point();
            value = step.get().value();
            stepSize = step.get().alpha();
            stepSlope = slope;
            recorded = false;
        }
    }
}
