package dev.nabla.core.ad;

import java.util.Objects;

/**
 * The partially separable function f(x) = Σ_{i = 0, s, 2s, …, i+w ≤ n} term(x_i, …, x_{i+w−1}) as a function
 * object: applied to numbers it is {@link Reals#windowSum}{@code (x, w, s, term)}, so it serves every mode and
 * nests like any {@link RealFunction}. Given one at a point, {@link AD#value}, {@link AD#grad},
 * {@link AD#valueAndGrad}, {@link AD#gradientOf} and {@link AD#jvp} (one direction or several) run the term's
 * compiled kernel on the point's doubles directly (no numbers, no tape, no input handles to check): ∇f is
 * written once into the result and D_v f is summed without the values. Terms the kernel cannot take (see {@link Reals#windowSum})
 * and short sums take the general path, with the same results.
 *
 * <p>Rosenbrock's Σ 100 (x_{i+1} − x_i²)² + (1 − x_i)² is
 * {@code WindowSum.of(2, 1, w -> w.get(1).subtract(w.get(0).square()).square().multiply(100)
 * .add(w.get(0).subtract(1).square()))}.
 */
public final class WindowSum implements RealFunction {
    private final int width;
    private final int stride;
    private final Reals.WindowTerm term;

    private WindowSum(int width, int stride, Reals.WindowTerm term) {
        this.width = width;
        this.stride = stride;
        this.term = term;
    }

    /**
     * The window sum of term over windows of {@code width} entries starting every {@code stride} entries.
     *
     * @throws IllegalArgumentException if width or stride is below 1
     */
    public static WindowSum of(int width, int stride, Reals.WindowTerm term) {
        requireWindows(width, stride);
        return new WindowSum(width, stride, Objects.requireNonNull(term, "term"));
    }

    static void requireWindows(int width, int stride) {
        if (width < 1 || stride < 1) {
            throw new IllegalArgumentException("windowSum: width and stride must be at least 1, got width "
                    + width + " and stride " + stride);
        }
    }

    @Override
    public Real apply(Real[] x) {
        return Reals.windowSum(x, width, stride, term);
    }

    /**
     * The compiled kernel of f at a point of n entries when f is a {@code WindowSum}; null for any other function,
     * a short sum, or a term the kernels cannot take (then f runs on numbers, as every function does).
     */
    static WindowKernel.Bound kernelOf(RealFunction f, int n) {
        return f instanceof WindowSum w ? WindowKernel.forSum(n, w.width, w.stride, w.term) : null;
    }

    @Override
    public String toString() {
        return "window sum (width " + width + ", stride " + stride + ") of " + term;
    }
}
