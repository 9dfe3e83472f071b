/**
 * Verification: the gradient check (the documents' grad_check made rigorous), the Jacobian check, the
 * directional derivative from its limit definition (one- and two-sided), and the differentiability test with
 * its verdicts. The thresholds are stated on each class and in docs/verification.md.
 */
package dev.nabla.core.check;
