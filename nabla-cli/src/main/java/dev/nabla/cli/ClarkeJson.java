package dev.nabla.cli;

import dev.nabla.core.nonsmooth.ClarkeSet;
import java.util.List;

/**
 * A Clarke set in JSON: {@code shape} is "interval" (lower, upper), "ball" (center, radius) or "polytope"
 * (vertices); {@code text} is the readable form, e.g. {@code "[-1, 1]"}, {@code "unit ball {g : ‖g‖ ≤ 1}"}.
 */
public record ClarkeJson(String shape, String text, Double lower, Double upper, double[] center, Double radius,
                         List<double[]> vertices) {

    static ClarkeJson of(ClarkeSet set) {
        if (set instanceof ClarkeSet.Interval i) {
            return new ClarkeJson("interval", set.toString(), i.lower(), i.upper(), null, null, null);
        }
        if (set instanceof ClarkeSet.Ball b) {
            return new ClarkeJson("ball", set.toString(), null, null, b.center(), b.radius(), null);
        }
        ClarkeSet.Polytope p = (ClarkeSet.Polytope) set;
        return new ClarkeJson("polytope", set.toString(), null, null, null, null, p.vertices());
    }
}
