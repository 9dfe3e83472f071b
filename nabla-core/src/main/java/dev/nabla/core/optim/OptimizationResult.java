package dev.nabla.core.optim;

import java.util.List;

/**
 * The outcome of a descent run: the whole path x_0, x_1, …, the stop reason and the evaluation counts.
 *
 * @param method              the method, e.g. "gradient descent (Armijo)", "L-BFGS (m = 10)"
 * @param path                the iterates, starting point first
 * @param stopReason          why the run stopped
 * @param valueEvaluations    f evaluations in total (including those of a failed last line search)
 * @param gradientEvaluations ∇f evaluations in total
 */
public record OptimizationResult(String method, List<Iterate> path, StopReason stopReason,
                                 long valueEvaluations, long gradientEvaluations) {

    /**
     * The canonical constructor (it checks and copies the components as the record requires).
     *
     * @param method              the method, e.g. "gradient descent (Armijo)", "L-BFGS (m = 10)"
     * @param path                the iterates, starting point first
     * @param stopReason          why the run stopped
     * @param valueEvaluations    f evaluations in total (including those of a failed last line search)
     * @param gradientEvaluations ∇f evaluations in total
     */
    public OptimizationResult {
        path = List.copyOf(path);
        if (path.isEmpty()) {
            throw new IllegalArgumentException("a path has at least its starting point");
        }
    }

    /**
     * The last iterate.
     *
     * @return the final iterate
     */
    public Iterate last() {
        return path.get(path.size() - 1);
    }

    /**
     * The last point x_k.
     *
     * @return the final point x_k
     */
    public double[] point() {
        return last().point();
    }

    /**
     * f(x_k) at the last point.
     *
     * @return f(x_k)
     */
    public double value() {
        return last().value();
    }

    /**
     * The number of accepted steps k.
     *
     * @return k, the accepted steps
     */
    public int iterations() {
        return path.size() - 1;
    }

    /**
     * True when the run stopped at its tolerance (gradient or stationarity).
     *
     * @return true when the run stopped at its tolerance
     */
    public boolean converged() {
        return stopReason == StopReason.GRADIENT_TOLERANCE || stopReason == StopReason.STATIONARITY_TOLERANCE;
    }

    /**
     * True when every accepted step satisfied the Armijo condition with constant c1.
     *
     * @param c1 the sufficient-decrease constant
     * @return whether every accepted step decreased f enough
     */
    public boolean armijoHoldsAtEveryStep(double c1) {
        for (int k = 1; k < path.size(); k++) {
            if (!path.get(k).satisfiesArmijo(path.get(k - 1).value(), c1)) {
                return false;
            }
        }
        return true;
    }
}
