package dev.nabla.cli.support;

import dev.nabla.precise.Certify;
import picocli.CommandLine.Option;

/**
 * Mixin for {@code --precision N}: print N significant digits, all certain, from the high-precision path. Without
 * it the numbers are the correctly rounded doubles where that is certain (see {@link Certification}).
 */
public final class PrecisionOption {
    /** The most digits {@code --precision} accepts (the high-precision path works up to 2000). */
    public static final int MAX = 1000;

    @Option(names = "--precision", paramLabel = "N",
            description = "Print N significant digits, every one certain (high-precision interval arithmetic).")
    private Integer digits;

    /** The digits asked for, or null for the default (correctly rounded doubles). */
    public Integer digits() {
        if (digits != null && (digits < 1 || digits > MAX)) {
            throw new UsageException("--precision must be between 1 and " + MAX + ", got " + digits);
        }
        return digits;
    }

    /** What must be certain. */
    public Certify.Goal goal() {
        Integer n = digits();
        return n == null ? Certify.Goal.DOUBLE : Certify.Goal.digits(n);
    }
}
