package dev.nabla.core.ad;

/**
 * The forward context in which an array primitive differentiates one element function on its own
 * (preaccumulation, {@link Reals#windowSum}). Its numbers ({@link LocalDual}) refuse operands of any other
 * differentiation context: such an operand would be taken as a constant and its derivative lost, so the
 * primitive falls back to recording the function operation by operation. Kinks are recorded only while
 * {@link #recording}, so that a function evaluated once per group of seeds reports each kink once.
 */
final class LocalContext extends Context {
    /** Thrown (without a stack trace) when a number of another context enters the local evaluation. */
    static final class Captured extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private Captured() {
            super(null, null, false, false);
        }
    }

    static final Captured CAPTURED = new Captured();

    boolean recording = true;

    @Override
    void kink(String primitive, String where) {
        if (recording) {
            super.kink(primitive, where);
        }
    }

    /** Refuses o unless it is a plain number (a true constant). */
    static void requirePlain(Real o) {
        if (!(o instanceof Plain)) {
            throw CAPTURED;
        }
    }
}
