package dev.nabla.core.optim;

/** Why a descent run stopped. */
public enum StopReason {
    /** ‖∇f‖ (or the Riemannian gradient's norm) fell to the tolerance: a stationary point to that accuracy. */
    GRADIENT_TOLERANCE,
    /** Gradient sampling: the sampled minimum-norm Clarke element fell to the tolerance at the smallest radius. */
    STATIONARITY_TOLERANCE,
    /** The iteration limit was reached first. */
    ITERATION_LIMIT,
    /**
     * The line search found no acceptable step: no sufficient decrease within its budget, or the decrease it
     * must demand is below the rounding of f (the precision floor of value-based line searches).
     */
    LINE_SEARCH_FAILURE,
    /** f or ∇f was infinite or NaN at an iterate (the starting point included). */
    NON_FINITE_VALUE
}
