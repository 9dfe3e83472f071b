package dev.nabla.core.ad;

/** u: R^n → R^m written once in Java against {@link Real}. */
@FunctionalInterface
public interface RealVectorFunction {
    Real[] apply(Real[] x);
}
