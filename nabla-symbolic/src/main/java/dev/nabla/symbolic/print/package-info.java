/** Plain-text (round-tripping) and LaTeX printers. */
package dev.nabla.symbolic.print;
