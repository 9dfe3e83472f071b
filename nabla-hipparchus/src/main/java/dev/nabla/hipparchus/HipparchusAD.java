package dev.nabla.hipparchus;

import dev.nabla.core.ad.AD;
import dev.nabla.core.ad.Real;
import dev.nabla.core.ad.RealFunction;
import dev.nabla.core.field.DifferentiableScalarField;
import dev.nabla.core.field.Gradient;

/**
 * Derivatives of f: Rⁿ → R written against Hipparchus' field API. Write f once for any
 * {@code T extends CalculusFieldElement<T>} (Hipparchus' special functions and field ODE integrators accept
 * it), then pass {@code x -> f(x)}: {@link #gradient} records one pass on Nabla's tape and returns
 * ∇f(x) = (∂f/∂x₁, …, ∂f/∂xₙ) from one reverse sweep, where Hipparchus' own {@code Gradient} carries n
 * tangent components through every operation.
 */
public final class HipparchusAD {

    private HipparchusAD() {
    }

    /** f: Rⁿ → R on {@link RealElement}s. */
    @FunctionalInterface
    public interface FieldFunction {
        /**
         * The value of f.
         *
         * @param x the n inputs
         * @return f(x)
         */
        RealElement apply(RealElement[] x);
    }

    /**
     * ∇f(x) by reverse mode: one recorded pass, one reverse sweep.
     *
     * @param f the function
     * @param x the point
     * @return the gradient, one partial derivative per input
     */
    public static double[] gradient(FieldFunction f, double[] x) {
        return AD.grad(real(f), x);
    }

    /**
     * f(x) and ∇f(x) by reverse mode, with the kinks met (see {@link Gradient}).
     *
     * @param f the function
     * @param x the point
     * @return the value, the gradient and the kinks
     */
    public static Gradient valueAndGradient(FieldFunction f, double[] x) {
        return AD.valueAndGrad(real(f), x);
    }

    /**
     * f as a Nabla field: every derivative Nabla offers (directional derivative D_v f = ∇f·v in forward mode,
     * Hessian-vector products, Hessians, gradient checks) on the Hipparchus code.
     *
     * @param f the function
     * @param n the number of inputs
     * @return the differentiable scalar field f: Rⁿ → R
     */
    public static DifferentiableScalarField field(FieldFunction f, int n) {
        return AD.field(real(f), n);
    }

    /**
     * f as a {@link RealFunction}: its inputs wrapped as {@link RealElement}s, its result unwrapped.
     *
     * @param f the function on field elements
     * @return the same function on Nabla numbers
     */
    public static RealFunction real(FieldFunction f) {
        return x -> {
            RealElement[] e = new RealElement[x.length];
            for (int i = 0; i < x.length; i++) {
                e[i] = RealElement.of(x[i]);
            }
            return f.apply(e).real();
        };
    }
}
