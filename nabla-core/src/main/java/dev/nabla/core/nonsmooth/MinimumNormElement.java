package dev.nabla.core.nonsmooth;

import dev.nabla.core.field.Vectors;
import dev.nabla.core.numeric.Numbers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The element of smallest Euclidean norm in the convex hull conv{g_1, …, g_m}:
 * g* = Σ λ_i g_i minimising ‖Σ λ_i g_i‖ over λ ≥ 0, Σ λ_i = 1.
 *
 * <p>For a Clarke subdifferential ∂f(x), −g* / ‖g*‖ is the direction of steepest descent and ‖g*‖ the
 * stationarity measure (0 iff 0 ∈ ∂f(x), i.e. x is Clarke stationary).
 *
 * <p>Computed by Wolfe's minimum-norm-point algorithm (1976): keep an affinely independent "corral" S of
 * points; add the point most violating optimality (smallest g_j·g*); move to the minimum-norm point of the
 * affine hull of S, stepping back to the boundary of conv S and dropping points whenever the affine optimum
 * leaves it. It terminates in finitely many steps; optimality is declared when
 * ‖g*‖² − min_j g_j·g* ≤ 1e-12·max_j ‖g_j‖².
 *
 * @param element g*
 * @param weights λ (same order as the points given; zero for points not in the final corral)
 */
public record MinimumNormElement(double[] element, double[] weights) {

    /** Relative optimality tolerance of Wolfe's test. */
    public static final double TOLERANCE = 1e-12;

    /**
     * The canonical constructor (it checks and copies the components as the record requires).
     *
     * @param element g*
     * @param weights λ (same order as the points given; zero for points not in the final corral)
     */
    public MinimumNormElement {
        element = element.clone();
        weights = weights.clone();
    }

    /**
     * ‖g*‖, the stationarity measure.
     *
     * @return ‖g*‖
     */
    public double norm() {
        return Vectors.norm(element);
    }

    /** @return g* (a copy) */
    @Override
    public double[] element() {
        return element.clone();
    }

    /** @return λ (same order as the points given; zero for points not in the final corral) (a copy) */
    @Override
    public double[] weights() {
        return weights.clone();
    }

    /**
     * The minimum-norm element of conv{points}; at least one point, all of the same dimension.
     *
     * @param points g_1 … g_m
     * @return g* = Σ λ_i g_i of least norm, with the weights λ
     */
    public static MinimumNormElement of(List<double[]> points) {
        int m = points.size();
        if (m == 0) {
            throw new IllegalArgumentException("the convex hull of no points is empty");
        }
        int n = points.get(0).length;
        double[][] g = new double[m][];
        double maxSq = 0;
        int start = 0;
        for (int i = 0; i < m; i++) {
            g[i] = points.get(i).clone();
            if (g[i].length != n) {
                throw new IllegalArgumentException("points of different dimensions: " + n + " and " + g[i].length);
            }
            double sq = Vectors.dot(g[i], g[i]);
            maxSq = Math.max(maxSq, sq);
            if (sq < Vectors.dot(g[start], g[start])) {
                start = i;
            }
        }
        List<Integer> corral = new ArrayList<>(List.of(start));
        List<Double> lambda = new ArrayList<>(List.of(1.0));
        double[] x = g[start].clone();
        double tol = TOLERANCE * maxSq;
        for (int iteration = 0; iteration < 100 * (m + n) + 100; iteration++) {
            int j = 0;
            for (int i = 1; i < m; i++) {
                if (Vectors.dot(g[i], x) < Vectors.dot(g[j], x)) {
                    j = i;
                }
            }
            if (Vectors.dot(x, x) - Vectors.dot(g[j], x) <= tol || corral.contains(j)) {
                break;
            }
            corral.add(j);
            lambda.add(0.0);
            while (true) {
                double[] mu = affineMinimumNorm(g, corral);
                boolean interior = true;
                for (double mi : mu) {
                    interior &= mi > 0;
                }
                if (interior) {
                    for (int k = 0; k < mu.length; k++) {
                        lambda.set(k, mu[k]);
                    }
                    break;
                }
                double theta = 1;
                for (int k = 0; k < mu.length; k++) {
                    if (mu[k] <= 0) {
                        theta = Math.min(theta, lambda.get(k) / (lambda.get(k) - mu[k]));
                    }
                }
                int drop = -1;
                for (int k = 0; k < mu.length; k++) {
                    double l = (1 - theta) * lambda.get(k) + theta * mu[k];
                    lambda.set(k, l);
                    if (mu[k] <= 0 && (drop < 0 || l < lambda.get(drop))) {
                        drop = k;
                    }
                }
                for (int k = mu.length - 1; k >= 0; k--) {
                    if (k == drop || lambda.get(k) <= 0) {
                        corral.remove(k);
                        lambda.remove(k);
                    }
                }
                normalise(lambda);
            }
            x = combination(g, corral, lambda, n);
        }
        double[] weights = new double[m];
        for (int k = 0; k < corral.size(); k++) {
            weights[corral.get(k)] += lambda.get(k);
        }
        return new MinimumNormElement(x, weights);
    }

    /** Coefficients μ (Σ μ = 1) of the minimum-norm point of the affine hull of the corral. */
    private static double[] affineMinimumNorm(double[][] g, List<Integer> corral) {
        int k = corral.size();
        double[] p0 = g[corral.get(0)];
        // minimise ‖p0 + Σ_{i≥1} α_i (g_i − p0)‖²: normal equations (DᵀD) α = −Dᵀ p0
        double[][] d = new double[k - 1][];
        for (int i = 1; i < k; i++) {
            d[i - 1] = Vectors.subtract(g[corral.get(i)], p0);
        }
        double[][] a = new double[k - 1][k];
        double trace = 0;
        for (int i = 0; i < k - 1; i++) {
            for (int j = 0; j < k - 1; j++) {
                a[i][j] = Vectors.dot(d[i], d[j]);
            }
            a[i][k - 1] = -Vectors.dot(d[i], p0);
            trace += a[i][i];
        }
        for (int i = 0; i < k - 1; i++) {
            a[i][i] += 1e-16 * trace; // a tiny ridge against exactly dependent points
        }
        double[] alpha = solve(a);
        double[] mu = new double[k];
        double rest = 1;
        for (int i = 1; i < k; i++) {
            mu[i] = alpha[i - 1];
            rest -= alpha[i - 1];
        }
        mu[0] = rest;
        return mu;
    }

    /** Solves the augmented system [A | b] by Gaussian elimination with partial pivoting. */
    private static double[] solve(double[][] a) {
        int n = a.length;
        for (int c = 0; c < n; c++) {
            int p = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[p][c])) {
                    p = r;
                }
            }
            double[] t = a[c];
            a[c] = a[p];
            a[p] = t;
            if (a[c][c] == 0) {
                continue;
            }
            for (int r = c + 1; r < n; r++) {
                double factor = a[r][c] / a[c][c];
                for (int k = c; k <= n; k++) {
                    a[r][k] -= factor * a[c][k];
                }
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = a[r][n];
            for (int k = r + 1; k < n; k++) {
                s -= a[r][k] * x[k];
            }
            x[r] = a[r][r] == 0 ? 0 : s / a[r][r];
        }
        return x;
    }

    private static void normalise(List<Double> lambda) {
        double s = 0;
        for (double l : lambda) {
            s += l;
        }
        for (int k = 0; k < lambda.size(); k++) {
            lambda.set(k, lambda.get(k) / s);
        }
    }

    private static double[] combination(double[][] g, List<Integer> corral, List<Double> lambda, int n) {
        double[] x = new double[n];
        for (int k = 0; k < corral.size(); k++) {
            x = Vectors.axpy(lambda.get(k), g[corral.get(k)], x);
        }
        return x;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MinimumNormElement e && Arrays.equals(element, e.element) && Arrays.equals(weights, e.weights);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(element) + Arrays.hashCode(weights);
    }

    @Override
    public String toString() {
        return "minimum-norm element " + Numbers.format(element) + ", norm " + Numbers.format(norm());
    }
}
