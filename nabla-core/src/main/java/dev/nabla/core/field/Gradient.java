package dev.nabla.core.field;

import java.util.Arrays;
import java.util.List;

/**
 * The value f(x) and gradient ∇f(x) at a point, with the kinks of non-smooth primitives met on the way.
 * When {@code kinks} is non-empty the gradient is the one-sided convention of the engine that computed it,
 * not a true gradient: f may not be differentiable at x.
 *
 * @param point    x
 * @param value    f(x)
 * @param gradient ∇f(x)
 * @param kinks    the non-smooth points met while evaluating, empty when f is smooth at x
 */
public record Gradient(double[] point, double value, double[] gradient, List<Kink> kinks) {

    /**
     * Copies the arrays and the list, so the record is immutable.
     *
     * @param point    x
     * @param value    f(x)
     * @param gradient ∇f(x)
     * @param kinks    the non-smooth points met while evaluating, empty when f is smooth at x
     */
    public Gradient {
        point = point.clone();
        gradient = gradient.clone();
        kinks = List.copyOf(kinks);
    }

    /**
     * A result without kinks (f smooth at x).
     *
     * @param point x
     * @param value f(x)
     * @param gradient ∇f(x)
     */
    public Gradient(double[] point, double value, double[] gradient) {
        this(point, value, gradient, List.of());
    }

    /**
     * The point x.
     *
     * @return a copy of x
     */
    @Override
    public double[] point() {
        return point.clone();
    }

    /**
     * The gradient ∇f(x) (one-sided when kinks were met).
     *
     * @return a copy of ∇f(x)
     */
    @Override
    public double[] gradient() {
        return gradient.clone();
    }

    /**
     * True when no kink was met, so the gradient is the Fréchet derivative.
     *
     * @return whether the kinks are empty
     */
    public boolean isSmooth() {
        return kinks.isEmpty();
    }

    /**
     * This result, or a {@link NonDifferentiableException} naming the kinks.
     *
     * @return this result when no kink was met
     * @throws NonDifferentiableException when a kink was met
     */
    public Gradient requireDifferentiable() {
        if (!kinks.isEmpty()) {
            throw new NonDifferentiableException(point, kinks);
        }
        return this;
    }

    /**
     * ‖∇f(x)‖, the rate of steepest ascent.
     *
     * @return the Euclidean norm of the gradient
     */
    public double norm() {
        return Vectors.norm(gradient);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Gradient g && Arrays.equals(point, g.point) && Double.compare(value, g.value) == 0
                && Arrays.equals(gradient, g.gradient) && kinks.equals(g.kinks);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(point) + Arrays.hashCode(gradient)) + Double.hashCode(value) + kinks.hashCode();
    }

    @Override
    public String toString() {
        return "Gradient[point=" + Arrays.toString(point) + ", value=" + value + ", gradient="
                + Arrays.toString(gradient) + (kinks.isEmpty() ? "" : ", kinks=" + kinks) + "]";
    }
}
