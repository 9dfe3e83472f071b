package dev.nabla.core.optim;

import java.util.Optional;

/**
 * A line search for the strong Wolfe conditions (Nocedal &amp; Wright, Numerical Optimization, 2nd ed.,
 * Algorithms 3.5 and 3.6):
 * <pre>
 *   φ(α) ≤ φ(0) + c1 α φ'(0)        (sufficient decrease)
 *   |φ'(α)| ≤ c2 |φ'(0)|            (curvature)
 * </pre>
 * The bracketing phase doubles α from α0 until a step satisfies both, or an interval [α_lo, α_hi] is known to
 * contain one; {@code zoom} then shrinks it, picking each trial by cubic interpolation of φ and φ' at the
 * ends (N–W eq. 3.59), safeguarded to the middle 80 % of the interval (bisection otherwise). Every trial
 * evaluates f and ∇f together, so straight lines only.
 *
 * <p>Defaults ({@link #DEFAULT}): c1 = 1e-4, c2 = 0.9 (the quasi-Newton choice), α0 = 1, α_max = 1e10, at most
 * 50 trials.
 *
 * @param c1             sufficient-decrease constant
 * @param c2             curvature constant, c1 &lt; c2 &lt; 1
 * @param initialStep    α0
 * @param maxStep        α_max
 * @param maxEvaluations trials before giving up
 */
public record StrongWolfe(double c1, double c2, double initialStep, double maxStep, int maxEvaluations)
        implements LineSearch {

    /** c1 = 1e-4, c2 = 0.9, α0 = 1, α_max = 1e10, 50 trials. */
    public static final StrongWolfe DEFAULT = new StrongWolfe(1e-4, 0.9, 1, 1e10, 50);

    /**
     * The canonical constructor (it checks and copies the components as the record requires).
     *
     * @param c1             sufficient-decrease constant
     * @param c2             curvature constant, c1 &lt; c2 &lt; 1
     * @param initialStep    α0
     * @param maxStep        α_max
     * @param maxEvaluations trials before giving up
     */
    public StrongWolfe {
        if (!(c1 > 0 && c1 < c2 && c2 < 1) || !(initialStep > 0) || !(maxStep >= initialStep) || maxEvaluations < 1) {
            throw new IllegalArgumentException("strong Wolfe needs 0 < c1 < c2 < 1, 0 < initialStep ≤ maxStep, maxEvaluations ≥ 1;"
                    + " got c1=" + c1 + ", c2=" + c2 + ", initialStep=" + initialStep + ", maxStep=" + maxStep
                    + ", maxEvaluations=" + maxEvaluations);
        }
    }

    @Override
    public Optional<Trial> search(SearchPath path, double value0, double slope0) {
        if (!(slope0 < 0)) {
            return Optional.empty();
        }
        Trial previous = new Trial(0, path.pointAt(0), value0, null, slope0);
        double alpha = initialStep;
        for (int used = 1; used <= maxEvaluations; used++) {
            Trial t = path.valueAndSlope(alpha);
            if (!armijo(t, value0, slope0) || (used > 1 && t.value() >= previous.value())) {
                return zoom(path, previous, t, value0, slope0, maxEvaluations - used);
            }
            if (Math.abs(t.slope()) <= -c2 * slope0) {
                return Optional.of(t);
            }
            if (t.slope() >= 0) {
                return zoom(path, t, previous, value0, slope0, maxEvaluations - used);
            }
            if (alpha >= maxStep) {
                return Optional.empty();
            }
            previous = t;
            alpha = Math.min(2 * alpha, maxStep);
        }
        return Optional.empty();
    }

    /** N–W Algorithm 3.6: lo satisfies sufficient decrease with the lowest value so far; φ'(lo)(hi − lo) &lt; 0. */
    private Optional<Trial> zoom(SearchPath path, Trial lo, Trial hi, double value0, double slope0, int budget) {
        for (int j = 0; j < budget; j++) {
            double alpha = interpolate(lo, hi);
            if (alpha == lo.alpha() || alpha == hi.alpha()) {
                return Optional.empty();
            }
            Trial t = path.valueAndSlope(alpha);
            if (!armijo(t, value0, slope0) || t.value() >= lo.value()) {
                hi = t;
            } else {
                if (Math.abs(t.slope()) <= -c2 * slope0) {
                    return Optional.of(t);
                }
                if (t.slope() * (hi.alpha() - lo.alpha()) >= 0) {
                    hi = lo;
                }
                lo = t;
            }
        }
        return Optional.empty();
    }

    private boolean armijo(Trial t, double value0, double slope0) {
        return t.value() <= value0 + c1 * t.alpha() * slope0;
    }

    /** The minimiser of the cubic through (φ, φ') at both ends, or the midpoint when it is unsafe or undefined. */
    private static double interpolate(Trial a, Trial b) {
        double lo = Math.min(a.alpha(), b.alpha());
        double hi = Math.max(a.alpha(), b.alpha());
        double mid = 0.5 * (lo + hi);
        double d1 = a.slope() + b.slope() - 3 * (a.value() - b.value()) / (a.alpha() - b.alpha());
        double disc = d1 * d1 - a.slope() * b.slope();
        if (!(disc >= 0) || !Double.isFinite(d1)) {
            return mid;
        }
        double d2 = Math.signum(b.alpha() - a.alpha()) * Math.sqrt(disc);
        double alpha = b.alpha() - (b.alpha() - a.alpha()) * (b.slope() + d2 - d1) / (b.slope() - a.slope() + 2 * d2);
        double margin = 0.1 * (hi - lo);
        return alpha >= lo + margin && alpha <= hi - margin ? alpha : mid;
    }

    @Override
    public double sufficientDecrease() {
        return c1;
    }

    @Override
    public String name() {
        return "strong Wolfe";
    }
}
