/** The immutable, hash-consed, canonical expression DAG and its exact interpreter. */
package dev.nabla.symbolic.expr;
