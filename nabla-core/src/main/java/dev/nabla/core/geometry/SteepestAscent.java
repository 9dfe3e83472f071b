package dev.nabla.core.geometry;

import dev.nabla.core.field.DifferentiableScalarField;
import dev.nabla.core.field.Gradient;
import dev.nabla.core.field.Vectors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Steepest ascent and descent of f at x (Cauchy–Schwarz): over unit directions v, D_v f = ∇f·v is largest,
 * = ‖∇f‖, for v = ∇f/‖∇f‖ and smallest, = −‖∇f‖, for v = −∇f/‖∇f‖. At a stationary point (‖∇f‖ below the
 * tolerance) there is no steepest direction and the point is classified with the Hessian instead.
 *
 * @param point      x
 * @param value      f(x)
 * @param gradient   ∇f(x)
 * @param rate       ‖∇f(x)‖, the ascent rate; the descent rate is −rate
 * @param ascent     ∇f/‖∇f‖, or empty at a stationary point
 * @param stationary the Hessian classification when ‖∇f‖ ≤ tolerance, else empty
 */
public record SteepestAscent(double[] point, double value, double[] gradient, double rate,
                             Optional<double[]> ascent, Optional<StationaryPoint> stationary) {

    /**
     * Default stationarity tolerance: ‖∇f‖ ≤ 1e-12 · max(1, |f(x)|). Exact derivatives at a true stationary
     * point are zero up to rounding of order ε·|f|; anything larger is a real slope.
     */
    public static final double DEFAULT_TOLERANCE = 1e-12;

    /**
     * The canonical constructor (it checks and copies the components as the record requires).
     *
     * @param point      x
     * @param value      f(x)
     * @param gradient   ∇f(x)
     * @param rate       ‖∇f(x)‖, the ascent rate; the descent rate is −rate
     * @param ascent     ∇f/‖∇f‖, or empty at a stationary point
     * @param stationary the Hessian classification when ‖∇f‖ ≤ tolerance, else empty
     */
    public SteepestAscent {
        point = point.clone();
        gradient = gradient.clone();
        ascent = ascent.map(double[]::clone);
    }

    /**
     * The steepest ascent of f at x with the default stationarity tolerance.
     *
     * @param f the field
     * @param x the point
     * @return ∇f(x)/‖∇f(x)‖ and the rate ‖∇f(x)‖
     */
    public static SteepestAscent at(DifferentiableScalarField f, double[] x) {
        return at(f, x, DEFAULT_TOLERANCE);
    }

    /**
     * The steepest ascent of f at x; x is stationary when ‖∇f(x)‖ ≤ tolerance · max(1, |f(x)|).
     * Throws {@link dev.nabla.core.field.NonDifferentiableException} at a kink.
     *
     * @param f the field
     * @param x the point
     * @param tolerance the relative stationarity tolerance
     * @return ∇f(x)/‖∇f(x)‖ and the rate ‖∇f(x)‖
     */
    public static SteepestAscent at(DifferentiableScalarField f, double[] x, double tolerance) {
        Gradient g = f.valueAndGradient(x).requireDifferentiable();
        double[] grad = g.gradient();
        double rate = Vectors.norm(grad);
        if (rate <= tolerance * Math.max(1, Math.abs(g.value()))) {
            return new SteepestAscent(x, g.value(), grad, rate, Optional.empty(),
                    Optional.of(StationaryPoint.classify(f.hessian(x))));
        }
        return new SteepestAscent(x, g.value(), grad, rate, Optional.of(Vectors.scale(1 / rate, grad)), Optional.empty());
    }

    /**
     * True when ∇f(x) vanished (to the tolerance).
     *
     * @return true at a stationary point
     */
    public boolean isStationary() {
        return stationary.isPresent();
    }

    /**
     * −∇f/‖∇f‖, the steepest descent direction, or empty at a stationary point.
     *
     * @return −∇f/‖∇f‖, or empty
     */
    public Optional<double[]> descent() {
        return ascent.map(a -> Vectors.scale(-1, a));
    }

    /**
     * −‖∇f‖, the rate of steepest descent.
     *
     * @return −‖∇f‖
     */
    public double descentRate() {
        return -rate;
    }

    /** @return ∇f/‖∇f‖, or empty at a stationary point */
    @Override
    public Optional<double[]> ascent() {
        return ascent.map(double[]::clone);
    }

    /** @return x (a copy) */
    @Override
    public double[] point() {
        return point.clone();
    }

    /** @return ∇f(x) (a copy) */
    @Override
    public double[] gradient() {
        return gradient.clone();
    }

    /**
     * The directional-derivative profile of a 2-D field for a polar plot: for θ_k = 2πk/samples, the unit
     * direction v(θ) = (cos θ, sin θ) and D_{v(θ)} f = ∇f·v(θ) = ‖∇f‖ cos(θ − θ_∇), where θ_∇ is the angle of
     * ∇f. The maximum ‖∇f‖ sits at θ_∇, the minimum −‖∇f‖ opposite, zeros along the level set.
     *
     * @param samples the number of angles θ_k
     * @return (θ_k, v(θ_k), D_{v(θ_k)} f) for k = 0 … samples − 1
     */
    public List<ProfileSample> profile(int samples) {
        if (gradient.length != 2) {
            throw new IllegalArgumentException("the polar profile needs a 2-D field, this one has " + gradient.length
                    + " variables");
        }
        if (samples < 1 || samples > 1_000_000) {
            throw new IllegalArgumentException("samples must be in 1..1000000, got " + samples);
        }
        List<ProfileSample> out = new ArrayList<>(samples);
        for (int k = 0; k < samples; k++) {
            double theta = 2 * Math.PI * k / samples;
            double[] v = {Math.cos(theta), Math.sin(theta)};
            out.add(new ProfileSample(theta, v, Vectors.dot(gradient, v)));
        }
        return List.copyOf(out);
    }

    /**
     * The angle θ_∇ = atan2(∂f/∂y, ∂f/∂x) of the gradient of a 2-D field.
     *
     * @return θ_∇ in (−π, π]
     */
    public double gradientAngle() {
        if (gradient.length != 2) {
            throw new IllegalArgumentException("the gradient angle needs a 2-D field");
        }
        return Math.atan2(gradient[1], gradient[0]);
    }

    /**
     * One sample of the polar profile.
     *
     * @param angle                  θ (radians from the x axis)
     * @param direction              v(θ) = (cos θ, sin θ)
     * @param directionalDerivative  D_{v(θ)} f
     */
    public record ProfileSample(double angle, double[] direction, double directionalDerivative) {
        /**
         * The canonical constructor (it checks and copies the components as the record requires).
         *
         * @param angle                 θ (radians from the x axis)
         * @param direction             v(θ) = (cos θ, sin θ)
         * @param directionalDerivative D_{v(θ)} f
         */
        public ProfileSample {
            direction = direction.clone();
        }

        /** @return v(θ) = (cos θ, sin θ) (a copy) */
        @Override
        public double[] direction() {
            return direction.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ProfileSample p && Double.compare(angle, p.angle) == 0
                    && Arrays.equals(direction, p.direction)
                    && Double.compare(directionalDerivative, p.directionalDerivative) == 0;
        }

        @Override
        public int hashCode() {
            return Double.hashCode(angle) * 31 + Double.hashCode(directionalDerivative);
        }

        @Override
        public String toString() {
            return "ProfileSample[angle=" + angle + ", D=" + directionalDerivative + "]";
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SteepestAscent s && Arrays.equals(point, s.point) && Double.compare(value, s.value) == 0
                && Arrays.equals(gradient, s.gradient) && stationary.equals(s.stationary);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(point) * 31 + Arrays.hashCode(gradient);
    }

    @Override
    public String toString() {
        return "SteepestAscent[point=" + Arrays.toString(point) + ", value=" + value + ", gradient="
                + Arrays.toString(gradient) + ", rate=" + rate
                + stationary.map(s -> ", stationary: " + s).orElse("") + "]";
    }
}
