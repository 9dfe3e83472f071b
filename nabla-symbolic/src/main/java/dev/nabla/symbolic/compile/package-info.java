/** Compilation of formulas and their gradients to flat, allocation-free straight-line programs. */
package dev.nabla.symbolic.compile;
