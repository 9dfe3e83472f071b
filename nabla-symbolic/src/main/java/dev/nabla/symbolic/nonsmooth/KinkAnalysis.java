package dev.nabla.symbolic.nonsmooth;

import dev.nabla.core.nonsmooth.ClarkeSubdifferential;
import dev.nabla.core.numeric.Numbers;
import java.util.List;

/**
 * The non-smooth structure of a formula at a point and its Clarke subdifferential.
 *
 * @param point           x
 * @param activeKinks     the non-smooth sub-expressions sitting exactly on their switching surface at x, e.g.
 *                        {@code "abs(x)"}, {@code "max(x, y)"}, {@code "sqrt(x^2 + y^2)"}
 * @param subdifferential ∂f(x) (exact, an enclosure or an estimate, as it says); null when f is not locally
 *                        Lipschitz at x
 * @param notLipschitz    why there is no Clarke subdifferential (a jump of sign, an infinite slope of sqrt), else
 *                        null
 */
public record KinkAnalysis(double[] point, List<String> activeKinks, ClarkeSubdifferential subdifferential,
                           String notLipschitz) {

    public KinkAnalysis {
        point = point.clone();
        activeKinks = List.copyOf(activeKinks);
    }

    @Override
    public double[] point() {
        return point.clone();
    }

    /** True when f is smooth (no active kink) at x. */
    public boolean isSmooth() {
        return activeKinks.isEmpty();
    }

    @Override
    public String toString() {
        String kinks = activeKinks.isEmpty() ? "no kink" : "kinks " + String.join(", ", activeKinks);
        return "at " + Numbers.format(point) + ": " + kinks + "; "
                + (subdifferential != null ? subdifferential.toString() : "not locally Lipschitz: " + notLipschitz);
    }
}
