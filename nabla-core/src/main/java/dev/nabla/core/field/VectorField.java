package dev.nabla.core.field;

/** A vector field u: R^n → R^m, known through its values. */
@FunctionalInterface
public interface VectorField {

    /**
     * u(x), a vector of length {@link #outputDimension()}.
     *
     * @param x the point
     * @return u(x)
     */
    double[] value(double[] x);

    /**
     * n, or -1 when any dimension is accepted.
     *
     * @return n, or -1
     */
    default int inputDimension() {
        return -1;
    }

    /**
     * m, or -1 when it is only known after evaluation.
     *
     * @return m, or -1
     */
    default int outputDimension() {
        return -1;
    }
}
