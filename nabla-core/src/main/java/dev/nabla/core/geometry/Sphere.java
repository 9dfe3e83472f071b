package dev.nabla.core.geometry;

import dev.nabla.core.field.Vectors;

/**
 * The unit sphere S^{n−1} = {x ∈ R^n : ‖x‖ = 1}. Tangent space {v : x·v = 0}, projection
 * P_x(v) = v − (x·v) x, retraction by normalisation R_x(v) = (x + v)/‖x + v‖.
 *
 * @param ambientDimension n
 */
public record Sphere(int ambientDimension) implements Manifold {

    /**
     * The canonical constructor (it checks and copies the components as the record requires).
     *
     * @param ambientDimension n
     */
    public Sphere {
        if (ambientDimension < 1) {
            throw new IllegalArgumentException("the sphere needs n ≥ 1, got " + ambientDimension);
        }
    }

    @Override
    public double[] projectToTangent(double[] x, double[] v) {
        return Vectors.axpy(-Vectors.dot(x, v), x, v);
    }

    /** y/‖y‖, the nearest point of the sphere; throws at y = 0. */
    @Override
    public double[] projectOnto(double[] y) {
        double n = Vectors.norm(y);
        if (n == 0 || !Double.isFinite(n)) {
            throw new ArithmeticException("cannot project " + (n == 0 ? "the origin" : "a non-finite point")
                    + " onto the sphere");
        }
        return Vectors.scale(1 / n, y);
    }

    /** |‖x‖ − 1|. */
    @Override
    public double constraintViolation(double[] x) {
        return Math.abs(Vectors.norm(x) - 1);
    }
}
