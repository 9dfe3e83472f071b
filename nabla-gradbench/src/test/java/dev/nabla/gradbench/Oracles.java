package dev.nabla.gradbench;

import java.util.function.ToDoubleFunction;

/**
 * Plain-double re-implementations of the evals' primal functions, written independently of the tool's
 * {@code Real} programs (different formulations where one exists: LU for det, explicit precision matrices
 * and a Wishart density for gmm, a rotation matrix for BA's Rodrigues formula), plus central differences.
 */
final class Oracles {
    private Oracles() {
    }

    /** Central differences (f(x + h eᵢ) − f(x − h eᵢ)) / 2h with h = 1e-6 · max(1, |xᵢ|). */
    static double[] centralGradient(ToDoubleFunction<double[]> f, double[] x) {
        double[] g = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double h = 1e-6 * Math.max(1, Math.abs(x[i]));
            double[] p = x.clone();
            double[] m = x.clone();
            p[i] += h;
            m[i] -= h;
            g[i] = (f.applyAsDouble(p) - f.applyAsDouble(m)) / (2 * h);
        }
        return g;
    }

    static double lse(double[] x) {
        double a = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            a = Math.max(a, v);
        }
        double s = 0;
        for (double v : x) {
            s += Math.exp(v - a);
        }
        return a + Math.log(s);
    }

    static double llsq(double[] x, int n) {
        double y = 0;
        for (int i = 0; i < n; i++) {
            double t = -1 + 2.0 * i / (n - 1);
            double r = Math.signum(t);
            for (int j = 0; j < x.length; j++) {
                r -= x[j] * Math.pow(t, j);
            }
            y += r * r;
        }
        return y / 2;
    }

    /** det A by LU decomposition with partial pivoting (row-major ℓ × ℓ). */
    static double det(double[] a, int ell) {
        double[][] m = new double[ell][ell];
        for (int i = 0; i < ell; i++) {
            System.arraycopy(a, i * ell, m[i], 0, ell);
        }
        double det = 1;
        for (int c = 0; c < ell; c++) {
            int pivot = c;
            for (int r = c + 1; r < ell; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) {
                    pivot = r;
                }
            }
            if (pivot != c) {
                double[] t = m[c];
                m[c] = m[pivot];
                m[pivot] = t;
                det = -det;
            }
            det *= m[c][c];
            for (int r = c + 1; r < ell; r++) {
                double f = m[r][c] / m[c][c];
                for (int k = c; k < ell; k++) {
                    m[r][k] -= f * m[c][k];
                }
            }
        }
        return det;
    }

    /**
     * The GMM log posterior from its definition: log Πᵢ Σₖ φₖ N(xᵢ; μₖ, Σₖ) + Σₖ log W(Σₖ⁻¹; I/γ², D + m + 1),
     * with Σₖ⁻¹ = QₖᵀQₖ formed explicitly and its determinant by LU.
     */
    static double gmm(int d, int k, double[][] x, int m, double gamma, double[] alpha, double[][] mu, double[][] q, double[][] l) {
        double[] phi = new double[k];
        double sumExp = 0;
        for (int c = 0; c < k; c++) {
            sumExp += Math.exp(alpha[c]);
        }
        for (int c = 0; c < k; c++) {
            phi[c] = Math.exp(alpha[c]) / sumExp;
        }
        double[][][] precision = new double[k][d][d];
        for (int c = 0; c < k; c++) {
            double[][] qm = new double[d][d];
            int li = 0;
            for (int j = 0; j < d; j++) {
                qm[j][j] = Math.exp(q[c][j]);
                for (int i = j + 1; i < d; i++) {
                    qm[i][j] = l[c][li++];
                }
            }
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    for (int r = 0; r < d; r++) {
                        precision[c][i][j] += qm[r][i] * qm[r][j];
                    }
                }
            }
        }
        double logLikelihood = 0;
        for (double[] xi : x) {
            double density = 0;
            for (int c = 0; c < k; c++) {
                double quad = 0;
                for (int i = 0; i < d; i++) {
                    for (int j = 0; j < d; j++) {
                        quad += (xi[i] - mu[c][i]) * precision[c][i][j] * (xi[j] - mu[c][j]);
                    }
                }
                density += phi[c] * Math.exp(-quad / 2) * Math.sqrt(det(flat(precision[c]), d) / Math.pow(2 * Math.PI, d));
            }
            logLikelihood += Math.log(density);
        }
        int n = d + m + 1;
        double logPrior = 0;
        for (int c = 0; c < k; c++) {
            double trace = 0;
            for (int i = 0; i < d; i++) {
                trace += precision[c][i][i];
            }
            // log W(X; V, n) = (n−p−1)/2 log det X − tr(V⁻¹X)/2 − np/2 log 2 − n/2 log det V − log Γ_p(n/2), V = I/γ²
            logPrior += (n - d - 1) / 2.0 * Math.log(det(flat(precision[c]), d)) - gamma * gamma * trace / 2
                    - n * d / 2.0 * Math.log(2) + n * d * Math.log(gamma) - logMultivariateGammaHalf(n, d);
        }
        return logLikelihood + logPrior;
    }

    /** log Γ_p(n/2) for an integer n &gt; p − 1, from Γ(1) = 1, Γ(1/2) = √π and Γ(z + 1) = z Γ(z). */
    static double logMultivariateGammaHalf(int n, int p) {
        double s = p * (p - 1) / 4.0 * Math.log(Math.PI);
        for (int j = 1; j <= p; j++) {
            s += logGammaHalf(n + 1 - j);
        }
        return s;
    }

    /** log Γ(t/2) for a positive integer t. */
    static double logGammaHalf(int t) {
        double z = t % 2 == 0 ? 1 : 0.5;
        double log = t % 2 == 0 ? 0 : 0.5 * Math.log(Math.PI);
        while (z < t / 2.0) {
            log += Math.log(z);
            z += 1;
        }
        return log;
    }

    static double[] flat(double[][] m) {
        double[] f = new double[m.length * m.length];
        for (int i = 0; i < m.length; i++) {
            System.arraycopy(m[i], 0, f, i * m.length, m.length);
        }
        return f;
    }

    static double kmeansCost(double[][] points, double[] c, int k, int d) {
        double cost = 0;
        for (double[] p : points) {
            double best = Double.POSITIVE_INFINITY;
            for (int j = 0; j < k; j++) {
                double s = 0;
                for (int l = 0; l < d; l++) {
                    s += (c[j * d + l] - p[l]) * (c[j * d + l] - p[l]);
                }
                best = Math.min(best, s);
            }
            cost += best;
        }
        return cost;
    }

    /** Classical RK4 for y₀′ = x₀, yᵢ′ = xᵢ yᵢ₋₁ on [0, 2] with s steps. */
    static double[] ode(double[] x, int s) {
        int n = x.length;
        double h = 2.0 / s;
        double[] y = new double[n];
        for (int step = 0; step < s; step++) {
            double[] k1 = rate(x, y);
            double[] k2 = rate(x, shift(y, k1, h / 2));
            double[] k3 = rate(x, shift(y, k2, h / 2));
            double[] k4 = rate(x, shift(y, k3, h));
            for (int i = 0; i < n; i++) {
                y[i] += h * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]) / 6;
            }
        }
        return y;
    }

    private static double[] rate(double[] x, double[] y) {
        double[] z = new double[x.length];
        z[0] = x[0];
        for (int i = 1; i < x.length; i++) {
            z[i] = x[i] * y[i - 1];
        }
        return z;
    }

    private static double[] shift(double[] y, double[] k, double c) {
        double[] out = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            out[i] = y[i] + c * k[i];
        }
        return out;
    }

    static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    /** ADBench's LSTM loss with main (2l × 4b), extra (3 × b), state (2l × b) and the sequence (c × b). */
    static double lstm(double[][] main, double[][] extra, double[][] state, double[][] sequence) {
        int l = main.length / 2;
        int b = extra[0].length;
        double[][] hidden = new double[l][];
        double[][] cell = new double[l][];
        for (int i = 0; i < l; i++) {
            hidden[i] = state[2 * i].clone();
            cell[i] = state[2 * i + 1].clone();
        }
        double total = 0;
        for (int t = 0; t + 1 < sequence.length; t++) {
            double[] in = new double[b];
            for (int i = 0; i < b; i++) {
                in[i] = sequence[t][i] * extra[0][i];
            }
            for (int layer = 0; layer < l; layer++) {
                double[] w = main[2 * layer];
                double[] bias = main[2 * layer + 1];
                for (int i = 0; i < b; i++) {
                    double forget = sigmoid(in[i] * w[i] + bias[i]);
                    double ingate = sigmoid(hidden[layer][i] * w[b + i] + bias[b + i]);
                    double outgate = sigmoid(in[i] * w[2 * b + i] + bias[2 * b + i]);
                    double change = Math.tanh(hidden[layer][i] * w[3 * b + i] + bias[3 * b + i]);
                    cell[layer][i] = cell[layer][i] * forget + ingate * change;
                    hidden[layer][i] = outgate * Math.tanh(cell[layer][i]);
                }
                in = hidden[layer].clone();
            }
            double sum = 2;
            double[] pred = new double[b];
            for (int i = 0; i < b; i++) {
                pred[i] = in[i] * extra[1][i] + extra[2][i];
                sum += Math.exp(pred[i]);
            }
            for (int i = 0; i < b; i++) {
                total += sequence[t + 1][i] * (pred[i] - Math.log(sum));
            }
        }
        return -total / ((sequence.length - 1) * b);
    }

    /**
     * BA's reprojection error of one observation from (camera 11, point 3, weight 1), rotating with the matrix
     * R = I + sin θ K + (1 − cos θ) K² (K the cross-product matrix of the unit axis).
     */
    static double[] reprojection(double[] in, double[] feature) {
        double[] xo = {in[11] - in[3], in[12] - in[4], in[13] - in[5]};
        double theta = Math.sqrt(in[0] * in[0] + in[1] * in[1] + in[2] * in[2]);
        double[][] r = new double[3][3];
        if (theta == 0) {
            r = new double[][] {{1, -in[2], in[1]}, {in[2], 1, -in[0]}, {-in[1], in[0], 1}};
        } else {
            double kx = in[0] / theta, ky = in[1] / theta, kz = in[2] / theta;
            double[][] kk = {{0, -kz, ky}, {kz, 0, -kx}, {-ky, kx, 0}};
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    double k2 = 0;
                    for (int t = 0; t < 3; t++) {
                        k2 += kk[i][t] * kk[t][j];
                    }
                    r[i][j] = (i == j ? 1 : 0) + Math.sin(theta) * kk[i][j] + (1 - Math.cos(theta)) * k2;
                }
            }
        }
        double[] xc = new double[3];
        for (int i = 0; i < 3; i++) {
            xc[i] = r[i][0] * xo[0] + r[i][1] * xo[1] + r[i][2] * xo[2];
        }
        double px = xc[0] / xc[2], py = xc[1] / xc[2];
        double rsq = px * px + py * py;
        double distortion = 1 + in[9] * rsq + in[10] * rsq * rsq;
        return new double[] {in[14] * (px * distortion * in[6] + in[7] - feature[0]),
            in[14] * (py * distortion * in[6] + in[8] - feature[1])};
    }
}
