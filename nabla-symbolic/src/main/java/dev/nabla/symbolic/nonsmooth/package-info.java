/**
 * Non-smooth analysis of formulas, exact where the calculus is: the Clarke subdifferential at the kinks of
 * abs, min, max, piecewise {@code if} and Euclidean norms (sqrt of a sum of squares, hypot), composed by the
 * chain rule with the smooth rest of the formula; and the one-sided directional derivative computed
 * symbolically from its definition, d/dt f(x + t v) at t = 0+. Where no exact rule applies it says so and falls
 * back to an enclosure or to gradient sampling.
 */
package dev.nabla.symbolic.nonsmooth;
