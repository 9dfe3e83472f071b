package dev.nabla.cli.support;

/**
 * Input that picocli accepted but the command cannot use: a point naming an unknown variable, a direction of
 * the wrong length, an empty expression. Reported as one line, exit code {@link ExitCode#USAGE}.
 */
public final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
