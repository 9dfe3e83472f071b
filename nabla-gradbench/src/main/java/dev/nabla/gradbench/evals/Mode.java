package dev.nabla.gradbench.evals;

import dev.nabla.core.ad.AD;
import dev.nabla.core.ad.Real;
import dev.nabla.core.ad.RealFunction;

/** Forward or reverse mode for a nestable gradient: n forward passes (one per axis) or one reverse pass. */
enum Mode {
    FORWARD, REVERSE;

    /** ∇f(x) where x may itself carry derivatives of an enclosing differentiation. */
    Real[] gradient(RealFunction f, Real[] x) {
        if (this == REVERSE) {
            return AD.grad(f, x);
        }
        Real[] g = new Real[x.length];
        for (int axis = 0; axis < x.length; axis++) {
            Real[] direction = new Real[x.length];
            for (int j = 0; j < x.length; j++) {
                direction[j] = x[0].constant(j == axis ? 1 : 0);
            }
            g[axis] = AD.jvp(f, x, direction);
        }
        return g;
    }

    static Mode of(char c) {
        return c == 'f' ? FORWARD : REVERSE;
    }
}
