/**
 * Formulas as scalar fields: {@link dev.nabla.symbolic.Formula} parses text such as {@code x^2*sin(y) + y^3}
 * and gives its value, gradient, directional derivatives (∇f·v and d/dt f(x + t v)), Hessian and Jacobians,
 * symbolically and numerically, with kinks and domain errors reported. The language is documented in
 * {@code docs/expressions.md}.
 */
package dev.nabla.symbolic;
