package dev.nabla.core.optim;

/**
 * When a descent run stops: at ‖∇f(x_k)‖ ≤ gradientTolerance, or after maxIterations steps.
 *
 * @param gradientTolerance the stationarity target (default 1e-8)
 * @param maxIterations     the iteration limit (default 10 000)
 */
public record Termination(double gradientTolerance, int maxIterations) {

    /** ‖∇f‖ ≤ 1e-8 within 10 000 iterations. */
    public static final Termination DEFAULT = new Termination(1e-8, 10_000);

    /**
     * The canonical constructor (it checks and copies the components as the record requires).
     *
     * @param gradientTolerance the stationarity target (default 1e-8)
     * @param maxIterations     the iteration limit (default 10 000)
     */
    public Termination {
        if (!(gradientTolerance >= 0) || maxIterations < 0) {
            throw new IllegalArgumentException("need gradientTolerance ≥ 0 and maxIterations ≥ 0, got "
                    + gradientTolerance + ", " + maxIterations);
        }
    }
}
