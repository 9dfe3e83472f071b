package dev.nabla.core.field;

import java.util.Arrays;

/**
 * A field evaluated outside its domain: log of a non-positive number, division by zero, sqrt of a negative.
 * The message names the offending sub-expression and the point, never just "NaN".
 */
public class DomainException extends ArithmeticException {
    private static final long serialVersionUID = 1L;
    /** The sub-expression that is undefined. */
    private final String subExpression;
    /** The point, or null when unknown. */
    private final double[] point;

    /**
     * @param subExpression the sub-expression that is undefined, e.g. {@code "log(x - 2)"}
     * @param reason        why, e.g. {@code "log of -1 (argument must be > 0)"}
     * @param point         the point, may be null when unknown
     */
    public DomainException(String subExpression, String reason, double[] point) {
        super(reason + " in " + subExpression + (point == null ? "" : " at " + Arrays.toString(point)));
        this.subExpression = subExpression;
        this.point = point == null ? null : point.clone();
    }

    /**
     * The sub-expression that is undefined at the point.
     *
     * @return its text, e.g. {@code "log(x - 2)"}
     */
    public String subExpression() {
        return subExpression;
    }

    /**
     * The point where it was evaluated.
     *
     * @return a copy of the point, or null when unknown
     */
    public double[] point() {
        return point == null ? null : point.clone();
    }
}
