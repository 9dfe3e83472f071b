package dev.nabla.core.onesided;

import dev.nabla.core.field.Vectors;
import dev.nabla.core.numeric.Numbers;
import java.util.List;

/**
 * The directional derivative D_v f(x) = lim_{t→0⁺} (f(x + t v) − f(x)) / t at a point, as a value that carries
 * its meaning.
 *
 * @param point      x
 * @param direction  v as given, or v̂ = v/‖v‖ when {@code normalised}
 * @param normalised whether the direction is the unit vector v̂ (D_v̂ f = D_v f / ‖v‖)
 * @param kind       a finite number, +∞, −∞, does not exist, or not decided
 * @param value      the number; ±∞ for the infinite kinds; NaN when there is none
 * @param reason     why the limit is infinite, does not exist or was not decided (null for a finite limit)
 * @param method     how it was computed
 * @param oneSided   true when the computation took one-sided decisions at a kink (abs at 0, max at a tie, a
 *                   condition on its boundary, a root at 0): then D_{−v} f need not be −D_v f
 * @param kinks      the one-sided decisions taken, e.g. "abs at 0"
 * @param expansion  the expansion of f(x + t v) for small t &gt; 0 it was read from, e.g. {@code 5*t + O(t^3)}
 *                   (null when not computed that way or when there is none)
 */
public record DirectionalDerivative(double[] point, double[] direction, boolean normalised, Kind kind,
                                    double value, String reason, Method method, boolean oneSided,
                                    List<String> kinks, String expansion) {

    /** What the limit is. */
    public enum Kind {
        /** A real number. */
        FINITE,
        /** The quotient grows without bound: +∞. */
        POSITIVE_INFINITY,
        /** The quotient decreases without bound: −∞. */
        NEGATIVE_INFINITY,
        /** The limit does not exist (f undefined for small t &gt; 0, oscillation); see the reason. */
        DOES_NOT_EXIST,
        /** The computation could not decide (see the reason); not a statement about f. */
        NOT_DECIDED
    }

    /** How the number was obtained. */
    public enum Method {
        /** Exactly, from the one-sided expansion of f(x + t v) in t (at kinks too). */
        EXPANSION("exact one-sided expansion of f(x + t v)"),
        /** ∇f(x)·v from the symbolic gradient (valid where f is differentiable). */
        SYMBOLIC("∇f·v from the symbolic gradient"),
        /** ∇f(x)·v by automatic differentiation (forward mode). */
        AD("∇f·v by automatic differentiation"),
        /** The limit of the difference quotient estimated over a step ladder with Richardson extrapolation. */
        NUMERIC("difference quotients extrapolated to t = 0");

        private final String description;

        Method(String description) {
            this.description = description;
        }

        /** @return how the number was obtained, in words */
        public String description() {
            return description;
        }
    }

    /**
     * Copies the arrays and the list (the record is immutable).
     *
     * @param point      x
     * @param direction  v, or v̂
     * @param normalised whether the direction is v̂
     * @param kind       what the limit is
     * @param value      the number (±∞, NaN as for the kind)
     * @param reason     why it is not finite, or null
     * @param method     how it was computed
     * @param oneSided   whether one-sided decisions were taken
     * @param kinks      the decisions taken
     * @param expansion  the expansion of f(x + t v), or null
     */
    public DirectionalDerivative {
        point = point.clone();
        direction = direction.clone();
        kinks = List.copyOf(kinks);
    }

    /**
     * A D_v f computed by a way that takes no one-sided decision (a gradient dotted with v, an estimate).
     *
     * @param point     x
     * @param direction v
     * @param value     D_v f(x): finite, ±∞, or NaN (then not decided)
     * @param method    how it was computed
     * @return the directional derivative, its kind read from the value
     */
    public static DirectionalDerivative of(double[] point, double[] direction, double value, Method method) {
        return new DirectionalDerivative(point, direction, false, kindOf(value), value,
                Double.isFinite(value) ? null : "the value is " + value, method, false, List.of(), null);
    }

    static Kind kindOf(double value) {
        return value == Double.POSITIVE_INFINITY ? Kind.POSITIVE_INFINITY
                : value == Double.NEGATIVE_INFINITY ? Kind.NEGATIVE_INFINITY
                : Double.isNaN(value) ? Kind.NOT_DECIDED : Kind.FINITE;
    }

    /** @return x (a copy) */
    @Override
    public double[] point() {
        return point.clone();
    }

    /** @return v, or v/‖v‖ when {@link #normalised} (a copy) */
    @Override
    public double[] direction() {
        return direction.clone();
    }

    /** @return true for a finite number */
    public boolean isFinite() {
        return kind == Kind.FINITE;
    }

    /** The start of the reason when f jumps along v (f(x + t v) tends to a value other than f(x)). */
    public static final String JUMP = "f jumps along v";

    /** @return true when f is discontinuous along v: f(x + t v) does not tend to f(x) (the quotient is then ±∞) */
    public boolean isJump() {
        return reason != null && reason.startsWith(JUMP);
    }

    /** @return true for a finite number or ±∞ (the limit exists in the extended reals) */
    public boolean exists() {
        return kind != Kind.DOES_NOT_EXIST && kind != Kind.NOT_DECIDED;
    }

    /**
     * D_v̂ f = D_v f / ‖v‖ along the unit vector v̂ = v/‖v‖ (positive homogeneity of the one-sided limit);
     * this when already normalised.
     *
     * @return D_v̂ f
     */
    public DirectionalDerivative unit() {
        if (normalised) {
            return this;
        }
        double norm = Vectors.norm(direction);
        if (norm == 0) {
            throw new IllegalArgumentException("the zero direction has no unit vector");
        }
        return new DirectionalDerivative(point, Vectors.scale(1 / norm, direction), true, kind,
                isFinite() ? value / norm : value, reason, method, oneSided, kinks, expansion);
    }

    /** The number, "+∞", "−∞", or "does not exist (reason)". */
    @Override
    public String toString() {
        return switch (kind) {
            case FINITE -> Numbers.format(value);
            case POSITIVE_INFINITY -> "+∞";
            case NEGATIVE_INFINITY -> "−∞";
            case DOES_NOT_EXIST -> "does not exist (" + reason + ")";
            case NOT_DECIDED -> "not decided (" + reason + ")";
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DirectionalDerivative d && java.util.Arrays.equals(point, d.point)
                && java.util.Arrays.equals(direction, d.direction) && normalised == d.normalised && kind == d.kind
                && Double.compare(value, d.value) == 0 && java.util.Objects.equals(reason, d.reason)
                && method == d.method && oneSided == d.oneSided && kinks.equals(d.kinks)
                && java.util.Objects.equals(expansion, d.expansion);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(point) * 31 + java.util.Arrays.hashCode(direction) + kind.hashCode()
                + Double.hashCode(value);
    }
}
