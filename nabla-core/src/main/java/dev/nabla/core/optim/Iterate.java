package dev.nabla.core.optim;

import java.util.Arrays;

/**
 * One point of a descent path: x_k with f(x_k) and ‖∇f(x_k)‖, and the step that produced it from x_{k−1}
 * along the search direction d_{k−1}.
 *
 * @param index               k (0 is the starting point)
 * @param point               x_k
 * @param value               f(x_k)
 * @param gradientNorm        ‖∇f(x_k)‖ (the Riemannian gradient on a manifold, the sampled minimum-norm Clarke
 *                            element for gradient sampling)
 * @param stepSize            α_{k−1}, the accepted step length (0 for k = 0)
 * @param slope               the slope used in the sufficient-decrease test of that step, ∇f(x_{k−1})·d_{k−1}
 *                            (NaN for k = 0)
 * @param valueEvaluations    f evaluations so far (cumulative, gradient evaluations included as they also give f)
 * @param gradientEvaluations ∇f evaluations so far (cumulative)
 */
public record Iterate(int index, double[] point, double value, double gradientNorm, double stepSize, double slope,
                      long valueEvaluations, long gradientEvaluations) {

    /**
     * The canonical constructor (it checks and copies the components as the record requires).
     *
     * @param index               k (0 is the starting point)
     * @param point               x_k
     * @param value               f(x_k)
     * @param gradientNorm        ‖∇f(x_k)‖ (the Riemannian gradient on a manifold, the sampled minimum-norm Clarke element for gradient sampling)
     * @param stepSize            α_{k−1}, the accepted step length (0 for k = 0)
     * @param slope               the slope used in the sufficient-decrease test of that step, ∇f(x_{k−1})·d_{k−1} (NaN for k = 0)
     * @param valueEvaluations    f evaluations so far (cumulative, gradient evaluations included as they also give f)
     * @param gradientEvaluations ∇f evaluations so far (cumulative)
     */
    public Iterate {
        point = point.clone();
    }

    /**
     * The Armijo (sufficient decrease) condition of the step into this iterate:
     * f(x_k) ≤ f(x_{k−1}) + c1 α_{k−1} ∇f(x_{k−1})·d_{k−1}. Vacuously true for k = 0.
     *
     * @param previousValue f at the previous iterate
     * @param c1 the sufficient-decrease constant, 0 &lt; c1 &lt; 1
     * @return whether f(x_k) ≤ f(x_{k−1}) + c1 α g·d holds
     */
    public boolean satisfiesArmijo(double previousValue, double c1) {
        return index == 0 || value <= previousValue + c1 * stepSize * slope;
    }

    /** @return x_k (a copy) */
    @Override
    public double[] point() {
        return point.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Iterate i && index == i.index && Arrays.equals(point, i.point)
                && Double.compare(value, i.value) == 0 && Double.compare(gradientNorm, i.gradientNorm) == 0
                && Double.compare(stepSize, i.stepSize) == 0 && Double.compare(slope, i.slope) == 0
                && valueEvaluations == i.valueEvaluations && gradientEvaluations == i.gradientEvaluations;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(point) * 31 + Integer.hashCode(index);
    }

    @Override
    public String toString() {
        return "Iterate[" + index + ": x=" + Arrays.toString(point) + ", f=" + value + ", |g|=" + gradientNorm
                + ", step=" + stepSize + "]";
    }
}
