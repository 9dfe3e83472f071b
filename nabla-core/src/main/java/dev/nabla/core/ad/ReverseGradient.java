package dev.nabla.core.ad;

import dev.nabla.core.field.Kink;
import java.util.List;

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

    /**
     * The kinks the last {@link #valueAndGradient} call met (where its gradient follows the one-sided convention
     * of {@link Real}); empty when f was smooth there. The tape's gradient ({@link AD#gradientOf}) records them
     * as it runs; implementations that do not (a compiled program, whose {@code kinks(x)} finds them by
     * interpreting its primal) return an empty list here.
     */
    default List<Kink> lastKinks() {
        return List.of();
    }
}
