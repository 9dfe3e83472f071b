package dev.nabla.core.geometry;

import java.util.Arrays;

/**
 * The eigen-decomposition A = V Λ Vᵀ of a real symmetric matrix by the cyclic Jacobi method: plane rotations
 * annihilate the off-diagonal entries one at a time until their Frobenius norm is below 1e-15 of the matrix's.
 * Accurate to a few ulps of ‖A‖ for every eigenvalue, fine for the small Hessians of geometry and tests.
 *
 * @param eigenvalues  λ_1 ≤ … ≤ λ_n, ascending
 * @param eigenvectors column k (that is, {@code eigenvectors[i][k]} for i = 0…n−1) is the unit eigenvector of λ_k
 */
public record SymmetricEigen(double[] eigenvalues, double[][] eigenvectors) {

    private static final int MAX_SWEEPS = 100;

    /**
     * The canonical constructor (it checks and copies the components as the record requires).
     *
     * @param eigenvalues  λ_1 ≤ … ≤ λ_n, ascending
     * @param eigenvectors column k (that is, {@code eigenvectors[i][k]} for i = 0…n−1) is the unit eigenvector of λ_k
     */
    public SymmetricEigen {
        eigenvalues = eigenvalues.clone();
        eigenvectors = copy(eigenvectors);
    }

    /**
     * Decomposes a symmetric matrix (only symmetry up to rounding is assumed; the input is symmetrised).
     *
     * @param matrix a symmetric n × n matrix
     * @return its eigenvalues λ_1 ≤ … ≤ λ_n and unit eigenvectors
     */
    public static SymmetricEigen of(double[][] matrix) {
        int n = matrix.length;
        double[][] a = new double[n][n];
        double[][] v = new double[n][n];
        for (int i = 0; i < n; i++) {
            if (matrix[i].length != n) {
                throw new IllegalArgumentException("matrix is not square: row " + i + " has " + matrix[i].length
                        + " entries, expected " + n);
            }
            for (int j = 0; j < n; j++) {
                a[i][j] = 0.5 * (matrix[i][j] + matrix[j][i]);
                if (!Double.isFinite(a[i][j])) {
                    throw new IllegalArgumentException("matrix entry (" + i + ", " + j + ") is not finite");
                }
            }
            v[i][i] = 1;
        }
        double total = frobenius(a, true);
        for (int sweep = 0; sweep < MAX_SWEEPS && frobenius(a, false) > 1e-15 * total; sweep++) {
            for (int p = 0; p < n - 1; p++) {
                for (int q = p + 1; q < n; q++) {
                    rotate(a, v, p, q);
                }
            }
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (i, j) -> Double.compare(a[i][i], a[j][j]));
        double[] values = new double[n];
        double[][] vectors = new double[n][n];
        for (int k = 0; k < n; k++) {
            values[k] = a[order[k]][order[k]];
            for (int i = 0; i < n; i++) {
                vectors[i][k] = v[i][order[k]];
            }
        }
        return new SymmetricEigen(values, vectors);
    }

    /**
     * The unit eigenvector of λ_k.
     *
     * @param k the index, 0 for λ_min
     * @return the unit eigenvector (a copy)
     */
    public double[] eigenvector(int k) {
        double[] e = new double[eigenvectors.length];
        for (int i = 0; i < e.length; i++) {
            e[i] = eigenvectors[i][k];
        }
        return e;
    }

    /**
     * λ_min.
     *
     * @return λ_min
     */
    public double smallest() {
        return eigenvalues[0];
    }

    /**
     * λ_max.
     *
     * @return λ_max
     */
    public double largest() {
        return eigenvalues[eigenvalues.length - 1];
    }

    /** @return λ_1 ≤ … ≤ λ_n, ascending (a copy) */
    @Override
    public double[] eigenvalues() {
        return eigenvalues.clone();
    }

    /** @return column k (that is, {@code eigenvectors[i][k]} for i = 0…n−1) is the unit eigenvector of λ_k */
    @Override
    public double[][] eigenvectors() {
        return copy(eigenvectors);
    }

    /** One Jacobi rotation in the (p, q) plane that makes a_pq = 0: A ← JᵀAJ, V ← VJ. */
    private static void rotate(double[][] a, double[][] v, int p, int q) {
        double apq = a[p][q];
        if (apq == 0) {
            return;
        }
        double theta = (a[q][q] - a[p][p]) / (2 * apq);
        double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        if (theta == 0) {
            t = 1;
        } else if (Double.isInfinite(theta * theta)) {
            t = 1 / (2 * theta);
        }
        double c = 1 / Math.sqrt(t * t + 1);
        double s = t * c;
        int n = a.length;
        for (int k = 0; k < n; k++) {
            double akp = a[k][p];
            double akq = a[k][q];
            a[k][p] = c * akp - s * akq;
            a[k][q] = s * akp + c * akq;
        }
        for (int k = 0; k < n; k++) {
            double apk = a[p][k];
            double aqk = a[q][k];
            a[p][k] = c * apk - s * aqk;
            a[q][k] = s * apk + c * aqk;
        }
        a[p][q] = 0;
        a[q][p] = 0;
        for (int k = 0; k < n; k++) {
            double vkp = v[k][p];
            double vkq = v[k][q];
            v[k][p] = c * vkp - s * vkq;
            v[k][q] = s * vkp + c * vkq;
        }
    }

    private static double frobenius(double[][] a, boolean withDiagonal) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a.length; j++) {
                if (withDiagonal || i != j) {
                    s += a[i][j] * a[i][j];
                }
            }
        }
        return Math.sqrt(s);
    }

    private static double[][] copy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SymmetricEigen e && Arrays.equals(eigenvalues, e.eigenvalues)
                && Arrays.deepEquals(eigenvectors, e.eigenvectors);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(eigenvalues) + Arrays.deepHashCode(eigenvectors);
    }

    @Override
    public String toString() {
        return "SymmetricEigen[eigenvalues=" + Arrays.toString(eigenvalues) + "]";
    }
}
