package dev.nabla.symbolic.nonsmooth;

import dev.nabla.core.numeric.Numbers;

/**
 * A one-sided directional derivative computed symbolically from the definition: the formula restricted to the
 * ray t ↦ f(x + t v), t &gt; 0, every kink resolved for small t (see {@link RayDerivative}), differentiated at
 * t = 0.
 *
 * @param value   lim_{t↓0} (f(x + t v) − f(x)) / t, NaN when it does not exist or could not be decided
 * @param piece   the smooth expression in t that equals f(x + t v) to first order for small t &gt; 0 (null on failure)
 * @param failure why there is no value (null when there is one)
 */
public record RayLimit(double value, String piece, String failure) {

    static RayLimit of(double value, String piece) {
        return new RayLimit(value, piece, null);
    }

    static RayLimit failed(String why) {
        return new RayLimit(Double.NaN, null, why);
    }

    /** True when the limit exists and was computed. */
    public boolean exists() {
        return failure == null;
    }

    /** This limit times c (the left limit along v is −(the right limit along −v)). */
    RayLimit scaled(double c) {
        return exists() ? new RayLimit(c * value, piece, null) : this;
    }

    @Override
    public String toString() {
        return exists() ? Numbers.format(value) : "none (" + failure + ")";
    }
}
