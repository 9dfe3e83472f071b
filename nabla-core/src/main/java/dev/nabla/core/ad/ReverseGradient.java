package dev.nabla.core.ad;

/**
 * A reusable reverse-mode gradient of one function, from {@link AD#gradientOf}: it owns its tape, so repeated
 * calls allocate no tape memory (the arrays grow to the largest pass and are reused).
 *
 * <p>Not thread-safe: use one instance per thread, and do not call it again from inside the function it
 * differentiates (nested derivatives go through the {@link AD} entry points, which use a tape per nesting
 * level).
 */
public interface ReverseGradient {

    /** Returns f(x) and writes ∇f(x) = (∂f/∂x_1, …, ∂f/∂x_n) into {@code gradientOut} (length n). */
    double valueAndGradient(double[] x, double[] gradientOut);
}
