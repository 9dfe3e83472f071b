package dev.nabla.core.interval;

import java.util.List;

/**
 * Enclosures of f(x) and of ∇f(x) = (∂f/∂x₁, …, ∂f/∂xₙ): each contains the exact value (where f is
 * differentiable at x): from formulas ({@code dev.nabla.symbolic.certify.Enclosures}), Java code
 * ({@link IntervalAD}) or high precision ({@code nabla-precise}).
 *
 * @param value    an enclosure of f(x)
 * @param gradient enclosures of the partials, in the formula's variable order
 * @param <T>      the kind of enclosure
 */
public record CertifiedGradient<T>(T value, List<T> gradient) {
    /** Copies the list. */
    public CertifiedGradient {
        gradient = List.copyOf(gradient);
    }
}
