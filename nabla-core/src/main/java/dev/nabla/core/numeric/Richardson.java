package dev.nabla.core.numeric;

/**
 * Richardson extrapolation of a difference quotient to step 0.
 *
 * <p>A quotient φ(h) with error expansion φ(h) = L + c₁ h^p + c₂ h^{2p} + c₃ h^{3p} + … (p = 2 for central
 * differences, p = 1 for one-sided ones) is sampled on a decreasing ladder h_0 &gt; h_1 &gt; …. Neville's
 * tableau eliminates one term per column:
 * <pre>
 *   T[i][0] = φ(h_i)
 *   T[i][j] = T[i][j−1] + (T[i][j−1] − T[i−1][j−1]) / ((h_{i−j}/h_i)^p − 1)
 * </pre>
 * The error of an entry is estimated as its disagreement with its two parents, max(|T[i][j] − T[i][j−1]|,
 * |T[i][j] − T[i−1][j−1]|), but never less than the rounding noise propagated into it from the quotients'
 * noise (the tableau's coefficients applied to the noise levels). The entry with the smallest estimated error
 * is returned. The noise floor is what keeps quotients that agree by accident at tiny steps (where f rounds
 * to the same few values) from being chosen.
 */
public final class Richardson {

    /** The number of eliminations tried by default (columns beyond the raw quotients). */
    public static final int DEFAULT_MAX_ORDER = 4;

    private Richardson() {
    }

    /**
     * Extrapolates φ(h_i) to h = 0.
     *
     * @param steps     the steps h_i actually used, strictly decreasing
     * @param quotients φ(h_i); non-finite entries (e.g. a step that left the domain) are skipped
     * @param noise     the rounding noise of each φ(h_i) (≥ 0), e.g. ε·|f|/h
     * @param power     p, the power of the leading error term (2 for central, 1 for one-sided quotients)
     * @param maxOrder  the largest number of eliminations to try
     * @return the entry with the smallest estimated error, or value NaN with infinite error when no two
     *         consecutive quotients are finite
     */
    public static Estimate extrapolate(double[] steps, double[] quotients, double[] noise, int power, int maxOrder) {
        int m = steps.length;
        if (quotients.length != m || noise.length != m) {
            throw new IllegalArgumentException("steps, quotients and noise must have equal lengths");
        }
        double[][] t = new double[m][];
        double[][] n = new double[m][];
        Estimate best = new Estimate(Double.NaN, Double.POSITIVE_INFINITY, Double.NaN, 0, Double.NaN);
        for (int i = 0; i < m; i++) {
            int cols = Math.min(i, maxOrder) + 1;
            t[i] = new double[cols];
            n[i] = new double[cols];
            t[i][0] = quotients[i];
            n[i][0] = noise[i];
            if (i > 0) {
                best = better(best, t[i][0], Math.max(Math.abs(t[i][0] - t[i - 1][0]), n[i][0]), steps[i], 0, n[i][0]);
            }
            for (int j = 1; j < cols; j++) {
                double q = Math.pow(steps[i - j] / steps[i], power);
                t[i][j] = t[i][j - 1] + (t[i][j - 1] - t[i - 1][j - 1]) / (q - 1);
                n[i][j] = n[i][j - 1] * q / (q - 1) + n[i - 1][j - 1] / (q - 1);
                double disagreement = Math.max(Math.abs(t[i][j] - t[i][j - 1]), Math.abs(t[i][j] - t[i - 1][j - 1]));
                best = better(best, t[i][j], Math.max(disagreement, n[i][j]), steps[i], j, n[i][j]);
            }
        }
        return best;
    }

    /**
     * {@link #extrapolate(double[], double[], double[], int, int)} with {@link #DEFAULT_MAX_ORDER}.
     *
     * @param steps h_k, decreasing
     * @param quotients φ(h_k)
     * @param noise the rounding noise of each φ(h_k)
     * @param power p, the power of the leading error term
     * @return the entry with the smallest estimated error
     */
    public static Estimate extrapolate(double[] steps, double[] quotients, double[] noise, int power) {
        return extrapolate(steps, quotients, noise, power, DEFAULT_MAX_ORDER);
    }

    private static Estimate better(Estimate best, double value, double error, double step, int order, double noise) {
        if (Double.isFinite(value) && Double.isFinite(error) && error < best.error()) {
            return new Estimate(value, error, step, order, noise);
        }
        return best;
    }
}
