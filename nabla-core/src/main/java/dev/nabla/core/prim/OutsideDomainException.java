package dev.nabla.core.prim;

/**
 * A primitive applied where its argument lies wholly outside its domain (log of [−2, −1], division by exactly 0,
 * asin of 2): a domain error, whatever the precision.
 */
public final class OutsideDomainException extends ArithmeticException {
    private static final long serialVersionUID = 1L;

    /** @param message the operation, its argument and the condition, e.g. {@code "log of -1 (argument must be > 0)"} */
    public OutsideDomainException(String message) {
        super(message);
    }
}
