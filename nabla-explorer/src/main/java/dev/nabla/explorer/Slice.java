package dev.nabla.explorer;

import dev.nabla.core.field.Vectors;
import dev.nabla.core.onesided.DirectionalDerivative;
import dev.nabla.symbolic.CompiledFormula;
import dev.nabla.symbolic.Formula;

import java.util.Locale;

/**
 * The slice of f along v through x: the graph of t ↦ f(x + t v), whose slope at t = 0 is D_v f(x) — the
 * documents' definition D_v f(x) = lim_{t→0} (f(x + t v) − f(x))/t made visible. At a kink the two one-sided
 * slopes differ: the right one is D_v f(x), the left one lim_{t→0⁻} (f(x + t v) − f(x))/t = −D_{−v} f(x).
 *
 * @param v      the direction used (v/‖v‖ when normalised)
 * @param t      the parameters sampled, increasing, symmetric about 0
 * @param values f(x + t v), null where f is undefined or not finite
 * @param value  f(x)
 * @param right  the right slope D_v f(x)
 * @param left   the left slope −D_{−v} f(x)
 * @param kink   whether the two slopes differ (x is a kink along v)
 */
record Slice(double[] v, double[] t, Double[] values, double value, Slope right, Slope left, boolean kink) {

    /**
     * A one-sided slope.
     *
     * @param value  the slope; ±Infinity for an infinite one; null when it does not exist or was not decided
     * @param kind   finite, positive-infinity, negative-infinity, does-not-exist or not-decided
     * @param method how it was computed (the exact one-sided expansion of f(x + t v), or ∇f·v)
     * @param reason why there is no finite slope (null otherwise)
     */
    record Slope(Double value, String kind, String method, String reason) {
        static Slope of(DirectionalDerivative d, boolean negate) {
            boolean number = d.kind() != DirectionalDerivative.Kind.DOES_NOT_EXIST
                    && d.kind() != DirectionalDerivative.Kind.NOT_DECIDED;
            DirectionalDerivative.Kind kind = d.kind();
            if (negate && kind == DirectionalDerivative.Kind.POSITIVE_INFINITY) {
                kind = DirectionalDerivative.Kind.NEGATIVE_INFINITY;
            } else if (negate && kind == DirectionalDerivative.Kind.NEGATIVE_INFINITY) {
                kind = DirectionalDerivative.Kind.POSITIVE_INFINITY;
            }
            return new Slope(number ? (negate ? -d.value() : d.value()) : null,
                    kind.name().toLowerCase(Locale.ROOT).replace('_', '-'), d.method().description(), d.reason());
        }
    }

    /** Samples f(x + t v) at {@code samples} points of [−halfWidth, halfWidth] and both one-sided slopes at 0. */
    static Slice along(Formula f, double[] x, double[] given, boolean normalise, double halfWidth, int samples) {
        double length = Vectors.norm(given);
        if (length == 0) {
            throw ApiException.badRequest("the zero direction has no slice");
        }
        double[] v = normalise ? Vectors.scale(1 / length, given) : given.clone();
        double value = Expressions.finite(f, x, Expressions.evaluate(() -> f.value(x)));
        CompiledFormula compiled = f.compile();
        double[] t = new double[samples];
        Double[] values = new Double[samples];
        double[] p = new double[x.length];
        for (int k = 0; k < samples; k++) {
            t[k] = -halfWidth + 2 * halfWidth * k / (samples - 1);
            for (int i = 0; i < x.length; i++) {
                p[i] = x[i] + t[k] * v[i];
            }
            try {
                values[k] = Numbers.finiteOrNull(compiled.value(p));
            } catch (ArithmeticException undefined) {
                values[k] = null;
            }
        }
        Slope right = Slope.of(Expressions.evaluate(() -> f.oneSidedDirectionalDerivative(x, v)), false);
        Slope left = Slope.of(Expressions.evaluate(() -> f.oneSidedDirectionalDerivative(x, Vectors.scale(-1, v))), true);
        // equal up to the rounding of the two computations: one straight tangent line
        boolean kink = !right.kind().equals(left.kind()) || (right.value() != null && left.value() != null
                && Math.abs(right.value() - left.value()) > 1e-9 * Math.max(1, Math.abs(right.value())));
        return new Slice(v, t, values, value, right, left, kink);
    }
}
