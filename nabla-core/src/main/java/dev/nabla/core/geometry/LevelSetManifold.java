package dev.nabla.core.geometry;

import dev.nabla.core.field.DifferentiableScalarField;
import dev.nabla.core.field.Gradient;
import dev.nabla.core.field.Vectors;
import java.util.Arrays;

/**
 * The hypersurface M = {x : c(x) = 0} of a constraint c with ∇c ≠ 0 on M. Normal ∇c, tangent space
 * {v : ∇c·v = 0}, projection P_x(v) = v − (∇c·v/‖∇c‖²) ∇c. {@link #projectOnto} is Newton's method for
 * c = 0 along the gradient, y ← y − c(y) ∇c(y)/‖∇c(y)‖², stopped when |c(y)| ≤ tolerance; the retraction
 * R_x(v) is that projection started from x + v.
 *
 * @param constraint c
 * @param tolerance  the accepted |c| after projection (default 1e-12)
 */
public record LevelSetManifold(DifferentiableScalarField constraint, double tolerance) implements Manifold {

    /** Newton steps before the projection gives up. */
    public static final int MAX_NEWTON_STEPS = 50;

    /**
     * The canonical constructor (it checks and copies the components as the record requires).
     *
     * @param constraint c
     * @param tolerance  the accepted |c| after projection (default 1e-12)
     */
    public LevelSetManifold {
        if (!(tolerance > 0)) {
            throw new IllegalArgumentException("tolerance must be > 0, got " + tolerance);
        }
    }

    /**
     * The level set {x : c(x) = 0} with the default projection tolerance 1e-12.
     *
     * @param constraint c
     */
    public LevelSetManifold(DifferentiableScalarField constraint) {
        this(constraint, 1e-12);
    }

    @Override
    public int ambientDimension() {
        return constraint.dimension();
    }

    @Override
    public double[] projectToTangent(double[] x, double[] v) {
        double[] n = constraint.gradient(x);
        double nn = Vectors.dot(n, n);
        if (nn == 0) {
            throw new ArithmeticException("∇c = 0 at " + Arrays.toString(x) + ": the level set has no tangent space there");
        }
        return Vectors.axpy(-Vectors.dot(n, v) / nn, n, v);
    }

    @Override
    public double[] projectOnto(double[] y) {
        double[] p = y.clone();
        for (int k = 0; k <= MAX_NEWTON_STEPS; k++) {
            Gradient g = constraint.valueAndGradient(p);
            double c = g.value();
            if (Math.abs(c) <= tolerance) {
                return p;
            }
            double[] n = g.gradient();
            double nn = Vectors.dot(n, n);
            if (nn == 0 || !Double.isFinite(c) || !Double.isFinite(nn)) {
                break;
            }
            p = Vectors.axpy(-c / nn, n, p);
        }
        throw new ArithmeticException("Newton projection onto c = 0 did not converge from " + Arrays.toString(y));
    }

    /** |c(x)|. */
    @Override
    public double constraintViolation(double[] x) {
        return Math.abs(constraint.value(x));
    }
}
