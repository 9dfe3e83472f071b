package dev.nabla.core.geometry;

/**
 * The Stiefel manifold St(n, p) = {X ∈ R^{n×p} : XᵀX = I_p} of orthonormal p-frames, embedded in R^{n·p}
 * with X stored row-major (x[i·p + j] = X_ij). Tangent space {V : XᵀV + VᵀX = 0}; projection
 * P_X(V) = V − X sym(XᵀV) with sym(A) = (A + Aᵀ)/2; retraction by the Q factor of a thin QR decomposition,
 * R_X(V) = qf(X + V) (R with a positive diagonal, computed by modified Gram–Schmidt).
 *
 * @param rows    n
 * @param columns p ≤ n
 */
public record Stiefel(int rows, int columns) implements Manifold {

    /**
     * The canonical constructor (it checks and copies the components as the record requires).
     *
     * @param rows    n
     * @param columns p ≤ n
     */
    public Stiefel {
        if (columns < 1 || rows < columns) {
            throw new IllegalArgumentException("St(n, p) needs 1 ≤ p ≤ n, got n = " + rows + ", p = " + columns);
        }
    }

    @Override
    public int ambientDimension() {
        return rows * columns;
    }

    @Override
    public double[] projectToTangent(double[] x, double[] v) {
        int p = columns;
        double[][] xtv = new double[p][p];
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                double s = 0;
                for (int i = 0; i < rows; i++) {
                    s += x[i * p + a] * v[i * p + b];
                }
                xtv[a][b] = s;
            }
        }
        double[] out = v.clone();
        for (int i = 0; i < rows; i++) {
            for (int b = 0; b < p; b++) {
                double s = 0;
                for (int a = 0; a < p; a++) {
                    s += x[i * p + a] * 0.5 * (xtv[a][b] + xtv[b][a]);
                }
                out[i * p + b] -= s;
            }
        }
        return out;
    }

    /** qf(Y): the orthonormal Q of Y = QR with diag(R) > 0; throws if the columns of Y are dependent. */
    @Override
    public double[] projectOnto(double[] y) {
        int p = columns;
        double[] q = y.clone();
        for (int b = 0; b < p; b++) {
            for (int a = 0; a < b; a++) {
                double s = 0;
                for (int i = 0; i < rows; i++) {
                    s += q[i * p + a] * q[i * p + b];
                }
                for (int i = 0; i < rows; i++) {
                    q[i * p + b] -= s * q[i * p + a];
                }
            }
            double norm = 0;
            for (int i = 0; i < rows; i++) {
                norm = Math.hypot(norm, q[i * p + b]);
            }
            if (!(norm > 1e-300) || !Double.isFinite(norm)) {
                throw new ArithmeticException("column " + b + " is linearly dependent on the previous ones: no QR retraction");
            }
            for (int i = 0; i < rows; i++) {
                q[i * p + b] /= norm;
            }
        }
        return q;
    }

    /** ‖XᵀX − I‖_F. */
    @Override
    public double constraintViolation(double[] x) {
        int p = columns;
        double s = 0;
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                double d = a == b ? -1 : 0;
                for (int i = 0; i < rows; i++) {
                    d += x[i * p + a] * x[i * p + b];
                }
                s += d * d;
            }
        }
        return Math.sqrt(s);
    }
}
