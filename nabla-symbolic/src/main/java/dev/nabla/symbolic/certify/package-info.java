/**
 * Certified values and derivatives of formulas: enclosures of f, ∇f, D_v f and the Hessian at a point from one
 * extra pass over the formula and its symbolic derivatives, on any {@link dev.nabla.core.prim.Elementary} kind of
 * number (intervals of doubles here, arbitrary-precision intervals in {@code nabla-precise}).
 */
package dev.nabla.symbolic.certify;
