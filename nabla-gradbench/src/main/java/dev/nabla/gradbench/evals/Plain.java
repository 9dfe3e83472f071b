package dev.nabla.gradbench.evals;

import dev.nabla.core.ad.AD;
import dev.nabla.core.ad.Real;
import dev.nabla.core.ad.RealVectorFunction;

/** The plain-double side of a Real program: the primal runs through the same code as the derivatives. */
final class Plain {
    private Plain() {
    }

    /** Plain (derivative-free) reals holding {@code x}, taken from {@link AD#value}'s own arguments. */
    static Real[] reals(double... x) {
        Real[][] held = new Real[1][];
        AD.value(r -> {
            held[0] = r;
            return r.length == 0 ? null : r[0];
        }, x);
        return held[0];
    }

    /** u(x) evaluated with plain reals. */
    static double[] values(RealVectorFunction u, double[] x) {
        return values(u.apply(reals(x)));
    }

    static double[] values(Real[] r) {
        double[] v = new double[r.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = r[i].value();
        }
        return v;
    }
}
