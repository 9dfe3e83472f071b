package dev.nabla.core.geometry;

import dev.nabla.core.field.DifferentiableScalarField;
import dev.nabla.core.field.Gradient;
import dev.nabla.core.field.Vectors;
import java.util.Arrays;
import java.util.List;

/**
 * The level set S_c = {y : f(y) = c} through a point x (c = f(x)) where ∇f(x) ≠ 0: ∇f is normal to S_c, the
 * tangent space is {w : ∇f·w = 0} (so D_w f = 0 for every tangent w), and the tangent line (n = 2) or
 * (hyper)plane is ∇f(x)·(y − x) = 0.
 *
 * @param point        x
 * @param level        c = f(x)
 * @param gradient     ∇f(x)
 * @param unitNormal   n̂ = ∇f/‖∇f‖
 * @param tangentBasis n − 1 orthonormal vectors spanning the tangent space, each orthogonal to n̂
 *                     (columns of the Householder reflection that maps n̂ to a coordinate axis)
 * @param tangent      the tangent line / plane equation
 */
public record LevelSet(double[] point, double level, double[] gradient, double[] unitNormal,
                       List<double[]> tangentBasis, TangentEquation tangent) {

    /**
     * The canonical constructor (it checks and copies the components as the record requires).
     *
     * @param point        x
     * @param level        c = f(x)
     * @param gradient     ∇f(x)
     * @param unitNormal   n̂ = ∇f/‖∇f‖
     * @param tangentBasis n − 1 orthonormal vectors spanning the tangent space, each orthogonal to n̂ (columns of the Householder reflection that maps n̂ to a coordinate axis)
     * @param tangent      the tangent line / plane equation
     */
    public LevelSet {
        point = point.clone();
        gradient = gradient.clone();
        unitNormal = unitNormal.clone();
        tangentBasis = tangentBasis.stream().map(double[]::clone).toList();
    }

    /**
     * The level set of f through x. Throws {@link IllegalArgumentException} where ∇f(x) = 0 (no normal exists:
     * the level set may be a point, a crossing or a region), and
     * {@link dev.nabla.core.field.NonDifferentiableException} at a kink.
     *
     * @param f the field
     * @param x a point where ∇f(x) ≠ 0
     * @return {y : f(y) = f(x)} near x: the unit normal, the tangent basis and the tangent equation
     */
    public static LevelSet through(DifferentiableScalarField f, double[] x) {
        Gradient g = f.valueAndGradient(x).requireDifferentiable();
        double[] grad = g.gradient();
        double norm = Vectors.norm(grad);
        if (norm == 0 || !Double.isFinite(norm)) {
            throw new IllegalArgumentException("∇f = " + Arrays.toString(grad) + " at " + Arrays.toString(x)
                    + ": the level set has no normal there");
        }
        double[] normal = Vectors.scale(1 / norm, grad);
        return new LevelSet(x, g.value(), grad, normal, orthogonalComplement(normal),
                new TangentEquation(grad, x, f.variables()));
    }

    /**
     * An orthonormal basis of the hyperplane orthogonal to the unit vector u, from the Householder reflection
     * H = I − 2 wwᵀ/(wᵀw), w = u − s e_k with k = argmax |u_k| and s = −sign(u_k) (no cancellation). H is
     * symmetric and orthogonal with H e_k = u/s, so its other columns are orthonormal and orthogonal to u.
     *
     * @param u a non-zero vector of R^n
     * @return n − 1 orthonormal vectors orthogonal to u
     */
    public static List<double[]> orthogonalComplement(double[] u) {
        int n = u.length;
        int k = 0;
        for (int i = 1; i < n; i++) {
            if (Math.abs(u[i]) > Math.abs(u[k])) {
                k = i;
            }
        }
        double s = u[k] >= 0 ? -1 : 1;
        double[] w = u.clone();
        w[k] -= s;
        double ww = Vectors.dot(w, w);
        double[][] basis = new double[n - 1][];
        int col = 0;
        for (int j = 0; j < n; j++) {
            if (j == k) {
                continue;
            }
            double[] h = new double[n];
            for (int i = 0; i < n; i++) {
                h[i] = (i == j ? 1 : 0) - 2 * w[i] * w[j] / ww;
            }
            basis[col++] = h;
        }
        return List.of(basis);
    }

    /**
     * The dimension of the tangent space, n − 1.
     *
     * @return n − 1
     */
    public int tangentDimension() {
        return tangentBasis.size();
    }

    /** @return x (a copy) */
    @Override
    public double[] point() {
        return point.clone();
    }

    /** @return ∇f(x) (a copy) */
    @Override
    public double[] gradient() {
        return gradient.clone();
    }

    /** @return n̂ = ∇f/‖∇f‖ (a copy) */
    @Override
    public double[] unitNormal() {
        return unitNormal.clone();
    }

    /** @return n − 1 orthonormal vectors spanning the tangent space, each orthogonal to n̂ (columns of the Householder reflection that maps n̂ to a coordinate axis) */
    @Override
    public List<double[]> tangentBasis() {
        return tangentBasis.stream().map(double[]::clone).toList();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LevelSet l && Arrays.equals(point, l.point) && Double.compare(level, l.level) == 0
                && Arrays.equals(gradient, l.gradient);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(point) * 31 + Arrays.hashCode(gradient);
    }

    @Override
    public String toString() {
        return "LevelSet[level=" + level + ", normal=" + Arrays.toString(unitNormal) + ", tangent: " + tangent + "]";
    }
}
