/** Symbolic reverse-mode differentiation on the expression DAG. */
package dev.nabla.symbolic.diff;
