package dev.nabla.core.nonsmooth;

import dev.nabla.core.field.Vectors;
import dev.nabla.core.numeric.Numbers;
import java.util.List;

/**
 * The result of {@link GradientSampling}: the gradients sampled in B(x, ε) and the minimum-norm element g* of
 * their convex hull.
 *
 * @param point         x
 * @param radius        ε
 * @param samplePoints  x, y_1, …, y_m
 * @param gradients     ∇f at each sample point (same order)
 * @param minimumNorm   g* with its convex weights
 */
public record SampledSubdifferential(double[] point, double radius, List<double[]> samplePoints,
                                     List<double[]> gradients, MinimumNormElement minimumNorm) {

    /**
     * The canonical constructor (it checks and copies the components as the record requires).
     *
     * @param point        x
     * @param radius       ε
     * @param samplePoints x, y_1, …, y_m
     * @param gradients    ∇f at each sample point (same order)
     * @param minimumNorm  g* with its convex weights
     */
    public SampledSubdifferential {
        point = point.clone();
        samplePoints = samplePoints.stream().map(double[]::clone).toList();
        gradients = gradients.stream().map(double[]::clone).toList();
    }

    /** @return x (a copy) */
    @Override
    public double[] point() {
        return point.clone();
    }

    /**
     * ‖g*‖: 0 when 0 lies in the sampled hull (x is ε-stationary).
     *
     * @return ‖g*‖, the norm of the minimum-norm element
     */
    public double stationarity() {
        return minimumNorm.norm();
    }

    /**
     * g*, the minimum-norm element of conv G.
     *
     * @return g*
     */
    public double[] minimumNormElement() {
        return minimumNorm.element();
    }

    /**
     * −g* / ‖g*‖, the steepest-descent direction of the sampled model; the zero vector when g* = 0.
     *
     * @return −g* / ‖g*‖ (zero when g* = 0)
     */
    public double[] descentDirection() {
        double norm = stationarity();
        return norm == 0 ? new double[point.length] : Vectors.scale(-1 / norm, minimumNorm.element());
    }

    /**
     * conv G shown by its extreme points (an interval when n = 1).
     *
     * @return the convex hull of the sampled gradients
     */
    public ClarkeSet hull() {
        return ClarkeSet.hull(gradients);
    }

    @Override
    public String toString() {
        return "sampled Clarke set at " + Numbers.format(point) + " (ε = " + Numbers.format(radius) + ", "
                + gradients.size() + " gradients): " + hull() + "; " + minimumNorm;
    }
}
