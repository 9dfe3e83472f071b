package dev.nabla.core.ad;

import dev.nabla.core.field.Kink;
import java.util.List;

/**
 * A reusable Hessian-vector product of one function f: R^n → R, from {@link AD#hessianVectorProductOf}: one
 * recorded pass over dual numbers (value and tangent along v) and one reverse sweep of dual adjoints give
 * f(x), ∇f(x) and H(x)v = ∇(∇f·v)(x) together. It owns its tape, so repeated calls allocate no tape memory.
 *
 * <p>Not thread-safe: use one instance per thread, and do not call it again from inside the function it
 * differentiates (nested derivatives go through the {@link AD} entry points).
 */
public interface HessianVectorProduct {

    /**
     * Returns f(x), writes ∇f(x) into {@code gradientOut} and H(x)v = ∇(∇f·v)(x), with H_ij = ∂²f/∂x_i∂x_j,
     * into {@code hvpOut} (all of length n).
     */
    double valueGradientAndHvp(double[] x, double[] v, double[] gradientOut, double[] hvpOut);

    /** The kinks the last {@link #valueGradientAndHvp} call met; empty when f was smooth there. */
    List<Kink> lastKinks();
}
