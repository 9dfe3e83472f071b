package dev.nabla.core.geometry;

import java.util.Arrays;
import java.util.List;

/**
 * The gradient of a Cartesian field f at one point, written in curvilinear coordinates.
 *
 * @param system      the coordinate system
 * @param coordinates q
 * @param cartesian   x = T(q)
 * @param partials    ∂φ/∂q_i for φ = f∘T (e.g. f_r, f_θ), by the chain rule J_Tᵀ ∇f
 * @param components  (∂φ/∂q_i)/h_i, the components in the local orthonormal basis (e.g. f_r, f_θ/r), so that
 *                    ∇f = Σ components_i e_i
 * @param basis       e_1 … e_n in Cartesian components
 * @param gradient    ∇f(x) in Cartesian components
 */
public record CurvilinearGradient(CoordinateSystem system, double[] coordinates, double[] cartesian,
                                  double[] partials, double[] components, List<double[]> basis, double[] gradient) {

    /**
     * The canonical constructor (it checks and copies the components as the record requires).
     *
     * @param system      the coordinate system
     * @param coordinates q
     * @param cartesian   x = T(q)
     * @param partials    ∂φ/∂q_i for φ = f∘T (e.g. f_r, f_θ), by the chain rule J_Tᵀ ∇f
     * @param components  (∂φ/∂q_i)/h_i, the components in the local orthonormal basis (e.g. f_r, f_θ/r), so that ∇f = Σ components_i e_i
     * @param basis       e_1 … e_n in Cartesian components
     * @param gradient    ∇f(x) in Cartesian components
     */
    public CurvilinearGradient {
        coordinates = coordinates.clone();
        cartesian = cartesian.clone();
        partials = partials.clone();
        components = components.clone();
        basis = basis.stream().map(double[]::clone).toList();
        gradient = gradient.clone();
    }

    /**
     * Σ components_i e_i, the gradient rebuilt in Cartesian components from the local basis (equals ∇f).
     *
     * @return Σ components_i e_i
     */
    public double[] reassembled() {
        double[] g = new double[gradient.length];
        for (int i = 0; i < components.length; i++) {
            double[] e = basis.get(i);
            for (int k = 0; k < g.length; k++) {
                g[k] += components[i] * e[k];
            }
        }
        return g;
    }

    /** @return q (a copy) */
    @Override
    public double[] coordinates() {
        return coordinates.clone();
    }

    /** @return x = T(q) (a copy) */
    @Override
    public double[] cartesian() {
        return cartesian.clone();
    }

    /** @return ∂φ/∂q_i for φ = f∘T (e.g. f_r, f_θ), by the chain rule J_Tᵀ ∇f (a copy) */
    @Override
    public double[] partials() {
        return partials.clone();
    }

    /** @return (∂φ/∂q_i)/h_i, the components in the local orthonormal basis (e.g. f_r, f_θ/r), so that ∇f = Σ components_i e_i (a copy) */
    @Override
    public double[] components() {
        return components.clone();
    }

    /** @return e_1 … e_n in Cartesian components */
    @Override
    public List<double[]> basis() {
        return basis.stream().map(double[]::clone).toList();
    }

    /** @return ∇f(x) in Cartesian components (a copy) */
    @Override
    public double[] gradient() {
        return gradient.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CurvilinearGradient c && system == c.system && Arrays.equals(coordinates, c.coordinates)
                && Arrays.equals(partials, c.partials) && Arrays.equals(gradient, c.gradient);
    }

    @Override
    public int hashCode() {
        return (system.hashCode() * 31 + Arrays.hashCode(coordinates)) * 31 + Arrays.hashCode(partials);
    }

    @Override
    public String toString() {
        return "CurvilinearGradient[" + system + " " + system.coordinateNames() + "=" + Arrays.toString(coordinates)
                + ", partials=" + Arrays.toString(partials) + ", components=" + Arrays.toString(components) + "]";
    }
}
