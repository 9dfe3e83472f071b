package dev.nabla.core.check;

import dev.nabla.core.numeric.Numbers;
import java.util.List;

/**
 * The result of the differentiability test at a point.
 *
 * @param point              x
 * @param verdict            the verdict
 * @param evidence           one or two sentences naming the direction(s) and numbers that decide the verdict
 * @param limits             every directional limit computed: axes, random directions, then the sums u + w
 * @param linearMap          g = (D_{e_1} f, …, D_{e_n} f) when every axis has a two-sided derivative, else null
 * @param gradient           the field's gradient at x when it has one there (no kink), else null
 * @param agreesWithGradient whether D_v f = ∇f·v along every direction tested; null without a gradient or
 *                           when some two-sided limit is missing
 * @param seed               the seed of the random directions
 */
public record DifferentiabilityReport(double[] point, DifferentiabilityVerdict verdict, String evidence,
                                      List<DirectionalLimit> limits, double[] linearMap, double[] gradient,
                                      Boolean agreesWithGradient, long seed) {

    public DifferentiabilityReport {
        point = point.clone();
        limits = List.copyOf(limits);
        linearMap = linearMap == null ? null : linearMap.clone();
        gradient = gradient == null ? null : gradient.clone();
    }

    @Override
    public double[] point() {
        return point.clone();
    }

    @Override
    public double[] linearMap() {
        return linearMap == null ? null : linearMap.clone();
    }

    @Override
    public double[] gradient() {
        return gradient == null ? null : gradient.clone();
    }

    @Override
    public String toString() {
        return "at " + Numbers.format(point) + ": " + verdict + "\n  " + evidence + "\n  (" + limits.size()
                + " directions, seed " + seed + ")";
    }
}
