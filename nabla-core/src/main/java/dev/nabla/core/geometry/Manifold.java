package dev.nabla.core.geometry;

import dev.nabla.core.field.Vectors;

/**
 * An embedded submanifold M of R^N with the metric inherited from R^N (the embedded metric). Points and
 * tangent vectors are plain vectors of R^N.
 *
 * <p>The Riemannian gradient of f restricted to M is the tangent vector grad f(x) with
 * ⟨grad f(x), w⟩ = D_w f(x) for every tangent w; for the embedded metric it is the orthogonal projection of the
 * Euclidean gradient onto the tangent space, P_x ∇f(x). Steepest descent on M follows −grad f and returns to
 * M by a retraction R_x(v) (a map with R_x(0) = x and d/dt R_x(tv)|₀ = v).
 */
public interface Manifold {

    /**
     * N, the dimension of the ambient space.
     *
     * @return N
     */
    int ambientDimension();

    /**
     * P_x(v), the orthogonal projection of v onto the tangent space T_x M.
     *
     * @param x a point of M
     * @param v a vector of R^N
     * @return P_x(v) ∈ T_x M
     */
    double[] projectToTangent(double[] x, double[] v);

    /**
     * A point of M near y (the specific projection is documented by each manifold).
     *
     * @param y a point of R^N
     * @return a point of M
     */
    double[] projectOnto(double[] y);

    /**
     * R_x(v) = {@link #projectOnto}(x + v), the retraction used by Riemannian descent.
     *
     * @param x a point of M
     * @param v a tangent vector at x
     * @return R_x(v) ∈ M
     */
    default double[] retract(double[] x, double[] v) {
        return projectOnto(Vectors.add(x, v));
    }

    /**
     * grad f(x) = P_x ∇f(x), the Riemannian gradient under the embedded metric.
     *
     * @param x a point of M
     * @param euclideanGradient ∇f(x) in R^N
     * @return P_x ∇f(x)
     */
    default double[] riemannianGradient(double[] x, double[] euclideanGradient) {
        return projectToTangent(x, euclideanGradient);
    }

    /**
     * How far x is from satisfying the defining equations of M (0 on M), e.g. |‖x‖ − 1| for the sphere.
     *
     * @param x a point of R^N
     * @return 0 on M, positive off it
     */
    double constraintViolation(double[] x);
}
