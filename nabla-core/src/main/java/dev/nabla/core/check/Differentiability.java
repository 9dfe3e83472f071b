package dev.nabla.core.check;

import dev.nabla.core.field.DifferentiableScalarField;
import dev.nabla.core.field.Gradient;
import dev.nabla.core.field.ScalarField;
import dev.nabla.core.field.Vectors;
import dev.nabla.core.numeric.Numbers;
import dev.nabla.core.numeric.RandomVectors;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The differentiability test at a point: estimate D_v f(x) from its definition for many directions v and
 * test whether v ↦ D_v f(x) is a linear map.
 *
 * <p>Directions: the axes e_1 … e_n, K seeded random unit directions u_1 … u_K, and the K/2 sums
 * u_1 + 2u_2, u_3 + 2u_4, … (the factor 2 keeps a sum from vanishing in one dimension). For each, the right and left limits of (f(x + t v) − f(x))/t
 * ({@link DirectionalLimits}). Then, in order:
 * <ol>
 * <li>some one-sided limit does not exist → {@link DifferentiabilityVerdict#NO_DIRECTIONAL_DERIVATIVE};</li>
 * <li>some direction has D₊ ≠ D₋, i.e. homogeneity fails for negative scalars (D_{−v} f = −D₋ ≠ −D₊;
 * positive homogeneity holds by the definition itself) → {@link DifferentiabilityVerdict#ONE_SIDED_ONLY};</li>
 * <li>additivity fails, |D_{u+w} − D_u − D_w| &gt; A, or D_u ≠ g·u with g = (D_{e_i}) by more than A →
 * {@link DifferentiabilityVerdict#DIRECTIONAL_NOT_LINEAR};</li>
 * <li>otherwise {@link DifferentiabilityVerdict#DIFFERENTIABLE}, with g the derivative, compared with the
 * field's gradient when it has one at x.</li>
 * </ol>
 * The allowance is A = {@value DirectionalLimits#AGREEMENT}·S + 4·(sum of the error estimates involved), with S
 * the largest |D_v f| met.
 */
public final class Differentiability {

    /**
     * @param randomDirections K, the number of random unit directions (their pairwise sums are added)
     * @param seed             the seed of the random directions
     */
    public record Options(int randomDirections, long seed) {
        /** K = 8, seed 0. */
        public static final Options DEFAULT = new Options(8, 0);

        public Options {
            if (randomDirections < 2) {
                throw new IllegalArgumentException("need at least 2 random directions, got " + randomDirections);
            }
        }
    }

    private Differentiability() {
    }

    /** Tests a black-box field at x. */
    public static DifferentiabilityReport test(ScalarField f, double[] x, Options options) {
        return test(f, x, null, options);
    }

    /** Tests a differentiable field at x; its gradient is compared where x is not a kink. */
    public static DifferentiabilityReport test(DifferentiableScalarField f, double[] x, Options options) {
        Gradient g = f.valueAndGradient(x.clone());
        return test(f, x, g.isSmooth() ? g.gradient() : null, options);
    }

    private static DifferentiabilityReport test(ScalarField f, double[] x, double[] gradient, Options options) {
        int n = x.length;
        List<double[]> directions = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            directions.add(Vectors.unit(n, i));
        }
        SplittableRandom random = new SplittableRandom(options.seed());
        int k = options.randomDirections();
        for (int j = 0; j < k; j++) {
            directions.add(RandomVectors.unitDirection(n, random));
        }
        for (int j = 0; j + 1 < k; j += 2) {
            directions.add(Vectors.axpy(2, directions.get(n + j + 1), directions.get(n + j)));
        }
        List<DirectionalLimit> limits = new ArrayList<>();
        for (double[] v : directions) {
            limits.add(DirectionalLimits.of(f, x, v, gradient == null ? Double.NaN : Vectors.dot(gradient, v)));
        }
        long seed = options.seed();

        for (DirectionalLimit l : limits) {
            if (!l.right().exists() || !l.left().exists()) {
                String evidence = "along v = " + Numbers.format(l.direction()) + " the difference quotient has "
                        + (l.right().exists() ? "" : "no right limit (" + l.right() + ")")
                        + (!l.right().exists() && !l.left().exists() ? " and " : "")
                        + (l.left().exists() ? "" : "no left limit (" + l.left() + ")");
                return report(x, DifferentiabilityVerdict.NO_DIRECTIONAL_DERIVATIVE, evidence, limits, null, gradient, seed);
            }
        }

        DirectionalLimit kink = null;
        for (DirectionalLimit l : limits) {
            if (!l.twoSided() && (kink == null || gap(l) > gap(kink))) {
                kink = l;
            }
        }
        if (kink != null) {
            String evidence = "along v = " + Numbers.format(kink.direction()) + " the one-sided derivatives differ: "
                    + "D_v⁺ f = " + Numbers.format(kink.right().estimate().value()) + " but D_v⁻ f = "
                    + Numbers.format(kink.left().estimate().value()) + ", so D_{−v} f ≠ −D_v f";
            return report(x, DifferentiabilityVerdict.ONE_SIDED_ONLY, evidence, limits, null, gradient, seed);
        }

        double[] g = new double[n];
        double scale = 0;
        for (int i = 0; i < n; i++) {
            g[i] = limits.get(i).value();
        }
        for (DirectionalLimit l : limits) {
            scale = Math.max(scale, Math.abs(l.value()));
        }
        String violation = null;
        double worst = 1;
        for (int j = 0; j + 1 < k; j += 2) {
            DirectionalLimit u = limits.get(n + j);
            DirectionalLimit w = limits.get(n + j + 1);
            DirectionalLimit sum = limits.get(n + k + j / 2);
            // D_{2w} f = 2 D_w f holds by the definition (positive homogeneity)
            double dw = 2 * w.value();
            double residual = Math.abs(sum.value() - u.value() - dw);
            double allowed = allowance(scale, u, w, w, sum);
            if (residual > worst * allowed) {
                worst = residual / allowed;
                violation = "not additive: D_u f + D_w f = " + Numbers.format(u.value()) + " + "
                        + Numbers.format(dw) + " = " + Numbers.format(u.value() + dw)
                        + " but D_{u+w} f = " + Numbers.format(sum.value()) + " for u = " + Numbers.format(u.direction())
                        + ", w = " + Numbers.format(Vectors.scale(2, w.direction()));
            }
        }
        if (violation == null) {
            for (int j = n; j < limits.size(); j++) {
                DirectionalLimit l = limits.get(j);
                double linear = Vectors.dot(g, l.direction());
                double residual = Math.abs(l.value() - linear);
                List<DirectionalLimit> involved = new ArrayList<>(limits.subList(0, n));
                involved.add(l);
                double allowed = allowance(scale, involved.toArray(DirectionalLimit[]::new));
                if (residual > worst * allowed) {
                    worst = residual / allowed;
                    violation = "not linear: D_v f = " + Numbers.format(l.value()) + " but Σ v_i D_{e_i} f = "
                            + Numbers.format(linear) + " for v = " + Numbers.format(l.direction());
                }
            }
        }
        if (violation != null) {
            String evidence = "every directional derivative tested exists, but v ↦ D_v f is " + violation;
            return report(x, DifferentiabilityVerdict.DIRECTIONAL_NOT_LINEAR, evidence, limits, g, gradient, seed);
        }
        String evidence = "all " + limits.size() + " directional derivatives exist, are two-sided and linear: "
                + "D_v f = g·v with g = " + Numbers.format(g);
        if (gradient != null) {
            boolean agrees = limits.stream().allMatch(l -> Boolean.TRUE.equals(l.agreesWithGradient()));
            evidence += agrees ? ", equal to ∇f" : "; but the field's gradient " + Numbers.format(gradient) + " disagrees";
        }
        return report(x, DifferentiabilityVerdict.DIFFERENTIABLE, evidence, limits, g, gradient, seed);
    }

    private static double gap(DirectionalLimit l) {
        return Math.abs(l.right().estimate().value() - l.left().estimate().value());
    }

    private static double allowance(double scale, DirectionalLimit... involved) {
        double errors = 0;
        for (DirectionalLimit l : involved) {
            errors += l.error();
        }
        return DirectionalLimits.AGREEMENT * scale + GradientCheck.ERROR_SAFETY * errors;
    }

    private static DifferentiabilityReport report(double[] x, DifferentiabilityVerdict verdict, String evidence,
                                                  List<DirectionalLimit> limits, double[] g, double[] gradient, long seed) {
        Boolean agrees = null;
        if (gradient != null && limits.stream().allMatch(DirectionalLimit::twoSided)) {
            agrees = limits.stream().allMatch(l -> Boolean.TRUE.equals(l.agreesWithGradient()));
        }
        return new DifferentiabilityReport(x, verdict, evidence, limits, g, gradient, agrees, seed);
    }
}
