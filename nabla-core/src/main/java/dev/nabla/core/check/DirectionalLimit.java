package dev.nabla.core.check;

import dev.nabla.core.numeric.Numbers;

/**
 * The directional derivative from its definition, D_v f(x) = lim_{t→0} (f(x + t v) − f(x)) / t: the right
 * and left limits and, where both exist and agree, the two-sided limit; compared with ∇f(x)·v when a gradient
 * is known at x.
 *
 * @param point          x
 * @param direction      v (not normalised: D_v f = ‖v‖·D_v̂ f)
 * @param right          lim_{t↓0}
 * @param left           lim_{t↑0}
 * @param twoSided       whether both exist and agree within {@link DirectionalLimits#AGREEMENT}·S + 4(δ₊ + δ₋)
 * @param gradientDot    ∇f(x)·v, NaN when no gradient is known at x (black box, or x is a kink)
 */
public record DirectionalLimit(double[] point, double[] direction, OneSidedLimit right, OneSidedLimit left,
                               boolean twoSided, double gradientDot) {

    public DirectionalLimit {
        point = point.clone();
        direction = direction.clone();
    }

    @Override
    public double[] point() {
        return point.clone();
    }

    @Override
    public double[] direction() {
        return direction.clone();
    }

    /** The two-sided limit D_v f(x) (the mean of the one-sided estimates), NaN when it does not exist. */
    public double value() {
        return twoSided ? 0.5 * (right.estimate().value() + left.estimate().value()) : Double.NaN;
    }

    /** The error estimate of {@link #value()}. */
    public double error() {
        return Math.max(right.estimate().error(), left.estimate().error());
    }

    /**
     * Whether the limit agrees with ∇f·v (within {@link DirectionalLimits#AGREEMENT}·max(|D|, |∇f·v|) +
     * 4δ); null when no gradient is known or the limit does not exist.
     */
    public Boolean agreesWithGradient() {
        if (Double.isNaN(gradientDot) || !twoSided) {
            return null;
        }
        double d = value();
        return Math.abs(d - gradientDot) <= DirectionalLimits.AGREEMENT * Math.max(Math.abs(d), Math.abs(gradientDot))
                + GradientCheck.ERROR_SAFETY * error();
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("D_v f at " + Numbers.format(point) + ", v = " + Numbers.format(direction) + ": ");
        if (twoSided) {
            s.append(Numbers.format(value())).append(" ± ").append(String.format("%.1e", error())).append(" (two-sided)");
        } else {
            s.append("no two-sided limit");
        }
        s.append("; ").append(right).append("; ").append(left);
        if (!Double.isNaN(gradientDot)) {
            s.append("; ∇f·v = ").append(Numbers.format(gradientDot));
        }
        return s.toString();
    }
}
