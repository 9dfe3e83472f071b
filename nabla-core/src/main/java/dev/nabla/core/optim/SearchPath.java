package dev.nabla.core.optim;

import dev.nabla.core.field.Gradient;
import dev.nabla.core.field.Vectors;
import dev.nabla.core.geometry.Manifold;

/**
 * The curve a line search explores from x along a direction d: the straight line p(α) = x + αd, or on a
 * manifold the retraction p(α) = R_x(αd). Where f (or the retraction) is undefined at p(α) — a
 * {@link ArithmeticException}, which includes {@link dev.nabla.core.field.DomainException} — the trial value is
 * +∞, so that a line search backs off instead of failing.
 */
public final class SearchPath {
    private final CountingField field;
    private final double[] origin;
    private final double[] direction;
    private final Manifold manifold;

    private SearchPath(CountingField field, double[] origin, double[] direction, Manifold manifold) {
        this.field = field;
        this.origin = origin.clone();
        this.direction = direction.clone();
        this.manifold = manifold;
    }

    /**
     * p(α) = x + αd.
     *
     * @param field the counted objective
     * @param x the start
     * @param d the search direction
     * @return the path p(α) = x + α d
     */
    public static SearchPath line(CountingField field, double[] x, double[] d) {
        return new SearchPath(field, x, d, null);
    }

    /**
     * p(α) = R_x(αd) on the manifold.
     *
     * @param field the counted objective
     * @param manifold the manifold
     * @param x the start, on the manifold
     * @param d a tangent direction at x
     * @return the path p(α) = R_x(α d)
     */
    public static SearchPath retraction(CountingField field, Manifold manifold, double[] x, double[] d) {
        return new SearchPath(field, x, d, manifold);
    }

    /**
     * True for a straight line, where the slope φ'(α) = ∇f(p(α))·d is available.
     *
     * @return true for a straight line x + α d
     */
    public boolean isStraight() {
        return manifold == null;
    }

    /**
     * p(α).
     *
     * @param alpha the step α ≥ 0
     * @return p(α)
     */
    public double[] pointAt(double alpha) {
        double[] step = Vectors.scale(alpha, direction);
        return manifold == null ? Vectors.add(origin, step) : manifold.retract(origin, step);
    }

    /**
     * φ(α) = f(p(α)) only (one f evaluation).
     *
     * @param alpha the step α ≥ 0
     * @return φ(α) = f(p(α)) (+∞ where undefined), without the gradient
     */
    public Trial value(double alpha) {
        try {
            double[] p = pointAt(alpha);
            return new Trial(alpha, p, valueOrInfinity(p), null, Double.NaN);
        } catch (ArithmeticException undefined) {
            return new Trial(alpha, origin, Double.POSITIVE_INFINITY, null, Double.NaN);
        }
    }

    /**
     * φ(α) and φ'(α) = ∇f(p(α))·d (one f-and-∇f evaluation); straight lines only.
     *
     * @param alpha the step α ≥ 0
     * @return φ(α) with ∇f(p(α)) and the slope φ'(α)
     */
    public Trial valueAndSlope(double alpha) {
        if (!isStraight()) {
            throw new UnsupportedOperationException("the slope along a retraction needs a vector transport");
        }
        double[] p = pointAt(alpha);
        try {
            Gradient g = field.valueAndGradient(p);
            double[] grad = g.gradient();
            double value = Double.isNaN(g.value()) ? Double.POSITIVE_INFINITY : g.value();
            return new Trial(alpha, p, value, grad, Vectors.dot(grad, direction));
        } catch (ArithmeticException undefined) {
            return new Trial(alpha, p, Double.POSITIVE_INFINITY, null, Double.NaN);
        }
    }

    private double valueOrInfinity(double[] p) {
        double v = field.value(p);
        return Double.isNaN(v) ? Double.POSITIVE_INFINITY : v;
    }
}
