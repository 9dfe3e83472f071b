package dev.nabla.core.check;

/** The outcome of a check along one direction, or of a whole check (the worst of its directions). */
public enum CheckStatus {
    /** The claimed derivative agrees with the finite-difference estimate within the tolerance. */
    PASS,
    /**
     * No disagreement was found, but the finite differences could not resolve the derivative to 0.1 % of its
     * scale (rounding noise or an unconverged extrapolation), so agreement is not established either.
     */
    INCONCLUSIVE,
    /** The claimed derivative and the estimate differ by more than the tolerance plus the estimate's error. */
    FAIL;

    /** The worse of two outcomes (FAIL &gt; INCONCLUSIVE &gt; PASS). */
    public CheckStatus worse(CheckStatus other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
