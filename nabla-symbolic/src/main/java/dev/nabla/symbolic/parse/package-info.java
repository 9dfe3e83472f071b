/** The lexer and recursive-descent parser, with explicit limits on length, nesting depth and tokens. */
package dev.nabla.symbolic.parse;
