package dev.nabla.core.interval;

import dev.nabla.core.ad.Real;
import dev.nabla.core.ad.RealFunction;
import java.util.Arrays;

/**
 * Enclosures of f(x) and ∇f(x) for Java code: the same {@link RealFunction} that {@link dev.nabla.core.ad.AD}
 * differentiates, run on interval dual numbers ({@link IntervalDual}: forward mode, n interval tangents), so
 * that each result contains the exact value (away from kinks, where the table's conventional partials enclose
 * the one-sided ones). The certified counterpart of {@code AD.valueAndGrad}, never its default.
 *
 * <p>Cost: one evaluation of f in interval arithmetic with n tangents, each operation about 10–30 times a
 * double operation per tangent (outward rounding, the kernels' widening, the definitions' case analysis):
 * for certifying an answer, not for optimisation inner loops.
 */
public final class IntervalAD {
    private IntervalAD() {
    }

    /** An enclosure of f(x). */
    public static Interval value(RealFunction f, double... x) {
        return run(f, boxes(x), 0).v;
    }

    /** Enclosures of f(x) and ∇f(x). */
    public static CertifiedGradient<Interval> gradient(RealFunction f, double... x) {
        return gradient(f, boxes(x));
    }

    /** Enclosures of f and ∇f over a box (every point of each coordinate's interval). */
    public static CertifiedGradient<Interval> gradient(RealFunction f, Interval[] x) {
        IntervalDual r = run(f, x, x.length);
        return new CertifiedGradient<>(r.v, Arrays.asList(r.d));
    }

    /** An enclosure of D_v f(x) = ∇f(x)·v, by one tangent. */
    public static Interval directionalDerivative(RealFunction f, double[] x, double[] v) {
        if (v.length != x.length) {
            throw new IllegalArgumentException("the direction has " + v.length + " components, expected " + x.length);
        }
        Real[] in = new Real[x.length];
        for (int i = 0; i < x.length; i++) {
            in[i] = new IntervalDual(Interval.of(x[i]), new Interval[] {Interval.of(v[i])});
        }
        return result(f.apply(in)).d[0];
    }

    private static Interval[] boxes(double[] x) {
        Interval[] b = new Interval[x.length];
        for (int i = 0; i < x.length; i++) {
            b[i] = Interval.of(x[i]);
        }
        return b;
    }

    private static IntervalDual run(RealFunction f, Interval[] x, int tangents) {
        Real[] in = new Real[x.length];
        for (int i = 0; i < x.length; i++) {
            Interval[] t = IntervalDual.zeros(tangents);
            if (tangents > 0) {
                t[i] = Interval.of(1);
            }
            in[i] = new IntervalDual(x[i], t);
        }
        return result(f.apply(in));
    }

    private static IntervalDual result(Real r) {
        if (r instanceof IntervalDual d) {
            return d;
        }
        throw new IllegalArgumentException("the function returned a number not computed from its arguments: " + r);
    }
}
