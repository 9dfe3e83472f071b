package dev.nabla.core.check;

import dev.nabla.core.numeric.Estimate;
import dev.nabla.core.numeric.Numbers;
import java.util.List;

/**
 * The check of a claimed directional derivative along one unit direction v.
 *
 * @param label     "e1" … "en" for the axes, "random k" for the seeded random directions
 * @param direction v (unit)
 * @param claimed   the claimed D_v f = g·v
 * @param estimate  the Richardson-extrapolated central difference, with its error estimate
 * @param error     |estimate − claimed|
 * @param allowed   the tolerance: τ·S + 4·(estimate's error), S = max(‖g‖, |estimate|) (see {@link GradientCheck})
 * @param status    PASS, INCONCLUSIVE or FAIL
 * @param ladder    the error of every raw step of the ladder (the V-curve)
 */
public record DirectionCheck(String label, double[] direction, double claimed, Estimate estimate, double error,
                             double allowed, CheckStatus status, List<StepError> ladder) {

    public DirectionCheck {
        direction = direction.clone();
        ladder = List.copyOf(ladder);
    }

    @Override
    public double[] direction() {
        return direction.clone();
    }

    /** error / allowed: above 1 means FAIL. */
    public double severity() {
        return allowed > 0 ? error / allowed : (error > 0 ? Double.POSITIVE_INFINITY : 0);
    }

    /** The raw step whose quotient came closest to the claim (the bottom of the V-curve). */
    public StepError bestStep() {
        StepError best = null;
        for (StepError s : ladder) {
            if (Double.isFinite(s.error()) && (best == null || s.error() < best.error())) {
                best = s;
            }
        }
        return best;
    }

    @Override
    public String toString() {
        return label + " " + Numbers.format(direction) + ": claimed " + Numbers.format(claimed) + ", finite differences "
                + Numbers.format(estimate.value()) + " ± " + String.format("%.1e", estimate.error()) + ", error "
                + String.format("%.2e", error) + " (allowed " + String.format("%.2e", allowed) + ") " + status;
    }
}
