package dev.nabla.gradbench.evals;

import dev.nabla.core.ad.Real;

/**
 * The gradient-descent solver GradBench's {@code saddle} and {@code particle} evals prescribe, written over
 * {@link Real} so that it can itself be differentiated (nested AD): start with η = 10⁻⁵; stop when
 * ‖∇f‖ ≤ 10⁻⁵ or the step is ≤ 10⁻⁵; accept x − η∇f if it lowers f (after 10 accepted steps in a row η
 * doubles), otherwise halve η. Comparisons use the values; the iterates carry derivatives.
 */
final class GradientDescent {
    static final double TOLERANCE = 1e-5;
    /** A bound on the work, so that a diverging input fails instead of hanging. */
    static final int MAX_ITERATIONS = 10_000_000;

    interface Objective {
        Real value(Real[] x);

        Real[] gradient(Real[] x);
    }

    private GradientDescent() {
    }

    static Real[] argmin(Objective f, Real[] start) {
        Real[] x = start.clone();
        Real fx = f.value(x);
        Real[] gx = f.gradient(x);
        int accepted = 0;
        double eta = TOLERANCE;
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            if (norm(gx) <= TOLERANCE) {
                return x;
            } else if (accepted == 10) {
                eta *= 2;
                accepted = 0;
            } else {
                Real[] candidate = new Real[x.length];
                double step = 0;
                for (int j = 0; j < x.length; j++) {
                    candidate[j] = x[j].subtract(gx[j].multiply(eta));
                    double dj = x[j].value() - candidate[j].value();
                    step += dj * dj;
                }
                if (Math.sqrt(step) <= TOLERANCE) {
                    return x;
                }
                Real fCandidate = f.value(candidate);
                if (fCandidate.value() < fx.value()) {
                    x = candidate;
                    fx = fCandidate;
                    gx = f.gradient(x);
                    accepted++;
                } else {
                    eta /= 2;
                    accepted = 0;
                }
            }
        }
        throw new ArithmeticException("gradient descent did not converge in " + MAX_ITERATIONS + " iterations");
    }

    /** argmax f = argmin (−f). */
    static Real[] argmax(Objective f, Real[] start) {
        return argmin(new Objective() {
            @Override
            public Real value(Real[] x) {
                return f.value(x).negate();
            }

            @Override
            public Real[] gradient(Real[] x) {
                Real[] g = f.gradient(x);
                Real[] negated = new Real[g.length];
                for (int i = 0; i < g.length; i++) {
                    negated[i] = g[i].negate();
                }
                return negated;
            }
        }, start);
    }

    private static double norm(Real[] g) {
        double s = 0;
        for (Real gi : g) {
            s += gi.value() * gi.value();
        }
        return Math.sqrt(s);
    }
}
