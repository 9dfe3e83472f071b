package dev.nabla.core.field;

/** Small dense-vector helpers on {@code double[]}. Pure functions; inputs are never modified. */
public final class Vectors {
    private Vectors() {
    }

    /**
     * a·b = Σ a_i b_i.
     *
     * @param a a vector
     * @param b a vector of the same length
     * @return their dot product
     */
    public static double dot(double[] a, double[] b) {
        requireSameLength(a, b);
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /**
     * ‖a‖₂, computed without overflow for large components.
     *
     * @param a a vector
     * @return its Euclidean norm
     */
    public static double norm(double[] a) {
        double scale = 0;
        for (double v : a) {
            scale = Math.max(scale, Math.abs(v));
        }
        if (scale == 0 || !Double.isFinite(scale)) {
            return scale;
        }
        double s = 0;
        for (double v : a) {
            double t = v / scale;
            s += t * t;
        }
        return scale * Math.sqrt(s);
    }

    /**
     * a / ‖a‖; throws if a = 0.
     *
     * @param a a non-zero vector
     * @return the unit vector along a
     */
    public static double[] normalise(double[] a) {
        double n = norm(a);
        if (n == 0) {
            throw new IllegalArgumentException("cannot normalise the zero vector");
        }
        return scale(1 / n, a);
    }

    /**
     * c a.
     *
     * @param c a scalar
     * @param a a vector
     * @return a new vector c a
     */
    public static double[] scale(double c, double[] a) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = c * a[i];
        }
        return r;
    }

    /**
     * a + b.
     *
     * @param a a vector
     * @param b a vector of the same length
     * @return a new vector a + b
     */
    public static double[] add(double[] a, double[] b) {
        return axpy(1, b, a);
    }

    /**
     * a − b.
     *
     * @param a a vector
     * @param b a vector of the same length
     * @return a new vector a − b
     */
    public static double[] subtract(double[] a, double[] b) {
        return axpy(-1, b, a);
    }

    /**
     * y + alpha x.
     *
     * @param alpha a scalar
     * @param x a vector
     * @param y a vector of the same length
     * @return a new vector y + alpha x
     */
    public static double[] axpy(double alpha, double[] x, double[] y) {
        requireSameLength(x, y);
        double[] r = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            r[i] = y[i] + alpha * x[i];
        }
        return r;
    }

    /**
     * The i-th standard basis vector e_i of R^n.
     *
     * @param n the dimension
     * @param i the index, 0 ≤ i &lt; n
     * @return e_i
     */
    public static double[] unit(int n, int i) {
        double[] e = new double[n];
        e[i] = 1;
        return e;
    }

    private static void requireSameLength(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("dimension mismatch: " + a.length + " vs " + b.length);
        }
    }
}
