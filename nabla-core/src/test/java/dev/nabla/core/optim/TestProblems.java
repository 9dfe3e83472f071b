package dev.nabla.core.optim;

import dev.nabla.core.field.DifferentiableScalarField;
import dev.nabla.core.field.Gradient;
import dev.nabla.core.field.Matrices;
import dev.nabla.core.field.Vectors;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * The classical test functions with hand-derived gradients and Hessians (an oracle independent of the AD and
 * symbolic engines), their usual starting points and published minima (Moré, Garbow &amp; Hillstrom 1981;
 * Jamil &amp; Yang 2013).
 */
public final class TestProblems {
    private TestProblems() {
    }

    /** A test field from value, gradient and Hessian functions. */
    public record HandField(String name, int dimension, Function<double[], Double> f, Function<double[], double[]> grad,
                            Function<double[], double[][]> hess) implements DifferentiableScalarField {
        @Override
        public double value(double[] x) {
            return f.apply(x);
        }

        @Override
        public Gradient valueAndGradient(double[] x) {
            return new Gradient(x, f.apply(x), grad.apply(x));
        }

        @Override
        public double[] hessianVectorProduct(double[] x, double[] v) {
            return Matrices.multiply(hess.apply(x), v);
        }

        @Override
        public double[][] hessian(double[] x) {
            return hess.apply(x);
        }
    }

    /**
     * A benchmark problem.
     *
     * @param field   f
     * @param start   the customary x0
     * @param minima  the published minimisers (any one counts)
     * @param minimum the published minimum value
     */
    public record Problem(HandField field, double[] start, List<double[]> minima, double minimum) {
        public String name() {
            return field.name();
        }
    }

    /** Rosenbrock (1 − x)² + 100(y − x²)², from (−1.2, 1); minimum 0 at (1, 1). */
    public static Problem rosenbrock() {
        HandField f = new HandField("Rosenbrock", 2,
                x -> sq(1 - x[0]) + 100 * sq(x[1] - x[0] * x[0]),
                x -> new double[] {-2 * (1 - x[0]) - 400 * x[0] * (x[1] - x[0] * x[0]), 200 * (x[1] - x[0] * x[0])},
                x -> new double[][] {{2 - 400 * (x[1] - x[0] * x[0]) + 800 * x[0] * x[0], -400 * x[0]}, {-400 * x[0], 200}});
        return new Problem(f, new double[] {-1.2, 1}, List.of(new double[] {1, 1}), 0);
    }

    /** Beale Σ_{i=1..3} (c_i − x + x yⁱ)², c = (1.5, 2.25, 2.625), from (1, 1); minimum 0 at (3, 0.5). */
    public static Problem beale() {
        double[] c = {1.5, 2.25, 2.625};
        HandField f = new HandField("Beale", 2,
                x -> {
                    double s = 0;
                    for (int i = 1; i <= 3; i++) {
                        s += sq(c[i - 1] - x[0] + x[0] * Math.pow(x[1], i));
                    }
                    return s;
                },
                x -> {
                    double[] g = new double[2];
                    for (int i = 1; i <= 3; i++) {
                        double a = c[i - 1] - x[0] + x[0] * Math.pow(x[1], i);
                        g[0] += 2 * a * (-1 + Math.pow(x[1], i));
                        g[1] += 2 * a * i * x[0] * Math.pow(x[1], i - 1);
                    }
                    return g;
                },
                x -> {
                    double[][] h = new double[2][2];
                    for (int i = 1; i <= 3; i++) {
                        double a = c[i - 1] - x[0] + x[0] * Math.pow(x[1], i);
                        double ax = -1 + Math.pow(x[1], i);
                        double ay = i * x[0] * Math.pow(x[1], i - 1);
                        double axy = i * Math.pow(x[1], i - 1);
                        double ayy = i * (i - 1) * x[0] * (i >= 2 ? Math.pow(x[1], i - 2) : 0);
                        h[0][0] += 2 * ax * ax;
                        h[0][1] += 2 * (ax * ay + a * axy);
                        h[1][1] += 2 * (ay * ay + a * ayy);
                    }
                    h[1][0] = h[0][1];
                    return h;
                });
        return new Problem(f, new double[] {1, 1}, List.of(new double[] {3, 0.5}), 0);
    }

    /** Booth (x + 2y − 7)² + (2x + y − 5)², from (0, 0); minimum 0 at (1, 3). */
    public static Problem booth() {
        HandField f = new HandField("Booth", 2,
                x -> sq(x[0] + 2 * x[1] - 7) + sq(2 * x[0] + x[1] - 5),
                x -> new double[] {2 * (x[0] + 2 * x[1] - 7) + 4 * (2 * x[0] + x[1] - 5),
                    4 * (x[0] + 2 * x[1] - 7) + 2 * (2 * x[0] + x[1] - 5)},
                x -> new double[][] {{10, 8}, {8, 10}});
        return new Problem(f, new double[] {0, 0}, List.of(new double[] {1, 3}), 0);
    }

    /** Himmelblau (x² + y − 11)² + (x + y² − 7)², from (0, 0); minimum 0 at four points. */
    public static Problem himmelblau() {
        HandField f = new HandField("Himmelblau", 2,
                x -> sq(x[0] * x[0] + x[1] - 11) + sq(x[0] + x[1] * x[1] - 7),
                x -> {
                    double a = x[0] * x[0] + x[1] - 11;
                    double b = x[0] + x[1] * x[1] - 7;
                    return new double[] {4 * x[0] * a + 2 * b, 2 * a + 4 * x[1] * b};
                },
                x -> new double[][] {
                    {12 * x[0] * x[0] + 4 * x[1] - 42, 4 * x[0] + 4 * x[1]},
                    {4 * x[0] + 4 * x[1], 4 * x[0] + 12 * x[1] * x[1] - 26}});
        return new Problem(f, new double[] {0, 0}, List.of(
                new double[] {3, 2},
                new double[] {-2.805118086952745, 3.131312518250573},
                new double[] {-3.779310253377747, -3.283185991286170},
                new double[] {3.584428340330492, -1.848126526964404}), 0);
    }

    /**
     * ½xᵀQx in R^10 with Q = U diag(λ) Uᵀ, λ log-spaced from 1 to 10⁴ (condition number 10⁴) and U a seeded
     * random rotation, from (1, …, 1); minimum 0 at the origin.
     */
    public static Problem illConditionedQuadratic() {
        int n = 10;
        double[] lambda = new double[n];
        for (int i = 0; i < n; i++) {
            lambda[i] = Math.pow(10, 4.0 * i / (n - 1));
        }
        double[][] q = rotatedDiagonal(lambda, new SplittableRandom(7));
        HandField f = quadratic("ill-conditioned quadratic (κ = 1e4)", q);
        double[] start = new double[n];
        java.util.Arrays.fill(start, 1);
        return new Problem(f, start, List.of(new double[n]), 0);
    }

    /** ½xᵀQx with gradient Qx and Hessian Q (the documents' exercise 5). */
    public static HandField quadratic(String name, double[][] q) {
        return new HandField(name, q.length, x -> 0.5 * Vectors.dot(x, Matrices.multiply(q, x)),
                x -> Matrices.multiply(q, x), x -> copy(q));
    }

    /** U diag(λ) Uᵀ with U orthogonal (Gram–Schmidt on a seeded Gaussian matrix). */
    public static double[][] rotatedDiagonal(double[] lambda, SplittableRandom random) {
        int n = lambda.length;
        double[][] u = new double[n][];
        for (int i = 0; i < n; i++) {
            double[] v = new double[n];
            for (int k = 0; k < n; k++) {
                v[k] = gaussian(random);
            }
            for (int j = 0; j < i; j++) {
                v = Vectors.axpy(-Vectors.dot(u[j], v), u[j], v);
            }
            u[i] = Vectors.normalise(v);
        }
        double[][] q = new double[n][n];
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += u[k][a] * lambda[k] * u[k][b];
                }
                q[a][b] = s;
            }
        }
        return Matrices.symmetrise(q);
    }

    /** A seeded random symmetric matrix with entries uniform in [−1, 1]. */
    public static double[][] randomSymmetric(int n, SplittableRandom random) {
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                a[i][j] = a[j][i] = random.nextDouble(-1, 1);
            }
        }
        return a;
    }

    /** xᵀAx, the Rayleigh quotient on the unit sphere; gradient 2Ax, Hessian 2A. */
    public static HandField rayleigh(double[][] a) {
        return new HandField("Rayleigh quotient", a.length, x -> Vectors.dot(x, Matrices.multiply(a, x)),
                x -> Vectors.scale(2, Matrices.multiply(a, x)), x -> {
                    double[][] h = copy(a);
                    for (double[] row : h) {
                        for (int j = 0; j < row.length; j++) {
                            row[j] *= 2;
                        }
                    }
                    return h;
                });
    }

    public static double gaussian(SplittableRandom random) {
        double u = random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log1p(-u)) * Math.cos(2 * Math.PI * v);
    }

    private static double sq(double v) {
        return v * v;
    }

    private static double[][] copy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }
}
