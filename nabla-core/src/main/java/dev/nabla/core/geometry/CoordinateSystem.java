package dev.nabla.core.geometry;

import dev.nabla.core.field.DifferentiableScalarField;
import dev.nabla.core.field.DomainException;
import dev.nabla.core.field.Matrices;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Orthogonal curvilinear coordinates q with the map T: q ↦ x to Cartesian coordinates. Conventions:
 * <ul>
 *   <li>{@link #POLAR} (r, θ): x = r cos θ, y = r sin θ; scale factors (1, r).</li>
 *   <li>{@link #CYLINDRICAL} (ρ, φ, z): x = ρ cos φ, y = ρ sin φ, z = z; scale factors (1, ρ, 1).</li>
 *   <li>{@link #SPHERICAL}, physics (ISO 80000-2) convention (r, θ, φ) with θ the polar angle measured from the
 *       +z axis (0 ≤ θ ≤ π) and φ the azimuth in the xy-plane from +x: x = r sin θ cos φ, y = r sin θ sin φ,
 *       z = r cos θ; scale factors (1, r, r sin θ). (Mathematicians often swap θ and φ — not here.)</li>
 * </ul>
 * The local orthonormal basis e_i = (∂T/∂q_i)/h_i with h_i = ‖∂T/∂q_i‖. For a field f in Cartesian coordinates
 * and φ = f∘T, the chain rule gives ∂φ/∂q_i = ∇f·∂T/∂q_i, so the gradient in the local basis has components
 * (∂φ/∂q_i)/h_i = D_{e_i} f — in polar form ∇f = f_r e_r + (1/r) f_θ e_θ. The basis is undefined on the axis
 * (r = 0, ρ = 0, sin θ = 0), where these methods throw {@link DomainException}.
 */
public enum CoordinateSystem {

    /** x = r cos θ, y = r sin θ. */
    POLAR(List.of("r", "theta")) {
        @Override
        public double[] toCartesian(double[] q) {
            return new double[] {q[0] * Math.cos(q[1]), q[0] * Math.sin(q[1])};
        }

        @Override
        public double[] fromCartesian(double[] x) {
            return new double[] {Math.hypot(x[0], x[1]), Math.atan2(x[1], x[0])};
        }

        @Override
        public double[][] jacobian(double[] q) {
            double c = Math.cos(q[1]);
            double s = Math.sin(q[1]);
            return new double[][] {{c, -q[0] * s}, {s, q[0] * c}};
        }

        @Override
        public double[] scaleFactors(double[] q) {
            return new double[] {1, Math.abs(q[0])};
        }

        @Override
        double[] weightedHessianVectorProduct(double[] q, double[] w, double[] v) {
            double c = Math.cos(q[1]);
            double s = Math.sin(q[1]);
            double r = q[0];
            // ∇²x = [[0, −s], [−s, −r c]], ∇²y = [[0, c], [c, −r s]]
            return new double[] {
                w[0] * (-s * v[1]) + w[1] * (c * v[1]),
                w[0] * (-s * v[0] - r * c * v[1]) + w[1] * (c * v[0] - r * s * v[1])};
        }
    },

    /** x = ρ cos φ, y = ρ sin φ, z = z. */
    CYLINDRICAL(List.of("rho", "phi", "z")) {
        @Override
        public double[] toCartesian(double[] q) {
            return new double[] {q[0] * Math.cos(q[1]), q[0] * Math.sin(q[1]), q[2]};
        }

        @Override
        public double[] fromCartesian(double[] x) {
            return new double[] {Math.hypot(x[0], x[1]), Math.atan2(x[1], x[0]), x[2]};
        }

        @Override
        public double[][] jacobian(double[] q) {
            double c = Math.cos(q[1]);
            double s = Math.sin(q[1]);
            return new double[][] {{c, -q[0] * s, 0}, {s, q[0] * c, 0}, {0, 0, 1}};
        }

        @Override
        public double[] scaleFactors(double[] q) {
            return new double[] {1, Math.abs(q[0]), 1};
        }

        @Override
        double[] weightedHessianVectorProduct(double[] q, double[] w, double[] v) {
            double[] planar = POLAR.weightedHessianVectorProduct(new double[] {q[0], q[1]},
                    new double[] {w[0], w[1]}, new double[] {v[0], v[1]});
            return new double[] {planar[0], planar[1], 0};
        }
    },

    /** x = r sin θ cos φ, y = r sin θ sin φ, z = r cos θ (θ the polar angle, φ the azimuth). */
    SPHERICAL(List.of("r", "theta", "phi")) {
        @Override
        public double[] toCartesian(double[] q) {
            double r = q[0];
            double st = Math.sin(q[1]);
            return new double[] {r * st * Math.cos(q[2]), r * st * Math.sin(q[2]), r * Math.cos(q[1])};
        }

        @Override
        public double[] fromCartesian(double[] x) {
            double r = Math.sqrt(x[0] * x[0] + x[1] * x[1] + x[2] * x[2]);
            double theta = r == 0 ? 0 : Math.atan2(Math.hypot(x[0], x[1]), x[2]);
            return new double[] {r, theta, Math.atan2(x[1], x[0])};
        }

        @Override
        public double[][] jacobian(double[] q) {
            double r = q[0];
            double st = Math.sin(q[1]);
            double ct = Math.cos(q[1]);
            double sp = Math.sin(q[2]);
            double cp = Math.cos(q[2]);
            return new double[][] {
                {st * cp, r * ct * cp, -r * st * sp},
                {st * sp, r * ct * sp, r * st * cp},
                {ct, -r * st, 0}};
        }

        @Override
        public double[] scaleFactors(double[] q) {
            return new double[] {1, Math.abs(q[0]), Math.abs(q[0] * Math.sin(q[1]))};
        }

        @Override
        double[] weightedHessianVectorProduct(double[] q, double[] w, double[] v) {
            double r = q[0];
            double st = Math.sin(q[1]);
            double ct = Math.cos(q[1]);
            double sp = Math.sin(q[2]);
            double cp = Math.cos(q[2]);
            double[][] hx = {
                {0, ct * cp, -st * sp},
                {ct * cp, -r * st * cp, -r * ct * sp},
                {-st * sp, -r * ct * sp, -r * st * cp}};
            double[][] hy = {
                {0, ct * sp, st * cp},
                {ct * sp, -r * st * sp, r * ct * cp},
                {st * cp, r * ct * cp, -r * st * sp}};
            double[][] hz = {
                {0, -st, 0},
                {-st, -r * ct, 0},
                {0, 0, 0}};
            double[] out = new double[3];
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    out[i] += (w[0] * hx[i][j] + w[1] * hy[i][j] + w[2] * hz[i][j]) * v[j];
                }
            }
            return out;
        }
    };

    private final List<String> coordinateNames;

    CoordinateSystem(List<String> coordinateNames) {
        this.coordinateNames = coordinateNames;
    }

    /**
     * The names of q_1 … q_n, e.g. r, theta, phi.
     *
     * @return the names
     */
    public List<String> coordinateNames() {
        return coordinateNames;
    }

    /**
     * n, the number of coordinates (= the Cartesian dimension).
     *
     * @return n
     */
    public int dimension() {
        return coordinateNames.size();
    }

    /**
     * x = T(q).
     *
     * @param q the coordinates (q_1, …, q_n)
     * @return x = T(q)
     */
    public abstract double[] toCartesian(double[] q);

    /**
     * q = T⁻¹(x), with angles in (−π, π] (azimuth) and [0, π] (polar angle); the angle is 0 on the axis.
     *
     * @param x the Cartesian point
     * @return q = T⁻¹(x)
     */
    public abstract double[] fromCartesian(double[] x);

    /**
     * J_T(q), J_ij = ∂x_i/∂q_j; column j is the coordinate tangent vector ∂T/∂q_j.
     *
     * @param q the coordinates (q_1, …, q_n)
     * @return J_T(q), n × n
     */
    public abstract double[][] jacobian(double[] q);

    /**
     * The Lamé scale factors h_j = ‖∂T/∂q_j‖.
     *
     * @param q the coordinates (q_1, …, q_n)
     * @return h_1 … h_n
     */
    public abstract double[] scaleFactors(double[] q);

    abstract double[] weightedHessianVectorProduct(double[] q, double[] w, double[] v);

    /**
     * The map T as a twice-differentiable vector field (q ↦ x), for the chain rule.
     *
     * @return q ↦ T(q)
     */
    public TwiceDifferentiableVectorField transform() {
        CoordinateSystem system = this;
        return new TwiceDifferentiableVectorField() {
            @Override
            public double[] value(double[] q) {
                return system.toCartesian(requireDimension(q));
            }

            @Override
            public int inputDimension() {
                return dimension();
            }

            @Override
            public int outputDimension() {
                return dimension();
            }

            @Override
            public double[] jacobianVectorProduct(double[] q, double[] v) {
                return Matrices.multiply(system.jacobian(requireDimension(q)), v);
            }

            @Override
            public double[] vectorJacobianProduct(double[] q, double[] w) {
                return Matrices.multiplyTransposed(system.jacobian(requireDimension(q)), w);
            }

            @Override
            public double[][] jacobian(double[] q) {
                return system.jacobian(requireDimension(q));
            }

            @Override
            public double[] weightedHessianVectorProduct(double[] q, double[] w, double[] v) {
                return system.weightedHessianVectorProduct(requireDimension(q), w, v);
            }
        };
    }

    /**
     * φ = f∘T: the Cartesian field f written in these coordinates (variables {@link #coordinateNames()}).
     *
     * @param f the Cartesian field
     * @return φ = f∘T
     */
    public DifferentiableScalarField pullBack(DifferentiableScalarField f) {
        requireFieldDimension(f);
        return ChainRule.compose(f, transform(), coordinateNames);
    }

    /**
     * The local orthonormal basis at q: element i is e_i = (∂T/∂q_i)/h_i in Cartesian components.
     *
     * @param q the coordinates (q_1, …, q_n)
     * @return e_1 … e_n
     */
    public List<double[]> basis(double[] q) {
        double[][] j = jacobian(requireDimension(q));
        double[] h = scaleFactors(q);
        double[][] e = new double[dimension()][dimension()];
        for (int i = 0; i < dimension(); i++) {
            if (h[i] == 0) {
                throw new DomainException("e_" + coordinateNames.get(i), "the local basis is undefined on the axis", q);
            }
            for (int k = 0; k < dimension(); k++) {
                e[i][k] = j[k][i] / h[i];
            }
        }
        return List.of(e);
    }

    /**
     * The gradient of f at the point with coordinates q, expressed in these coordinates: the partials
     * ∂φ/∂q_i of φ = f∘T (chain rule, J_Tᵀ∇f), the components (∂φ/∂q_i)/h_i in the local orthonormal basis, the
     * basis, and the Cartesian gradient ∇f(T(q)).
     *
     * @param f the Cartesian field
     * @param q the coordinates (q_1, …, q_n)
     * @return ∂φ/∂q_i, the components (∂φ/∂q_i)/h_i, the basis and ∇f(T(q))
     */
    public CurvilinearGradient gradient(DifferentiableScalarField f, double[] q) {
        requireFieldDimension(f);
        List<double[]> basis = basis(q);
        double[] x = toCartesian(q);
        double[] cartesian = f.gradient(x);
        double[] partials = pullBack(f).gradient(q);
        double[] h = scaleFactors(q);
        double[] components = new double[dimension()];
        for (int i = 0; i < dimension(); i++) {
            components[i] = partials[i] / h[i];
        }
        return new CurvilinearGradient(this, q, x, partials, components, basis, cartesian);
    }

    /**
     * D_{e_i} f(T(q)) = ∇f·e_i for each basis vector, computed in Cartesian coordinates.
     *
     * @param f the Cartesian field
     * @param q the coordinates (q_1, …, q_n)
     * @return D_{e_1} f … D_{e_n} f
     */
    public double[] directionalDerivativesAlongBasis(DifferentiableScalarField f, double[] q) {
        requireFieldDimension(f);
        double[] x = toCartesian(q);
        List<double[]> basis = basis(q);
        double[] d = new double[dimension()];
        for (int i = 0; i < dimension(); i++) {
            d[i] = f.directionalDerivative(x, basis.get(i));
        }
        return d;
    }

    /**
     * Looks a system up by name, case-insensitively (polar, cylindrical, spherical).
     *
     * @param name polar, cylindrical or spherical
     * @return the system
     */
    public static CoordinateSystem named(String name) {
        for (CoordinateSystem c : values()) {
            if (c.name().equalsIgnoreCase(name.trim())) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown coordinate system '" + name + "' (expected one of "
                + Arrays.toString(values()).toLowerCase(Locale.ROOT) + ")");
    }

    private double[] requireDimension(double[] q) {
        if (q.length != dimension()) {
            throw new IllegalArgumentException(name().toLowerCase(Locale.ROOT) + " coordinates need "
                    + dimension() + " values " + coordinateNames + ", got " + q.length);
        }
        return q;
    }

    private void requireFieldDimension(DifferentiableScalarField f) {
        if (f.dimension() != -1 && f.dimension() != dimension()) {
            throw new IllegalArgumentException("a field of " + f.dimension() + " variables cannot be written in "
                    + name().toLowerCase(Locale.ROOT) + " coordinates (" + dimension() + " variables)");
        }
    }
}
