package dev.nabla.core.interval;

import java.util.List;

/**
 * Enclosures of f(x), ∇f(x) and the Hessian H_ij = ∂²f/∂x_i∂x_j(x), from one pass.
 *
 * @param value    an enclosure of f(x)
 * @param gradient enclosures of the partials
 * @param hessian  enclosures of the second partials, row i = ∇(∂f/∂x_i)
 * @param <T>      the kind of enclosure
 */
public record CertifiedHessian<T>(T value, List<T> gradient, List<List<T>> hessian) {
    /** Copies the lists. */
    public CertifiedHessian {
        gradient = List.copyOf(gradient);
        hessian = hessian.stream().map(List::copyOf).toList();
    }
}
