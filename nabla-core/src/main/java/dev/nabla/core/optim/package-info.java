/**
 * Descent methods built on the gradient: backtracking Armijo and strong-Wolfe line searches, gradient
 * descent, L-BFGS, Riemannian gradient descent on a {@link dev.nabla.core.geometry.Manifold}, and
 * gradient-sampling descent for non-smooth objectives. Every run returns an immutable
 * {@link dev.nabla.core.optim.OptimizationResult} holding its whole path and the reason it stopped.
 */
package dev.nabla.core.optim;
