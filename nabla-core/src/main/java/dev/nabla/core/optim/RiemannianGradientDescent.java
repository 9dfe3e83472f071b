package dev.nabla.core.optim;

import dev.nabla.core.field.DifferentiableScalarField;
import dev.nabla.core.field.Gradient;
import dev.nabla.core.field.Vectors;
import dev.nabla.core.geometry.Manifold;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Steepest descent on a manifold M: x_{k+1} = R_{x_k}(−α_k grad f(x_k)), where grad f = P_x ∇f is the
 * Riemannian gradient (the Euclidean gradient projected onto the tangent space) and α_k comes from Armijo
 * backtracking along the retraction: f(R_x(−α grad f)) ≤ f(x) − c1 α ‖grad f‖². A starting point off M is
 * first mapped onto it with {@link Manifold#projectOnto}.
 *
 * @param manifold    M
 * @param lineSearch  Armijo backtracking along the retraction
 * @param termination tolerance on ‖grad f‖ and iteration limit
 */
public record RiemannianGradientDescent(Manifold manifold, ArmijoBacktracking lineSearch, Termination termination) {

    /**
     * Armijo with its defaults, ‖grad f‖ ≤ 1e-8 within 10 000 iterations.
     *
     * @param manifold the constraint set the iterates stay on
     */
    public RiemannianGradientDescent(Manifold manifold) {
        this(manifold, ArmijoBacktracking.DEFAULT, Termination.DEFAULT);
    }

    /**
     * Minimises f restricted to M from x0.
     *
     * @param f the objective
     * @param x0 the starting point
     * @return the last point, why the run stopped, and every iterate
     */
    public OptimizationResult minimize(DifferentiableScalarField f, double[] x0) {
        return minimize(f, x0, it -> { });
    }

    /**
     * Minimises f restricted to M from x0, telling the listener about every accepted iterate.
     *
     * @param f the objective
     * @param x0 the starting point
     * @param listener called with every accepted iterate (the starting point first)
     * @return the last point, why the run stopped, and every iterate
     */
    public OptimizationResult minimize(DifferentiableScalarField f, double[] x0, Consumer<Iterate> listener) {
        PathRecorder.requireDimension(f, x0);
        if (x0.length != manifold.ambientDimension()) {
            throw new IllegalArgumentException("the starting point has " + x0.length + " coordinates but the manifold lives in R^"
                    + manifold.ambientDimension());
        }
        CountingField field = new CountingField(f);
        PathRecorder recorder = new PathRecorder("Riemannian gradient descent (" + lineSearch.name() + ")", field, listener);
        double[] x = manifold.projectOnto(x0);
        Gradient g = field.valueAndGradient(x);
        double[] rgrad = manifold.riemannianGradient(x, g.gradient());
        double norm = Vectors.norm(rgrad);
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
            double slope = -norm * norm;
            Optional<Trial> step = lineSearch.search(
                    SearchPath.retraction(field, manifold, x, Vectors.scale(-1, rgrad)), g.value(), slope);
            if (step.isEmpty()) {
                return recorder.finish(StopReason.LINE_SEARCH_FAILURE);
            }
            x = step.get().point();
            g = field.valueAndGradient(x);
            rgrad = manifold.riemannianGradient(x, g.gradient());
            norm = Vectors.norm(rgrad);
            recorder.record(x, g.value(), norm, step.get().alpha(), slope);
        }
    }
}
