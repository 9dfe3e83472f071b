package dev.nabla.core.optim;

import dev.nabla.core.field.DifferentiableScalarField;
import dev.nabla.core.field.Gradient;
import dev.nabla.core.field.Vectors;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Steepest descent: x_{k+1} = x_k − α_k ∇f(x_k), with α_k from a line search (Armijo backtracking by
 * default; the first-order model predicts the decrease α‖∇f‖², the Armijo condition demands c1 of it).
 *
 * @param lineSearch  {@link ArmijoBacktracking} or {@link StrongWolfe}
 * @param termination tolerance and iteration limit
 */
public record GradientDescent(LineSearch lineSearch, Termination termination) {

    /** Armijo backtracking with its documented defaults, ‖∇f‖ ≤ 1e-8 within 10 000 iterations. */
    public GradientDescent() {
        this(ArmijoBacktracking.DEFAULT, Termination.DEFAULT);
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
     * Minimises f from x0, telling the listener about every iterate as it is accepted (progress display).
     *
     * @param f the objective
     * @param x0 the starting point
     * @param listener called with every accepted iterate (the starting point first)
     * @return the last point, why the run stopped, and every iterate
     */
    public OptimizationResult minimize(DifferentiableScalarField f, double[] x0, Consumer<Iterate> listener) {
        PathRecorder.requireDimension(f, x0);
        CountingField field = new CountingField(f);
        PathRecorder recorder = new PathRecorder("gradient descent (" + lineSearch.name() + ")", field, listener);
        double[] x = x0.clone();
        Gradient g = field.valueAndGradient(x);
        double norm = Vectors.norm(g.gradient());
        recorder.record(x, g.value(), norm, 0, Double.NaN);
        for (int k = 0; ; k++) {
            if (!PathRecorder.finite(g.value(), norm)) {
                return recorder.finish(StopReason.NON_FINITE_VALUE);
            }
            if (norm <= termination.gradientTolerance()) {
                return recorder.finish(StopReason.GRADIENT_TOLERANCE);
            }
            if (k == termination.maxIterations()) {
                return recorder.finish(StopReason.ITERATION_LIMIT);
            }
            double[] d = Vectors.scale(-1, g.gradient());
            double slope = -norm * norm;
            Optional<Trial> step = lineSearch.search(SearchPath.line(field, x, d), g.value(), slope);
            if (step.isEmpty()) {
                return recorder.finish(StopReason.LINE_SEARCH_FAILURE);
            }
            x = step.get().point();
            g = field.valueAndGradient(x);
            norm = Vectors.norm(g.gradient());
            recorder.record(x, g.value(), norm, step.get().alpha(), slope);
        }
    }
}
