/**
 * The lexer (ASCII and typed forms: π, x², ·, ×, −, √, °) and the iterative operator-precedence parser, with
 * explicit limits on length, nesting depth and tokens; no input can overflow the Java stack.
 */
package dev.nabla.symbolic.parse;
