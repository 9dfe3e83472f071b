/** Function identities beyond the canonical form, and substitution. */
package dev.nabla.symbolic.simplify;
