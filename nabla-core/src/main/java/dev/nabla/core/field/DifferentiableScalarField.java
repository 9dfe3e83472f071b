package dev.nabla.core.field;

/**
 * A scalar field f: R^n → R with exact first and second derivatives, whether they come from a formula
 * (symbolic) or from Java code (automatic differentiation). Every service of Nabla — checks, geometry,
 * optimisation, the explorer — works on this interface.
 *
 * <p>Implementations must override {@link #valueAndGradient}; they should override the other defaults where
 * they have a faster path (forward mode for {@link #directionalDerivative}, forward-over-reverse for
 * {@link #hessianVectorProduct}).
 */
public interface DifferentiableScalarField extends ScalarField {

    /**
     * f(x) and ∇f(x) = (∂f/∂x_1, …, ∂f/∂x_n) in one pass. Where x is a kink of a non-smooth primitive the
     * result carries the kinks hit and a one-sided (documented) gradient; it never throws for a kink.
     *
     * @param x the point
     * @return the value, the gradient and the kinks met
     */
    Gradient valueAndGradient(double[] x);

    /**
     * ∇f(x); throws {@link NonDifferentiableException} if x is a kink.
     *
     * @param x the point
     * @return ∇f(x)
     * @throws NonDifferentiableException if a kink was met at x
     */
    default double[] gradient(double[] x) {
        return valueAndGradient(x).requireDifferentiable().gradient();
    }

    /**
     * D_v f(x) = ∇f(x)·v; throws {@link NonDifferentiableException} if x is a kink.
     *
     * @param x the point
     * @param v the direction (not normalised)
     * @return D_v f(x) = ∇f(x)·v
     * @throws NonDifferentiableException if a kink was met at x
     */
    default double directionalDerivative(double[] x, double[] v) {
        return Vectors.dot(gradient(x), v);
    }

    /**
     * H(x) v, the Hessian-vector product ∇(∇f·v).
     *
     * @param x the point
     * @param v the direction
     * @return H(x) v
     */
    double[] hessianVectorProduct(double[] x, double[] v);

    /**
     * The Hessian H_ij = ∂²f/∂x_i∂x_j, assembled from n Hessian-vector products and symmetrised.
     *
     * @param x the point
     * @return the symmetric n × n Hessian
     */
    default double[][] hessian(double[] x) {
        int n = x.length;
        double[][] h = new double[n][];
        for (int j = 0; j < n; j++) {
            h[j] = hessianVectorProduct(x, Vectors.unit(n, j));
        }
        return Matrices.symmetrise(h);
    }
}
