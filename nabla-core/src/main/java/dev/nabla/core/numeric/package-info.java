/**
 * Finite differences: difference quotients along a direction (central, forward, backward), step ladders,
 * Richardson extrapolation with an error estimate, and finite-difference gradients and Jacobians. The numeric
 * third of Nabla's "three ways to differentiate", used to check the other two.
 */
package dev.nabla.core.numeric;
