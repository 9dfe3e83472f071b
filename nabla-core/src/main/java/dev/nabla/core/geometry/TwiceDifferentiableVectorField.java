package dev.nabla.core.geometry;

import dev.nabla.core.field.DifferentiableVectorField;

/**
 * A vector field u: R^n → R^m that also knows its second derivatives, through the one contraction the chain
 * rule needs for Hessians of compositions: Σ_i w_i ∇²u_i(x) v.
 */
public interface TwiceDifferentiableVectorField extends DifferentiableVectorField {

    /**
     * Σ_i w_i ∇²u_i(x) v, the weighted sum of the component Hessians applied to v.
     *
     * @param x the point
     * @param w the weights, one per component u_i
     * @param v the vector
     * @return Σ_i w_i ∇²u_i(x) v
     */
    double[] weightedHessianVectorProduct(double[] x, double[] w, double[] v);
}
