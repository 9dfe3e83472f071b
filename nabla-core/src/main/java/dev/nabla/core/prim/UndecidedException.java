package dev.nabla.core.prim;

/**
 * An enclosure that cannot be certified: a primitive's argument straddles the edge of its domain (log of
 * [−1e-300, 1], a divisor that contains 0), or a comparison it needs cannot be decided. Not a domain error: a
 * tighter enclosure (higher precision) may decide it.
 */
public final class UndecidedException extends ArithmeticException {
    private static final long serialVersionUID = 1L;

    /** @param message what could not be decided, naming the operation and its argument */
    public UndecidedException(String message) {
        super(message);
    }
}
