package dev.nabla.bench.workload;

import java.util.SplittableRandom;

/** log-sum-exp f(x) = log Σ_i exp(x_i), computed stably as m + log Σ_i exp(x_i − m) with m = max_i x_i. */
public final class LogSumExp {

    private LogSumExp() {
    }

    /** f(x) with plain doubles: the hand-written baseline. */
    public static double value(double[] x) {
        double m = Double.NEGATIVE_INFINITY;
        for (double xi : x) {
            m = Math.max(m, xi);
        }
        double s = 0;
        for (double xi : x) {
            s += Math.exp(xi - m);
        }
        return m + Math.log(s);
    }

    /** A seeded point with entries uniform in [−5, 5]. */
    public static double[] point(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = random.nextDouble(-5, 5);
        }
        return x;
    }
}
