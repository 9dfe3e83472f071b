package dev.nabla.core.check;

/** What the differentiability test concluded at a point (see {@link Differentiability}). */
public enum DifferentiabilityVerdict {
    /**
     * Every directional derivative tested exists (two-sided) and v ↦ D_v f is linear: D_v f = g·v. Numerical
     * evidence consistent with (Fréchet) differentiability, not a proof: a defect confined to a set of
     * directions of measure zero, or smaller than the smallest step, is invisible.
     */
    DIFFERENTIABLE,
    /**
     * Every directional derivative tested exists (two-sided) but v ↦ D_v f is not additive, so f is not
     * differentiable — the documents' x²y/(x²+y²) at the origin, where D_(a,b) f = a²b/(a²+b²).
     */
    DIRECTIONAL_NOT_LINEAR,
    /**
     * One-sided directional derivatives exist but differ along some direction (D_{−v} f ≠ −D_v f): a kink,
     * such as |x| at 0, ‖x‖ at 0, max(x, y) on x = y.
     */
    ONE_SIDED_ONLY,
    /** Along some direction even a one-sided limit of the difference quotient fails to exist. */
    NO_DIRECTIONAL_DERIVATIVE;

    /** True only for {@link #DIFFERENTIABLE}. */
    public boolean isDifferentiable() {
        return this == DIFFERENTIABLE;
    }
}
