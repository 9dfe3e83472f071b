package dev.nabla.core.nonsmooth;

import dev.nabla.core.field.DifferentiableScalarField;
import dev.nabla.core.field.ScalarField;
import dev.nabla.core.field.Vectors;
import dev.nabla.core.numeric.FiniteDifferences;
import dev.nabla.core.numeric.RandomVectors;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Gradient sampling (Burke, Lewis and Overton 2005): an estimate of the Clarke subdifferential of a locally
 * Lipschitz field at x from gradients at x and at random points of the ball B(x, ε),
 * <pre>
 *   ∂_ε f(x) ≈ G = conv{∇f(x), ∇f(y_1), …, ∇f(y_m)},   y_i uniform in B(x, ε),
 * </pre>
 * whose minimum-norm element g* gives the steepest-descent direction −g* / ‖g*‖ and the stationarity measure
 * ‖g*‖ (small ⇔ x is nearly Clarke stationary at scale ε). Lipschitz fields are differentiable almost
 * everywhere (Rademacher), so the sampled points are almost surely smooth points.
 *
 * <p>Works on any field: a {@link DifferentiableScalarField} (formula or AD) supplies exact gradients; a plain
 * {@link ScalarField} gets central-difference gradients ({@link FiniteDifferences#gradient}), which near a kink
 * are averages of nearby gradients and so still lie (approximately) in the sampled set.
 *
 * <p>Deterministic for a given {@link SplittableRandom} state. A descent method calls
 * {@link #sampleGradients(Function, double[], double, int, SplittableRandom)} (or a {@code sample} overload) once per iteration with one shared
 * generator and a shrinking radius.
 */
public final class GradientSampling {

    private GradientSampling() {
    }

    /**
     * Defaults: ε = 1e-4·max(1, ‖x‖_∞) and m = 2n + 10 samples (Burke–Lewis–Overton use m ≥ n + 1; more
     * samples make the hull of a kink's gradients fuller), seed 0.
     *
     * @param n the dimension
     * @return 2n + 10
     */
    public static int defaultSamples(int n) {
        return 2 * n + 10;
    }

    /**
     * ε = 1e-4·max(1, ‖x‖_∞).
     *
     * @param x the point
     * @return 1e-4·max(1, ‖x‖_∞)
     */
    public static double defaultRadius(double[] x) {
        double m = 1;
        for (double xi : x) {
            m = Math.max(m, Math.abs(xi));
        }
        return 1e-4 * m;
    }

    /**
     * Gradient sampling with exact gradients (one-sided engine convention at x itself if x is a kink).
     *
     * @param f the field
     * @param x the point
     * @param radius ε, the radius of the ball the samples are drawn from
     * @param samples m, the number of sampled points
     * @param random the seeded source
     * @return the gradients at x and at the samples, their hull and its minimum-norm element
     */
    public static SampledSubdifferential sample(DifferentiableScalarField f, double[] x, double radius, int samples,
                                                SplittableRandom random) {
        return sampleGradients(y -> f.valueAndGradient(y).gradient(), x, radius, samples, random);
    }

    /**
     * Gradient sampling with central-difference gradients of a black-box field.
     *
     * @param f the field (values only)
     * @param x the point
     * @param radius ε, the radius of the ball the samples are drawn from
     * @param samples m, the number of sampled points
     * @param random the seeded source
     * @return the gradients at x and at the samples, their hull and its minimum-norm element
     */
    public static SampledSubdifferential sample(ScalarField f, double[] x, double radius, int samples,
                                                SplittableRandom random) {
        return sampleGradients(y -> FiniteDifferences.gradient(f, y), x, radius, samples, random);
    }

    /**
     * {@link #sample(DifferentiableScalarField, double[], double, int, SplittableRandom)} with the defaults.
     *
     * @param f the field
     * @param x the point
     * @return the gradients at x and at the samples, their hull and its minimum-norm element
     */
    public static SampledSubdifferential sample(DifferentiableScalarField f, double[] x) {
        return sample(f, x, defaultRadius(x), defaultSamples(x.length), new SplittableRandom(0));
    }

    /**
     * {@link #sample(ScalarField, double[], double, int, SplittableRandom)} with the defaults.
     *
     * @param f the field (values only)
     * @param x the point
     * @return the gradients at x and at the samples, their hull and its minimum-norm element
     */
    public static SampledSubdifferential sample(ScalarField f, double[] x) {
        return sample(f, x, defaultRadius(x), defaultSamples(x.length), new SplittableRandom(0));
    }

    /**
     * The core: gradients from any source at x and at {@code samples} points uniform in B(x, radius).
     *
     * @param gradient y ↦ ∇f(y)
     * @param x        the point
     * @param radius   ε, the radius of the ball
     * @param samples  m, the number of sampled points
     * @param random   the seeded source
     * @return the gradients at x and at the samples, their hull and its minimum-norm element
     */
    public static SampledSubdifferential sampleGradients(Function<double[], double[]> gradient, double[] x, double radius,
                                                int samples, SplittableRandom random) {
        if (x.length == 0) {
            throw new IllegalArgumentException("a field of no variables has no gradients to sample");
        }
        if (!(radius > 0) || samples < 0) {
            throw new IllegalArgumentException("need radius > 0 and samples ≥ 0, got " + radius + ", " + samples);
        }
        List<double[]> points = new ArrayList<>();
        List<double[]> gradients = new ArrayList<>();
        points.add(x.clone());
        gradients.add(gradient.apply(x.clone()));
        for (int i = 0; i < samples; i++) {
            double[] y = Vectors.axpy(radius, RandomVectors.inUnitBall(x.length, random), x);
            points.add(y);
            gradients.add(gradient.apply(y.clone()));
        }
        return new SampledSubdifferential(x, radius, points, gradients, MinimumNormElement.of(gradients));
    }
}
