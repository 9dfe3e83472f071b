package dev.nabla.core.numeric;

import java.util.Arrays;

/**
 * A decreasing sequence of step sizes h_0 &gt; h_1 &gt; … &gt; 0, relative to a scale (steps actually taken are
 * {@code scale · h_k}). Large steps carry truncation error, small steps rounding error; scanning a ladder shows
 * the V-curve between them, and Richardson extrapolation along it removes the truncation terms.
 *
 * @param steps the relative steps, strictly decreasing and positive
 */
public record StepLadder(double[] steps) {

    /** 1e-1, 10^-1.5, 1e-2, …, 1e-8: fifteen steps a factor √10 apart. The default of every check. */
    public static final StepLadder DEFAULT = geometric(1e-1, Math.sqrt(10), 15);

    /** The documents' grad_check ladder: 1e-2, 3e-3, 1e-3, 3e-4, 1e-4, 3e-5, 1e-5. */
    public static final StepLadder DOCUMENTS = new StepLadder(new double[] {1e-2, 3e-3, 1e-3, 3e-4, 1e-4, 3e-5, 1e-5});

    /**
     * Checks the steps: strictly decreasing and positive.
     *
     * @param steps the relative steps
     */
    public StepLadder {
        steps = steps.clone();
        if (steps.length == 0) {
            throw new IllegalArgumentException("a step ladder needs at least one step");
        }
        for (int k = 0; k < steps.length; k++) {
            if (!(steps[k] > 0) || !Double.isFinite(steps[k]) || (k > 0 && !(steps[k] < steps[k - 1]))) {
                throw new IllegalArgumentException("steps must be positive, finite and strictly decreasing: "
                        + Arrays.toString(steps));
            }
        }
    }

    /**
     * first, first/ratio, first/ratio², … ({@code count} steps).
     *
     * @param first the largest step
     * @param ratio the factor between consecutive steps, &gt; 1
     * @param count the number of steps
     * @return the ladder
     */
    public static StepLadder geometric(double first, double ratio, int count) {
        if (!(ratio > 1)) {
            throw new IllegalArgumentException("ratio must be > 1, was " + ratio);
        }
        double[] h = new double[count];
        for (int k = 0; k < count; k++) {
            h[k] = first / Math.pow(ratio, k);
        }
        return new StepLadder(h);
    }

    /** @return the relative steps (a copy) */
    @Override
    public double[] steps() {
        return steps.clone();
    }

    /** @return the number of steps */
    public int size() {
        return steps.length;
    }

    /**
     * The k-th step times {@code scale}.
     *
     * @param k the index, 0 for the largest step
     * @param scale the scale, e.g. {@link FiniteDifferences#scale}
     * @return h_k · scale
     */
    public double step(int k, double scale) {
        return steps[k] * scale;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StepLadder l && Arrays.equals(steps, l.steps);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(steps);
    }

    @Override
    public String toString() {
        return "StepLadder" + Arrays.toString(steps);
    }
}
