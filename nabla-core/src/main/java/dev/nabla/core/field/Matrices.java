package dev.nabla.core.field;

/** Small dense-matrix helpers on {@code double[][]} (row-major). Pure functions. */
public final class Matrices {
    private Matrices() {
    }

    /**
     * A x.
     *
     * @param a an m × n matrix
     * @param x a vector of length n
     * @return A x, of length m
     */
    public static double[] multiply(double[][] a, double[] x) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = Vectors.dot(a[i], x);
        }
        return r;
    }

    /**
     * Aᵀ w.
     *
     * @param a an m × n matrix
     * @param w a vector of length m
     * @return Aᵀ w, of length n
     */
    public static double[] multiplyTransposed(double[][] a, double[] w) {
        int n = a.length == 0 ? 0 : a[0].length;
        double[] r = new double[n];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < n; j++) {
                r[j] += a[i][j] * w[i];
            }
        }
        return r;
    }

    /**
     * (A + Aᵀ) / 2, for a square A.
     *
     * @param a a square matrix
     * @return its symmetric part
     */
    public static double[][] symmetrise(double[][] a) {
        int n = a.length;
        double[][] s = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                s[i][j] = 0.5 * (a[i][j] + a[j][i]);
            }
        }
        return s;
    }
}
