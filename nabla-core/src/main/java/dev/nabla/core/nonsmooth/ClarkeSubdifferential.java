package dev.nabla.core.nonsmooth;

import dev.nabla.core.numeric.Numbers;

/**
 * The Clarke subdifferential ∂f(x) = conv{lim ∇f(y_k) : y_k → x, f differentiable at y_k} of a locally
 * Lipschitz field at a point, as a readable set, with how much it can be trusted.
 *
 * @param point       x
 * @param set         the set (or an enclosure / estimate of it, see {@code kind})
 * @param kind        EXACT, ENCLOSURE (∂f(x) ⊆ set) or ESTIMATE (gradient sampling)
 * @param explanation which rule produced the set, e.g. "abs at 0: [−1, 1]·∇u"
 */
public record ClarkeSubdifferential(double[] point, ClarkeSet set, Kind kind, String explanation) {

    /** How the set relates to the true ∂f(x). */
    public enum Kind {
        /** The set is ∂f(x). */
        EXACT,
        /** ∂f(x) ⊆ set; the calculus rule used holds only as an inclusion here. */
        ENCLOSURE,
        /** A numerical estimate: the hull of gradients sampled near x. */
        ESTIMATE
    }

    /**
     * The canonical constructor (it checks and copies the components as the record requires).
     *
     * @param point       x
     * @param set         the set (or an enclosure / estimate of it, see {@code kind})
     * @param kind        EXACT, ENCLOSURE (∂f(x) ⊆ set) or ESTIMATE (gradient sampling)
     * @param explanation which rule produced the set, e.g. "abs at 0: [−1, 1]·∇u"
     */
    public ClarkeSubdifferential {
        point = point.clone();
    }

    /** @return x (a copy) */
    @Override
    public double[] point() {
        return point.clone();
    }

    /**
     * The estimate from gradient sampling.
     *
     * @param s the sampled gradients
     * @return their hull, marked as an estimate
     */
    public static ClarkeSubdifferential estimate(SampledSubdifferential s) {
        return new ClarkeSubdifferential(s.point(), s.hull(), Kind.ESTIMATE, "convex hull of " + s.gradients().size()
                + " gradients sampled within ε = " + Numbers.format(s.radius()));
    }

    /**
     * 0 ∈ ∂f(x) (within {@code tolerance}): x is Clarke stationary.
     *
     * @param tolerance the distance of 0 allowed
     * @return true when 0 ∈ ∂f(x) up to the tolerance
     */
    public boolean isStationary(double tolerance) {
        return set.contains(new double[set.dimension()], tolerance);
    }

    @Override
    public String toString() {
        String prefix = switch (kind) {
            case EXACT -> "∂f = ";
            case ENCLOSURE -> "∂f ⊆ ";
            case ESTIMATE -> "∂f ≈ ";
        };
        return prefix + set + " at " + Numbers.format(point) + " (" + explanation + ")";
    }
}
