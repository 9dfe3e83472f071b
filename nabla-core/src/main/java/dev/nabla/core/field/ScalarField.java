package dev.nabla.core.field;

import java.util.List;

/**
 * A scalar field f: R^n → R, known only through its values. The black box that finite differences,
 * gradient checks and gradient sampling work on.
 */
@FunctionalInterface
public interface ScalarField {

    /** f(x). May throw {@link DomainException} where f is undefined. */
    double value(double[] x);

    /**
     * The number of variables n, or -1 when the field accepts any dimension.
     */
    default int dimension() {
        return -1;
    }

    /** Names of the variables in order (x1 … xn unless the field knows better). */
    default List<String> variables() {
        return Fields.defaultNames(dimension());
    }
}
