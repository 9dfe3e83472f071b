package dev.nabla.core.numeric;

/**
 * A numerical estimate of a limit (a derivative) with an estimate of its error.
 *
 * @param value the estimate
 * @param error an estimate of |value − exact|: the disagreement between neighbouring extrapolants, never
 *              below the rounding noise of the quotients used (see {@link Richardson})
 * @param step  the smallest step that entered the estimate
 * @param order the number of Richardson eliminations applied (0 = a raw difference quotient)
 * @param noise the rounding noise propagated into the value (≤ error); error = noise means the estimate is as
 *              good as rounding allows
 */
public record Estimate(double value, double error, double step, int order, double noise) {
    @Override
    public String toString() {
        return value + " ± " + String.format("%.1e", error) + " (h = " + String.format("%.1e", step)
                + ", order " + order + ")";
    }
}
