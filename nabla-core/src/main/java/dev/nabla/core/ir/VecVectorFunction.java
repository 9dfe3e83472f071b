package dev.nabla.core.ir;

import dev.nabla.core.ad.Real;

/** u: R^n → R^m written on a vector ({@link Vec}), traceable into a program of m outputs. */
@FunctionalInterface
public interface VecVectorFunction {
    Real[] apply(Vec x);
}
