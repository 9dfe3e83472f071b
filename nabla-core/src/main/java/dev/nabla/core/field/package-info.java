/**
 * The vocabulary every part of Nabla shares: scalar fields f: R^n → R and vector fields u: R^n → R^m, their
 * gradients, directional derivatives, Jacobians and Hessians, and the errors that name where evaluation failed.
 */
package dev.nabla.core.field;
