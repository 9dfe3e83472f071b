package dev.nabla.core.optim;

import java.util.Optional;

/**
 * Backtracking line search with the Armijo (sufficient decrease) condition: try α = α0, α0 ρ, α0 ρ², … and
 * accept the first α with f(p(α)) ≤ f(x) + c1 α ∇f(x)·d. Needs only values of f, so it also works along a
 * retraction.
 *
 * <p>Documented defaults ({@link #DEFAULT}): c1 = 1e-4 (Nocedal–Wright's usual choice: almost any decrease
 * proportional to the first-order prediction), ρ = 0.5 (halve the step), α0 = 1 (the full step first), at most
 * 60 halvings (α ≥ 2⁻⁶⁰ ≈ 1e-18, below which x + αd = x in double precision for |d| ≈ |x|).
 *
 * <p>An accepted value must also be strictly below f(x): when c1 α |∇f·d| is below the rounding of f(x) the
 * Armijo inequality alone would accept an unchanged value, and a run could stall without progress. Where no
 * trial decreases the computed f the search fails: the precision floor of value-based line searches, reached
 * near a minimiser with f* ≠ 0 at ‖∇f‖ ≈ √(2ε|f*|/α).
 *
 * @param c1             sufficient-decrease constant, 0 &lt; c1 &lt; 1
 * @param rho            backtracking factor, 0 &lt; ρ &lt; 1
 * @param initialStep    α0 &gt; 0
 * @param maxBacktracks  the number of reductions before giving up
 */
public record ArmijoBacktracking(double c1, double rho, double initialStep, int maxBacktracks) implements LineSearch {

    /** c1 = 1e-4, ρ = 0.5, α0 = 1, 60 backtracks. */
    public static final ArmijoBacktracking DEFAULT = new ArmijoBacktracking(1e-4, 0.5, 1, 60);

    /**
     * The canonical constructor (it checks and copies the components as the record requires).
     *
     * @param c1            sufficient-decrease constant, 0 &lt; c1 &lt; 1
     * @param rho           backtracking factor, 0 &lt; ρ &lt; 1
     * @param initialStep   α0 &gt; 0
     * @param maxBacktracks the number of reductions before giving up
     */
    public ArmijoBacktracking {
        if (!(c1 > 0 && c1 < 1) || !(rho > 0 && rho < 1) || !(initialStep > 0) || maxBacktracks < 0) {
            throw new IllegalArgumentException("Armijo needs 0 < c1 < 1, 0 < rho < 1, initialStep > 0, maxBacktracks ≥ 0; got c1="
                    + c1 + ", rho=" + rho + ", initialStep=" + initialStep + ", maxBacktracks=" + maxBacktracks);
        }
    }

    @Override
    public Optional<Trial> search(SearchPath path, double value0, double slope0) {
        if (!(slope0 < 0)) {
            return Optional.empty();
        }
        double alpha = initialStep;
        for (int i = 0; i <= maxBacktracks; i++) {
            Trial t = path.value(alpha);
            if (t.value() <= value0 + c1 * alpha * slope0 && t.value() < value0) {
                return Optional.of(t);
            }
            alpha *= rho;
        }
        return Optional.empty();
    }

    @Override
    public double sufficientDecrease() {
        return c1;
    }

    @Override
    public String name() {
        return "Armijo";
    }
}
