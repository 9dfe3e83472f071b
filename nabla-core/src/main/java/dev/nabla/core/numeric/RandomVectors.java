package dev.nabla.core.numeric;

import dev.nabla.core.field.Vectors;
import java.util.SplittableRandom;

/** Seeded random vectors for checks and sampling: reproducible for a given generator state. */
public final class RandomVectors {
    private RandomVectors() {
    }

    /**
     * A standard normal deviate (Box–Muller; SplittableRandom has no nextGaussian on Java 17).
     *
     * @param random the seeded source
     * @return a draw of N(0, 1)
     */
    public static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    /**
     * A unit vector uniform on the sphere S^{n−1}: a normalised Gaussian vector; n ≥ 1.
     *
     * @param n the dimension
     * @param random the seeded source
     * @return u with ‖u‖ = 1
     */
    public static double[] unitDirection(int n, SplittableRandom random) {
        if (n < 1) {
            throw new IllegalArgumentException("R^" + n + " has no unit vectors");
        }
        double[] d = new double[n];
        double norm;
        do {
            for (int i = 0; i < n; i++) {
                d[i] = gaussian(random);
            }
            norm = Vectors.norm(d);
        } while (norm == 0);
        return Vectors.scale(1 / norm, d);
    }

    /**
     * A point uniform in the unit ball of R^n (n ≥ 1): a uniform unit direction times U^{1/n}.
     *
     * @param n the dimension
     * @param random the seeded source
     * @return p with ‖p‖ ≤ 1
     */
    public static double[] inUnitBall(int n, SplittableRandom random) {
        double[] d = unitDirection(n, random);
        return Vectors.scale(Math.pow(random.nextDouble(), 1.0 / n), d);
    }
}
