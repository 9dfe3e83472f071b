package dev.nabla.core.check;

import dev.nabla.core.field.DifferentiableScalarField;
import dev.nabla.core.field.Gradient;
import dev.nabla.core.field.ScalarField;
import dev.nabla.core.field.Vectors;
import dev.nabla.core.numeric.Estimate;
import dev.nabla.core.numeric.FiniteDifferences;
import dev.nabla.core.numeric.Quotients;
import dev.nabla.core.numeric.StepLadder;

/**
 * The directional derivative from its definition, estimated numerically.
 *
 * <p>Right quotients φ₊(t) = (f(x + t v) − f(x)) / t for t = h_k·max(1, ‖x‖_∞)/‖v‖ over the ladder
 * (default 1e-1 … 1e-8), left quotients φ₋(t) = (f(x − t v) − f(x)) / (−t); each sequence is extrapolated to
 * t = 0 by Richardson with powers t, t², t³, … ({@link dev.nabla.core.numeric.Richardson}).
 *
 * <p>Thresholds (stated in docs/verification.md):
 * <ul>
 * <li>a one-sided limit exists when the best extrapolant's error estimate δ ≤ {@value #EXISTENCE}·S + 4N,
 * with S = max(|limit|, |φ(t_k)| for the steps t_k at or above the extrapolant's smallest step) and N the
 * rounding noise of the extrapolant: the quotients have settled to 0.1 % of the size they had on the way
 * (or to rounding noise). A quotient approaching its limit like t^α is recognised for α ≳ 3/8; slower
 * convergence is reported as no limit; a diverging quotient has its best extrapolant at large steps, where
 * δ is comparable to the quotients themselves;</li>
 * <li>the two one-sided limits agree when |D₊ − D₋| ≤ {@value #AGREEMENT}·S + 4(δ₊ + δ₋), S = max(|D₊|,
 * |D₋|): then the two-sided limit exists.</li>
 * </ul>
 * Features of f at distances below the smallest step (1e-8·max(1, ‖x‖_∞)) are invisible to it.
 */
public final class DirectionalLimits {

    /** Relative error up to which a sequence of quotients counts as converged. */
    public static final double EXISTENCE = 1e-3;

    /** Relative tolerance for two limits (or a limit and ∇f·v) to agree, on top of 4× their error estimates. */
    public static final double AGREEMENT = 1e-6;

    private DirectionalLimits() {
    }

    /** lim_{t→0±} (f(x + t v) − f(x)) / t over {@link StepLadder#DEFAULT}. */
    public static OneSidedLimit oneSided(ScalarField f, double[] x, double[] v, OneSidedLimit.Side side) {
        return oneSided(f, x, v, side, StepLadder.DEFAULT);
    }

    /** lim_{t→0±} (f(x + t v) − f(x)) / t over the given ladder. */
    public static OneSidedLimit oneSided(ScalarField f, double[] x, double[] v, OneSidedLimit.Side side,
                                         StepLadder ladder) {
        if (Vectors.norm(v) == 0) {
            throw new IllegalArgumentException("the direction must not be the zero vector");
        }
        Quotients q = side == OneSidedLimit.Side.RIGHT
                ? FiniteDifferences.oneSidedQuotients(f, x, v, ladder)
                : FiniteDifferences.oneSidedQuotients(f, x, Vectors.scale(-1, v), ladder).scaled(-1);
        Estimate e = q.extrapolate();
        double size = Math.abs(e.value());
        double[] steps = q.steps();
        double[] values = q.values();
        for (int k = 0; k < values.length; k++) {
            if (Double.isFinite(values[k]) && steps[k] >= e.step()) {
                size = Math.max(size, Math.abs(values[k]));
            }
        }
        boolean exists = Double.isFinite(e.value())
                && e.error() <= EXISTENCE * size + GradientCheck.ERROR_SAFETY * e.noise();
        return new OneSidedLimit(side, e, exists, q);
    }

    /** Both one-sided limits of a black-box field (no gradient to compare with). */
    public static DirectionalLimit of(ScalarField f, double[] x, double[] v) {
        return of(f, x, v, Double.NaN);
    }

    /**
     * Both one-sided limits of a differentiable field, compared with ∇f(x)·v when x is not a kink of f
     * (its {@link DifferentiableScalarField#valueAndGradient} reports no kink).
     */
    public static DirectionalLimit of(DifferentiableScalarField f, double[] x, double[] v) {
        Gradient g = f.valueAndGradient(x.clone());
        return of(f, x, v, g.isSmooth() ? Vectors.dot(g.gradient(), v) : Double.NaN);
    }

    static DirectionalLimit of(ScalarField f, double[] x, double[] v, double gradientDot) {
        OneSidedLimit right = oneSided(f, x, v, OneSidedLimit.Side.RIGHT);
        OneSidedLimit left = oneSided(f, x, v, OneSidedLimit.Side.LEFT);
        return new DirectionalLimit(x, v, right, left, agree(right, left), gradientDot);
    }

    /** Both exist and |D₊ − D₋| ≤ AGREEMENT·max(|D₊|, |D₋|) + 4(δ₊ + δ₋). */
    static boolean agree(OneSidedLimit right, OneSidedLimit left) {
        if (!right.exists() || !left.exists()) {
            return false;
        }
        double a = right.estimate().value();
        double b = left.estimate().value();
        return Math.abs(a - b) <= AGREEMENT * Math.max(Math.abs(a), Math.abs(b))
                + GradientCheck.ERROR_SAFETY * (right.estimate().error() + left.estimate().error());
    }
}
