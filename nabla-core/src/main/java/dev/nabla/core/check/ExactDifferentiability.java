package dev.nabla.core.check;

import dev.nabla.core.ad.RealFunction;
import dev.nabla.core.field.Vectors;
import dev.nabla.core.numeric.Numbers;
import dev.nabla.core.numeric.RandomVectors;
import dev.nabla.core.onesided.DirectionalDerivative;
import dev.nabla.core.onesided.OneSided;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Differentiability at a point decided from exact one-sided directional derivatives ({@link OneSided}): f is
 * differentiable at x only if v ↦ D_v f(x) is linear, so one direction without a finite D_v f, a pair v, −v with
 * D_{−v} f ≠ −D_v f, or a triple u, w, u + w with D_{u+w} f ≠ D_u f + D_w f is a <em>proof</em> that it is not
 * (the values are exact, so no tolerance beyond the rounding of their coefficients is needed).
 *
 * <p>Directions tested: ±e_1 … ±e_n, K seeded random unit directions u_j with their negatives, and the sums
 * e_1 + e_2, …, e_{n−1} + e_n (tested first, so that a failure of additivity is shown on the axes when they
 * show it, as the documents do), then u_1 + u_2, u_3 + u_4, …. When every test passes:
 * <ul>
 * <li>if no evaluation took a one-sided decision (no abs at 0, max at a tie, condition on its boundary, root at
 * 0), f is a composition of primitives each smooth at its argument, so f is differentiable at x with
 * ∇f = (D_{e_1} f, …, D_{e_n} f) — proven by the chain rule;</li>
 * <li>otherwise D_v f is linear on the directions tested, which is evidence, not a proof (|x|² at 0 is
 * differentiable; a defect along an untested direction is invisible): {@link #proven()} is false.</li>
 * </ul>
 *
 * @param point       x
 * @param verdict     the verdict
 * @param proven      whether the verdict is proven (every negative verdict is; a positive one when no kink is met)
 * @param evidence    one sentence naming the directions and values that decide the verdict
 * @param witnesses   the directional derivatives that prove a negative verdict (1, 2 or 3 of them), else empty
 * @param gradient    (D_{e_1} f, …, D_{e_n} f) when the verdict is DIFFERENTIABLE, else null
 * @param tested      every directional derivative computed
 * @param kinks       the one-sided decisions met along any direction
 */
public record ExactDifferentiability(double[] point, DifferentiabilityVerdict verdict, boolean proven,
                                     String evidence, List<DirectionalDerivative> witnesses, double[] gradient,
                                     List<DirectionalDerivative> tested, List<String> kinks) {

    /** Relative tolerance for two exact values to count as equal: the rounding of their coefficients. */
    public static final double ROUNDING = 1e-12;

    public ExactDifferentiability {
        point = point.clone();
        gradient = gradient == null ? null : gradient.clone();
        witnesses = List.copyOf(witnesses);
        tested = List.copyOf(tested);
        kinks = List.copyOf(kinks);
    }

    @Override
    public double[] point() {
        return point.clone();
    }

    @Override
    public double[] gradient() {
        return gradient == null ? null : gradient.clone();
    }

    /** True when f is differentiable at x (proven or, see {@link #proven()}, only sampled). */
    public boolean differentiable() {
        return verdict.isDifferentiable();
    }

    /**
     * Tests f at x with {@code randomDirections} seeded random directions.
     *
     * @param fx f(x), computed by the caller (which also checks that f is defined at x)
     */
    public static ExactDifferentiability test(RealFunction f, double[] x, double fx, int randomDirections, long seed) {
        int n = x.length;
        if (n == 0) {
            throw new IllegalArgumentException("a field of no variables has no directions to test");
        }
        List<DirectionalDerivative> tested = new ArrayList<>();
        List<String> kinks = new ArrayList<>();
        List<double[]> directions = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            directions.add(Vectors.unit(n, i));
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int j = 0; j < randomDirections; j++) {
            directions.add(RandomVectors.unitDirection(n, random));
        }
        // D_v and D_{−v} for every direction
        List<DirectionalDerivative[]> pairs = new ArrayList<>();
        for (double[] v : directions) {
            DirectionalDerivative plus = OneSided.directionalDerivative(f, x, v, fx);
            DirectionalDerivative minus = OneSided.directionalDerivative(f, x, Vectors.scale(-1, v), fx);
            for (DirectionalDerivative d : new DirectionalDerivative[] {plus, minus}) {
                tested.add(d);
                d.kinks().stream().filter(k -> !kinks.contains(k)).forEach(kinks::add);
                if (!d.isFinite() && d.kind() != DirectionalDerivative.Kind.NOT_DECIDED) {
                    return new ExactDifferentiability(x, DifferentiabilityVerdict.NO_DIRECTIONAL_DERIVATIVE, true,
                            "along v = " + Numbers.format(d.direction()) + " D_v f " + describe(d)
                                    + ", so f is not differentiable", List.of(d), null, tested, kinks);
                }
            }
            pairs.add(new DirectionalDerivative[] {plus, minus});
        }
        double scale = 0;
        for (DirectionalDerivative d : tested) {
            if (d.isFinite()) {
                scale = Math.max(scale, Math.abs(d.value()));
            }
        }
        double allowed = ROUNDING * Math.max(scale, Double.MIN_NORMAL);
        for (DirectionalDerivative[] p : pairs) {
            // with no kink met, f is smooth along every direction and a mismatch is rounding (cancellation), not proof
            if (!kinks.isEmpty() && p[0].isFinite() && p[1].isFinite() && Math.abs(p[0].value() + p[1].value()) > allowed) {
                return new ExactDifferentiability(x, DifferentiabilityVerdict.ONE_SIDED_ONLY, true,
                        "D_v f = " + Numbers.format(p[0].value()) + " along v = " + Numbers.format(p[0].direction())
                                + " but D_{−v} f = " + Numbers.format(p[1].value()) + " ≠ −D_v f, so v ↦ D_v f is not"
                                + " linear and f is not differentiable", List.of(p[0], p[1]), null, tested, kinks);
            }
        }
        double[] g = new double[n];
        boolean axesKnown = true;
        for (int i = 0; i < n; i++) {
            axesKnown &= pairs.get(i)[0].isFinite();
            g[i] = pairs.get(i)[0].value();
        }
        // additivity: D_{e_i+e_{i+1}} = D_{e_i} + D_{e_{i+1}} first (the documents' witnesses e1, e2, e1 + e2), then
        // for consecutive random directions (and, through g, along every direction)
        for (int i = 0; i + 1 < n; i++) {
            DirectionalDerivative du = pairs.get(i)[0];
            DirectionalDerivative dw = pairs.get(i + 1)[0];
            DirectionalDerivative sum = OneSided.directionalDerivative(f, x, Vectors.add(du.direction(),
                    dw.direction()), fx);
            tested.add(sum);
            sum.kinks().stream().filter(k -> !kinks.contains(k)).forEach(kinks::add);
            if (du.isFinite() && dw.isFinite() && sum.isFinite()
                    && Math.abs(sum.value() - du.value() - dw.value()) > allowed) {
                return notLinear(x, du, dw, sum, tested, kinks);
            }
        }
        for (int j = n; j + 1 < directions.size(); j += 2) {
            double[] u = directions.get(j);
            double[] w = directions.get(j + 1);
            DirectionalDerivative du = pairs.get(j)[0];
            DirectionalDerivative dw = pairs.get(j + 1)[0];
            DirectionalDerivative sum = OneSided.directionalDerivative(f, x, Vectors.add(u, w), fx);
            tested.add(sum);
            sum.kinks().stream().filter(k -> !kinks.contains(k)).forEach(kinks::add);
            if (!kinks.isEmpty() && du.isFinite() && dw.isFinite() && sum.isFinite()
                    && Math.abs(sum.value() - du.value() - dw.value()) > allowed) {
                return notLinear(x, du, dw, sum, tested, kinks);
            }
        }
        if (axesKnown) {
            for (int j = n; j < directions.size(); j++) {
                DirectionalDerivative d = pairs.get(j)[0];
                double linear = Vectors.dot(g, d.direction());
                if (!kinks.isEmpty() && d.isFinite() && Math.abs(d.value() - linear) > allowed) {
                    List<DirectionalDerivative> axes = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        axes.add(pairs.get(i)[0]);
                    }
                    axes.add(d);
                    return new ExactDifferentiability(x, DifferentiabilityVerdict.DIRECTIONAL_NOT_LINEAR, true,
                            "D_v f = " + Numbers.format(d.value()) + " along v = " + Numbers.format(d.direction())
                                    + " but Σ v_i D_{e_i} f = " + Numbers.format(linear)
                                    + ": v ↦ D_v f is not linear, so f is not differentiable", axes, null, tested, kinks);
                }
            }
        }
        long undecided = tested.stream().filter(d -> d.kind() == DirectionalDerivative.Kind.NOT_DECIDED).count();
        if (!axesKnown || undecided > 0) {
            return new ExactDifferentiability(x, DifferentiabilityVerdict.DIFFERENTIABLE, false, undecided
                    + " of the " + tested.size() + " directional derivatives were not decided; the others are linear",
                    List.of(), axesKnown ? g : null, tested, kinks);
        }
        if (kinks.isEmpty()) {
            return new ExactDifferentiability(x, DifferentiabilityVerdict.DIFFERENTIABLE, true,
                    "no kink at the point: f is a composition of primitives smooth at their arguments, so it is"
                            + " differentiable with ∇f = " + Numbers.format(g), List.of(), g, tested, kinks);
        }
        return new ExactDifferentiability(x, DifferentiabilityVerdict.DIFFERENTIABLE, false,
                "kinks at the point (" + String.join(", ", kinks) + "), but D_v f = g·v with g = "
                        + Numbers.format(g) + " on all " + tested.size() + " directions tested: consistent with"
                        + " differentiability, not a proof", List.of(), g, tested, kinks);
    }

    private static ExactDifferentiability notLinear(double[] x, DirectionalDerivative du, DirectionalDerivative dw,
                                                    DirectionalDerivative sum, List<DirectionalDerivative> tested,
                                                    List<String> kinks) {
        return new ExactDifferentiability(x, DifferentiabilityVerdict.DIRECTIONAL_NOT_LINEAR, true,
                "D_u f + D_w f = " + Numbers.format(du.value()) + " + " + Numbers.format(dw.value()) + " = "
                        + Numbers.format(du.value() + dw.value()) + " but D_{u+w} f = " + Numbers.format(sum.value())
                        + " for u = " + Numbers.format(du.direction()) + ", w = " + Numbers.format(dw.direction())
                        + ": v ↦ D_v f is not additive, so f is not differentiable", List.of(du, dw, sum), null,
                tested, kinks);
    }

    private static String describe(DirectionalDerivative d) {
        return switch (d.kind()) {
            case POSITIVE_INFINITY -> "= +∞ (" + d.reason() + ")";
            case NEGATIVE_INFINITY -> "= −∞ (" + d.reason() + ")";
            default -> "does not exist (" + d.reason() + ")";
        };
    }
}
