package dev.nabla.core.field;

/**
 * A vector field u: R^n → R^m with an exact Jacobian J_u(x) (m × n, J_ij = ∂u_i/∂x_j), its products with
 * vectors, and the chain rule built from them.
 */
public interface DifferentiableVectorField extends VectorField {

    /** J_u(x) v: push a direction forward (forward mode). */
    double[] jacobianVectorProduct(double[] x, double[] v);

    /** J_u(x)ᵀ w: pull a covector back (reverse mode). */
    double[] vectorJacobianProduct(double[] x, double[] w);

    /** J_u(x), row i = ∇u_i(x). */
    double[][] jacobian(double[] x);
}
