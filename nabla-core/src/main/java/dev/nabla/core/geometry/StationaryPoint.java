package dev.nabla.core.geometry;

import java.util.Arrays;

/**
 * The second-order classification of a stationary point (∇f = 0) by the eigenvalues of the Hessian:
 * all λ &gt; 0 a strict local minimum, all λ &lt; 0 a strict local maximum, both signs a saddle, otherwise (some
 * λ = 0 and no sign change) degenerate — the second-order test says nothing.
 *
 * <p>An eigenvalue counts as zero when |λ| ≤ 1e-9 · max(1, max_k |λ_k|): the Hessian comes from exact derivatives
 * whose rounding error is a few ulps of its largest entry, so smaller magnitudes carry no sign information.
 *
 * @param kind        the classification
 * @param eigenvalues the Hessian's eigenvalues, ascending (Jacobi, {@link SymmetricEigen})
 */
public record StationaryPoint(Kind kind, double[] eigenvalues) {

    /** Zero threshold relative to the largest eigenvalue magnitude (see the class comment). */
    public static final double RELATIVE_ZERO = 1e-9;

    /** The kinds of stationary point. */
    public enum Kind {
        /** H positive definite: a strict local minimum. */
        MINIMUM,
        /** H negative definite: a strict local maximum. */
        MAXIMUM,
        /** H has eigenvalues of both signs. */
        SADDLE,
        /** H is singular (an eigenvalue is zero to the threshold): the second-order test decides nothing. */
        DEGENERATE
    }

    /**
     * The canonical constructor (it checks and copies the components as the record requires).
     *
     * @param kind        the classification
     * @param eigenvalues the Hessian's eigenvalues, ascending (Jacobi, {@link SymmetricEigen})
     */
    public StationaryPoint {
        eigenvalues = eigenvalues.clone();
    }

    /**
     * Classifies from the Hessian H(x) at a stationary point x.
     *
     * @param hessian H(x), symmetric
     * @return minimum, maximum, saddle or degenerate, with the eigenvalues
     */
    public static StationaryPoint classify(double[][] hessian) {
        double[] lambda = SymmetricEigen.of(hessian).eigenvalues();
        double scale = 1;
        for (double l : lambda) {
            scale = Math.max(scale, Math.abs(l));
        }
        double zero = RELATIVE_ZERO * scale;
        boolean positive = false;
        boolean negative = false;
        boolean singular = false;
        for (double l : lambda) {
            positive |= l > zero;
            negative |= l < -zero;
            singular |= Math.abs(l) <= zero;
        }
        Kind kind = positive && negative ? Kind.SADDLE
                : singular ? Kind.DEGENERATE
                : positive ? Kind.MINIMUM : Kind.MAXIMUM;
        return new StationaryPoint(kind, lambda);
    }

    /** @return the Hessian's eigenvalues, ascending (Jacobi, {@link SymmetricEigen}) (a copy) */
    @Override
    public double[] eigenvalues() {
        return eigenvalues.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StationaryPoint s && kind == s.kind && Arrays.equals(eigenvalues, s.eigenvalues);
    }

    @Override
    public int hashCode() {
        return 31 * kind.hashCode() + Arrays.hashCode(eigenvalues);
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + " (Hessian eigenvalues " + Arrays.toString(eigenvalues) + ")";
    }
}
