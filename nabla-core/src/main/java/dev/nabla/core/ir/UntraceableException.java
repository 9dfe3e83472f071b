package dev.nabla.core.ir;

/** Thrown when traced code does what a program cannot record (branching on a value, mixing passes). */
public final class UntraceableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UntraceableException(String message) {
        super(message);
    }
}
