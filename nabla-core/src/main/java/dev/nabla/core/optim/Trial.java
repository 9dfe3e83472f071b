package dev.nabla.core.optim;

import java.util.Arrays;

/**
 * One trial of a line search: the point p(α) on the search path, f there, and — when the search asked for it —
 * ∇f there and the slope φ'(α) = ∇f(p(α))·d.
 *
 * @param alpha    α
 * @param point    p(α)
 * @param value    φ(α) = f(p(α)); +∞ where f or the path is undefined
 * @param gradient ∇f(p(α)), or null when only the value was evaluated
 * @param slope    φ'(α), or NaN when not evaluated
 */
public record Trial(double alpha, double[] point, double value, double[] gradient, double slope) {

    /**
     * The canonical constructor (it checks and copies the components as the record requires).
     *
     * @param alpha    α
     * @param point    p(α)
     * @param value    φ(α) = f(p(α)); +∞ where f or the path is undefined
     * @param gradient ∇f(p(α)), or null when only the value was evaluated
     * @param slope    φ'(α), or NaN when not evaluated
     */
    public Trial {
        point = point.clone();
        gradient = gradient == null ? null : gradient.clone();
    }

    /** @return p(α) (a copy) */
    @Override
    public double[] point() {
        return point.clone();
    }

    /** @return ∇f(p(α)), or null when only the value was evaluated (a copy) */
    @Override
    public double[] gradient() {
        return gradient == null ? null : gradient.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Trial t && Double.compare(alpha, t.alpha) == 0 && Arrays.equals(point, t.point)
                && Double.compare(value, t.value) == 0 && Arrays.equals(gradient, t.gradient)
                && Double.compare(slope, t.slope) == 0;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(alpha) * 31 + Arrays.hashCode(point);
    }

    @Override
    public String toString() {
        return "Trial[alpha=" + alpha + ", value=" + value + ", slope=" + slope + "]";
    }
}
