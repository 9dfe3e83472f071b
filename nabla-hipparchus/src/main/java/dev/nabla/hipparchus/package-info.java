/**
 * Reverse-mode automatic differentiation for code written against Hipparchus' field API. Hipparchus
 * differentiates in forward mode only ({@code Gradient}, {@code DerivativeStructure}: n inputs cost n tangent
 * components on every operation); {@link dev.nabla.hipparchus.RealElement} is a
 * {@code CalculusFieldElement} recorded on Nabla's tape, so the gradient of f: Rⁿ → R written once against
 * {@code <T extends CalculusFieldElement<T>>} comes from one reverse pass, whatever n. Entry points:
 * {@link dev.nabla.hipparchus.HipparchusAD}.
 */
package dev.nabla.hipparchus;
