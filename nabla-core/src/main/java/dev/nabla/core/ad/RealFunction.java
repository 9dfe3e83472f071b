package dev.nabla.core.ad;

/** f: R^n → R written once in Java against {@link Real}, differentiable in every mode by {@link AD}. */
@FunctionalInterface
public interface RealFunction {
    Real apply(Real[] x);
}
