package dev.nabla.gradbench;

/** An evaluate message whose function or input does not match the eval's definition. */
public final class InputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InputException(String message) {
        super(message);
    }
}
