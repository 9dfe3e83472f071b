package dev.nabla.core.geometry;

import dev.nabla.core.field.Vectors;
import dev.nabla.core.optim.TestProblems;
import dev.nabla.core.optim.TestProblems.HandField;
import java.util.SplittableRandom;

/**
 * Seeded random smooth fields with hand-derived derivatives: f(x) = ½xᵀAx + bᵀx + Σ c_i sin(x_i) + d·exp(e·x/4),
 * with ∇f = Ax + b + c∘cos x + (d/4) e exp(e·x/4) and ∇²f = A − diag(c∘sin x) + (d/16) eeᵀ exp(e·x/4).
 */
final class RandomFields {
    private RandomFields() {
    }

    static HandField smooth(int n, SplittableRandom random) {
        double[][] a = TestProblems.randomSymmetric(n, random);
        double[] b = uniform(n, random);
        double[] c = uniform(n, random);
        double[] e = uniform(n, random);
        double d = random.nextDouble(-1, 1);
        return new HandField("random smooth field", n,
                x -> 0.5 * Vectors.dot(x, dev.nabla.core.field.Matrices.multiply(a, x)) + Vectors.dot(b, x)
                        + sinSum(c, x) + d * Math.exp(Vectors.dot(e, x) / 4),
                x -> {
                    double[] g = Vectors.add(dev.nabla.core.field.Matrices.multiply(a, x), b);
                    double ex = Math.exp(Vectors.dot(e, x) / 4);
                    for (int i = 0; i < n; i++) {
                        g[i] += c[i] * Math.cos(x[i]) + d / 4 * e[i] * ex;
                    }
                    return g;
                },
                x -> {
                    double ex = Math.exp(Vectors.dot(e, x) / 4);
                    double[][] h = new double[n][n];
                    for (int i = 0; i < n; i++) {
                        for (int j = 0; j < n; j++) {
                            h[i][j] = a[i][j] + d / 16 * e[i] * e[j] * ex - (i == j ? c[i] * Math.sin(x[i]) : 0);
                        }
                    }
                    return h;
                });
    }

    static double[] uniform(int n, SplittableRandom random) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = random.nextDouble(-2, 2);
        }
        return v;
    }

    private static double sinSum(double[] c, double[] x) {
        double s = 0;
        for (int i = 0; i < c.length; i++) {
            s += c[i] * Math.sin(x[i]);
        }
        return s;
    }

    /** Central difference (f(x + hv) − f(x − hv)) / 2h with h = 1e-5: truncation ~1e-10·|f'''|, rounding ~1e-11·|f|. */
    static double centralDifference(dev.nabla.core.field.ScalarField f, double[] x, double[] v) {
        double h = 1e-5;
        return (f.value(Vectors.axpy(h, v, x)) - f.value(Vectors.axpy(-h, v, x))) / (2 * h);
    }
}
