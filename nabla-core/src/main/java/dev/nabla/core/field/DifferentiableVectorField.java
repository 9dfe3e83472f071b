package dev.nabla.core.field;

/**
 * A vector field u: R^n → R^m with an exact Jacobian J_u(x) (m × n, J_ij = ∂u_i/∂x_j), its products with
 * vectors, and the chain rule built from them.
 */
public interface DifferentiableVectorField extends VectorField {

    /**
     * J_u(x) v: push a direction forward (forward mode).
     *
     * @param x the point (length n)
     * @param v the direction (length n)
     * @return J_u(x) v (length m)
     */
    double[] jacobianVectorProduct(double[] x, double[] v);

    /**
     * J_u(x)ᵀ w: pull a covector back (reverse mode).
     *
     * @param x the point (length n)
     * @param w the covector (length m)
     * @return J_u(x)ᵀ w (length n)
     */
    double[] vectorJacobianProduct(double[] x, double[] w);

    /**
     * J_u(x), row i = ∇u_i(x).
     *
     * @param x the point
     * @return the m × n Jacobian
     */
    double[][] jacobian(double[] x);
}
