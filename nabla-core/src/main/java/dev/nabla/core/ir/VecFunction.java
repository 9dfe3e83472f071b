package dev.nabla.core.ir;

import dev.nabla.core.ad.Real;

/** f: R^n → R written on a vector ({@link Vec}), traceable into a program and runnable eagerly. */
@FunctionalInterface
public interface VecFunction {
    Real apply(Vec x);
}
