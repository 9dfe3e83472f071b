package dev.nabla.core.check;

import dev.nabla.core.numeric.Estimate;
import dev.nabla.core.numeric.Numbers;
import dev.nabla.core.numeric.Quotients;

/**
 * A one-sided limit of the difference quotient of the definition, lim_{t→0±} (f(x + t v) − f(x)) / t,
 * estimated by Richardson extrapolation over a step ladder.
 *
 * @param side      RIGHT (t ↓ 0) or LEFT (t ↑ 0)
 * @param estimate  the extrapolated limit with its error estimate δ
 * @param exists    whether the quotients converge: δ ≤ {@link DirectionalLimits#EXISTENCE}·S + 4N (see
 *                  {@link DirectionalLimits} for S and N)
 * @param quotients the quotients φ(t_k) for t_k = h_k·scale (for the left side, of t = −t_k)
 */
public record OneSidedLimit(Side side, Estimate estimate, boolean exists, Quotients quotients) {

    /** Which side t approaches 0 from. */
    public enum Side {
        /** t ↓ 0. */
        RIGHT,
        /** t ↑ 0. */
        LEFT
    }

    /** The limit, NaN when it does not exist. */
    public double value() {
        return exists ? estimate.value() : Double.NaN;
    }

    @Override
    public String toString() {
        String lim = side == Side.RIGHT ? "t→0+" : "t→0−";
        return exists ? lim + ": " + Numbers.format(estimate.value()) + " ± " + String.format("%.1e", estimate.error())
                : lim + ": no limit (quotients do not settle: " + describeSpread() + ")";
    }

    private String describeSpread() {
        double[] v = quotients.values();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        int finite = 0;
        for (double q : v) {
            if (Double.isFinite(q)) {
                lo = Math.min(lo, q);
                hi = Math.max(hi, q);
                finite++;
            }
        }
        if (finite == 0) {
            return "every step left the domain";
        }
        return "from " + Numbers.format(v[firstFinite(v)]) + " to " + Numbers.format(v[lastFinite(v)])
                + ", range [" + Numbers.format(lo) + ", " + Numbers.format(hi) + "]";
    }

    private static int firstFinite(double[] v) {
        for (int k = 0; k < v.length; k++) {
            if (Double.isFinite(v[k])) {
                return k;
            }
        }
        return 0;
    }

    private static int lastFinite(double[] v) {
        for (int k = v.length - 1; k >= 0; k--) {
            if (Double.isFinite(v[k])) {
                return k;
            }
        }
        return 0;
    }
}
