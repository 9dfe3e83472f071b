package dev.nabla.core.check;

import dev.nabla.core.field.DifferentiableScalarField;
import dev.nabla.core.field.Gradient;
import dev.nabla.core.field.Kink;
import dev.nabla.core.field.ScalarField;
import dev.nabla.core.field.Vectors;
import dev.nabla.core.interval.Interval;
import dev.nabla.core.numeric.Estimate;
import dev.nabla.core.numeric.FiniteDifferences;
import dev.nabla.core.numeric.Quotients;
import dev.nabla.core.numeric.RandomVectors;
import dev.nabla.core.numeric.StepLadder;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * The gradient check: does a claimed gradient g agree with the field's values near x?
 *
 * <p>Directions: the n coordinate axes e_i (they say which components are wrong) and
 * {@link Options#randomDirections()} unit directions drawn from a {@link SplittableRandom} seeded with
 * {@link Options#seed()} (they catch errors the axes miss in combination, e.g. swapped components).
 *
 * <p>Along each unit v: central quotients φ(h) = (f(x + h v) − f(x − h v)) / 2h over the step ladder
 * (default 1e-1 … 1e-8 times max(1, ‖x‖_∞), a factor √10 apart) and Richardson extrapolation with an error
 * estimate δ ({@link dev.nabla.core.numeric.Richardson}); the extrapolant with the smallest δ is the estimate
 * D̃. The step is chosen by the estimate's own consistency, never by closeness to the claim, so a wrong claim
 * cannot pick the step that flatters it.
 *
 * <p>The tolerance rule. With S = max(‖g‖, |D̃|) (the natural size of a directional derivative along a unit
 * vector; it carries the scale of f and of x through the gradient):
 * <pre>
 *   FAIL          if |D̃ − g·v| &gt; τ·S + 4δ          (τ = 1e-6 by default)
 *   INCONCLUSIVE  else if δ &gt; 1e-3·S               (the differences cannot resolve D_v f to 0.1 %)
 *   PASS          otherwise
 * </pre>
 * δ already contains the rounding noise 8ε·max|f|/h of the quotients, so a large |f| (values near 1e8) widens
 * the allowance by exactly the noise it causes, and scaling f by any constant scales every term alike.
 *
 * <p>Certified check. Given enclosures [lo, hi] of D_v f (from {@link dev.nabla.core.interval.IntervalAD} or a
 * formula's {@code Enclosures}), the enclosure decides wherever it can, so rounding noise can neither fail nor
 * pass a direction:
 * <pre>
 *   FAIL          if g·v lies outside [lo − τ·S, hi + τ·S]          (certain, whatever the differences say)
 *   PASS          if g·v lies inside and hi − lo ≤ τ·S              (certain)
 *   otherwise     the finite-difference verdict above (the enclosure is too wide to decide at double precision)
 * </pre>
 */
public final class GradientCheck {

    /** Multiplier on the estimate's error in the allowance τ·S + 4δ. */
    public static final double ERROR_SAFETY = 4;

    /** δ above this fraction of S makes a non-failing direction INCONCLUSIVE. */
    public static final double RESOLUTION = 1e-3;

    /**
     * @param randomDirections how many seeded random unit directions (the documents use 20)
     * @param axes             whether to check the n coordinate axes as well
     * @param seed             the seed of the random directions
     * @param tolerance        τ, the relative tolerance
     * @param ladder           the step ladder (relative to max(1, ‖x‖_∞))
     */
    public record Options(int randomDirections, boolean axes, long seed, double tolerance, StepLadder ladder) {

        /** 20 random directions and the axes, seed 0, τ = 1e-6, {@link StepLadder#DEFAULT}. */
        public static final Options DEFAULT = new Options(20, true, 0, 1e-6, StepLadder.DEFAULT);

        public Options {
            if (randomDirections < 0 || !(tolerance > 0)) {
                throw new IllegalArgumentException("need randomDirections ≥ 0 and tolerance > 0");
            }
        }

        public Options withSeed(long s) {
            return new Options(randomDirections, axes, s, tolerance, ladder);
        }
    }

    private GradientCheck() {
    }

    /** Checks a field's own gradient (formula or AD) at x with the default options. */
    public static GradientCheckReport check(DifferentiableScalarField f, double[] x) {
        return check(f, x, Options.DEFAULT);
    }

    /** Checks a field's own gradient (formula or AD) at x. */
    public static GradientCheckReport check(DifferentiableScalarField f, double[] x, Options options) {
        Gradient atX = f.valueAndGradient(x.clone());
        return check(f, y -> f.valueAndGradient(y).gradient(), x, options, atX.kinks());
    }

    /** Checks a claimed gradient y ↦ g(y) of f at x with the default options. */
    public static GradientCheckReport check(ScalarField f, Function<double[], double[]> claimedGradient, double[] x) {
        return check(f, claimedGradient, x, Options.DEFAULT);
    }

    /** Checks a claimed gradient y ↦ g(y) of f at x. */
    public static GradientCheckReport check(ScalarField f, Function<double[], double[]> claimedGradient, double[] x,
                                            Options options) {
        return check(f, claimedGradient, x, options, List.of(), null);
    }

    /**
     * Checks a claimed gradient of f at x against certified enclosures of D_v f, v ↦ [lo, hi] (see the class
     * comment: the enclosure decides where it can, the finite differences otherwise).
     */
    public static GradientCheckReport check(ScalarField f, Function<double[], double[]> claimedGradient, double[] x,
                                            Options options, Function<double[], Interval> certifiedDirectional) {
        return check(f, claimedGradient, x, options, List.of(), certifiedDirectional);
    }

    private static GradientCheckReport check(ScalarField f, Function<double[], double[]> claimedGradient, double[] x,
                                             Options options, List<Kink> kinks) {
        return check(f, claimedGradient, x, options, kinks, null);
    }

    private static GradientCheckReport check(ScalarField f, Function<double[], double[]> claimedGradient, double[] x,
                                             Options options, List<Kink> kinks,
                                             Function<double[], Interval> certified) {
        int n = x.length;
        if (n == 0) {
            throw new IllegalArgumentException("a field of no variables has no gradient to check");
        }
        double value = f.value(x.clone());
        double[] g = claimedGradient.apply(x.clone());
        if (g.length != n) {
            throw new IllegalArgumentException("the claimed gradient has " + g.length + " components, the point " + n);
        }
        double gnorm = Vectors.norm(g);
        List<DirectionCheck> checks = new ArrayList<>();
        for (Direction d : directions(n, options)) {
            Quotients q = FiniteDifferences.centralQuotients(f, x, d.vector(), options.ladder());
            DirectionCheck c = judge(d, Vectors.dot(g, d.vector()), gnorm, q, options.tolerance());
            checks.add(certified == null ? c
                    : certify(c, certified.apply(d.vector().clone()), gnorm, options.tolerance()));
        }
        return GradientCheckReport.of(x, value, g, checks, options.axes(), options.seed(), kinks);
    }

    /** A labelled unit direction. */
    record Direction(String label, double[] vector) {
    }

    /** The axes e1 … en (if asked for), then the seeded random unit directions. */
    static List<Direction> directions(int n, Options options) {
        List<Direction> out = new ArrayList<>();
        if (options.axes()) {
            for (int i = 0; i < n; i++) {
                out.add(new Direction("e" + (i + 1), Vectors.unit(n, i)));
            }
        }
        SplittableRandom random = new SplittableRandom(options.seed());
        for (int k = 1; k <= options.randomDirections(); k++) {
            out.add(new Direction("random " + k, RandomVectors.unitDirection(n, random)));
        }
        return out;
    }

    /** The verdict of one direction decided by an enclosure of D_v f where it can be (see the class comment). */
    static DirectionCheck certify(DirectionCheck c, Interval exact, double claimedScale, double tolerance) {
        double scale = Math.max(claimedScale, Math.max(Math.abs(exact.midpoint()), Math.abs(c.estimate().value())));
        double slack = tolerance * scale;
        double claim = c.claimed();
        CheckStatus status;
        if (claim < exact.lo() - slack || claim > exact.hi() + slack) {
            status = CheckStatus.FAIL;
        } else if (exact.isFinite() && exact.hi() - exact.lo() <= slack) {
            status = CheckStatus.PASS;
        } else {
            return c;
        }
        return new DirectionCheck(c.label(), c.direction(), claim, c.estimate(), c.error(), c.allowed(), status,
                c.ladder());
    }

    /** Applies the tolerance rule to one direction (see the class comment). */
    static DirectionCheck judge(Direction d, double claimed, double claimedScale, Quotients q, double tolerance) {
        Estimate e = q.extrapolate();
        double scale = Math.max(claimedScale, Math.abs(e.value()));
        double error = Math.abs(e.value() - claimed);
        double allowed = tolerance * scale + ERROR_SAFETY * e.error();
        CheckStatus status;
        if (!Double.isFinite(e.value()) || !Double.isFinite(claimed)) {
            status = Double.isFinite(claimed) ? CheckStatus.INCONCLUSIVE : CheckStatus.FAIL;
        } else if (error > allowed) {
            status = CheckStatus.FAIL;
        } else if (e.error() > RESOLUTION * scale) {
            status = CheckStatus.INCONCLUSIVE;
        } else {
            status = CheckStatus.PASS;
        }
        double[] steps = q.steps();
        double[] values = q.values();
        List<StepError> ladder = new ArrayList<>();
        for (int k = 0; k < steps.length; k++) {
            ladder.add(new StepError(steps[k], values[k], Math.abs(values[k] - claimed)));
        }
        return new DirectionCheck(d.label(), d.vector(), claimed, e, error, allowed, status, ladder);
    }
}
