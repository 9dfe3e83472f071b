package dev.nabla.core.field;

import java.util.List;

/**
 * A scalar field f: R^n → R, known only through its values. The black box that finite differences,
 * gradient checks and gradient sampling work on.
 */
@FunctionalInterface
public interface ScalarField {

    /**
     * f(x). May throw {@link DomainException} where f is undefined.
     *
     * @param x the point
     * @return f(x)
     * @throws DomainException where f is undefined
     */
    double value(double[] x);

    /**
     * The number of variables n, or -1 when the field accepts any dimension.
     *
     * @return n, or -1
     */
    default int dimension() {
        return -1;
    }

    /**
     * Names of the variables in order (x1 … xn unless the field knows better).
     *
     * @return the variables' names
     */
    default List<String> variables() {
        return Fields.defaultNames(dimension());
    }
}
