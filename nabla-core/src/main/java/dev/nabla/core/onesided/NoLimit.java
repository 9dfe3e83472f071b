package dev.nabla.core.onesided;

/**
 * Thrown while f(x + t v) is expanded when the one-sided limit does not exist (f undefined for small t &gt; 0,
 * oscillation), or when the expansion cannot decide at its current order ({@link #undecided}: a higher order
 * is tried).
 */
final class NoLimit extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final boolean undecided;

    private NoLimit(String reason, boolean undecided) {
        super(reason, null, false, false);
        this.undecided = undecided;
    }

    /** The limit does not exist, for the reason given. */
    static NoLimit because(String reason) {
        return new NoLimit(reason, false);
    }

    /** Not decided at this order (a higher order may decide). */
    static NoLimit undecided(String reason) {
        return new NoLimit(reason, true);
    }
}
