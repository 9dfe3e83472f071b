/**
 * Compilation of expressions to flat, allocation-free straight-line programs; used by
 * {@link dev.nabla.symbolic.CompiledFormula}.
 */
package dev.nabla.symbolic.compile;
