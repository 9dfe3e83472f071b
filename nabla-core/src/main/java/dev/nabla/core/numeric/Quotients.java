package dev.nabla.core.numeric;

import java.util.Arrays;

/**
 * Difference quotients φ(h_k) of one function along one direction, over a ladder of steps, with the rounding
 * noise of each. What a V-curve plot shows, and what {@link Richardson} extrapolates.
 *
 * @param steps  the steps h_k actually taken along the direction (decreasing)
 * @param values φ(h_k); NaN where a step left the domain
 * @param noise  the estimated rounding noise of each φ(h_k)
 * @param power  the power of the leading truncation term: 2 for central, 1 for one-sided quotients
 */
public record Quotients(double[] steps, double[] values, double[] noise, int power) {

    /**
     * Checks that the arrays have equal lengths.
     *
     * @param steps  h_k
     * @param values φ(h_k)
     * @param noise  the rounding noise of each φ(h_k)
     * @param power  the power of the leading truncation term
     */
    public Quotients {
        steps = steps.clone();
        values = values.clone();
        noise = noise.clone();
        if (steps.length != values.length || steps.length != noise.length) {
            throw new IllegalArgumentException("steps, values and noise must have equal lengths");
        }
    }

    /**
     * The Richardson-extrapolated limit h → 0 with its error estimate.
     *
     * @return the estimate of lim_{h→0} φ(h)
     */
    public Estimate extrapolate() {
        return Richardson.extrapolate(steps, values, noise, power);
    }

    /**
     * The quotients multiplied by c (e.g. −1 to turn a right quotient along −v into a left one along v).
     *
     * @param c the factor
     * @return c φ(h_k) with noise |c| e_k
     */
    public Quotients scaled(double c) {
        double[] v = new double[values.length];
        for (int k = 0; k < v.length; k++) {
            v[k] = c * values[k];
        }
        return new Quotients(steps, v, Arrays.stream(noise).map(e -> Math.abs(c) * e).toArray(), power);
    }

    /** @return the number of steps */
    public int size() {
        return steps.length;
    }

    /** @return h_k (a copy) */
    @Override
    public double[] steps() {
        return steps.clone();
    }

    /** @return φ(h_k) (a copy) */
    @Override
    public double[] values() {
        return values.clone();
    }

    /** @return the rounding noise of each φ(h_k) (a copy) */
    @Override
    public double[] noise() {
        return noise.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Quotients q && Arrays.equals(steps, q.steps) && Arrays.equals(values, q.values)
                && Arrays.equals(noise, q.noise) && power == q.power;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(steps) + Arrays.hashCode(values)) + power;
    }

    @Override
    public String toString() {
        return "Quotients[steps=" + Arrays.toString(steps) + ", values=" + Arrays.toString(values) + ", power=" + power + "]";
    }
}
