package dev.nabla.core.optim;

import java.util.Optional;

/** A rule that picks a step α along a search path from x, given φ(0) = f(x) and the slope φ'(0) &lt; 0. */
public interface LineSearch {

    /**
     * An accepted trial, or empty when no acceptable step was found (then the run stops).
     *
     * @param path α ↦ p(α), the points tried
     * @param value0 φ(0) = f(x)
     * @param slope0 φ'(0) &lt; 0, the slope at the start
     * @return the accepted trial, or empty when none was found
     */
    Optional<Trial> search(SearchPath path, double value0, double slope0);

    /**
     * c1 of the sufficient-decrease (Armijo) condition φ(α) ≤ φ(0) + c1 α φ'(0) every accepted step meets.
     *
     * @return c1 of the Armijo condition φ(α) ≤ φ(0) + c1 α φ'(0)
     */
    double sufficientDecrease();

    /**
     * A short name for reports, e.g. "Armijo".
     *
     * @return a short name for reports
     */
    String name();
}
