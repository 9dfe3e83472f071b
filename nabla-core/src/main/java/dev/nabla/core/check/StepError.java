package dev.nabla.core.check;

/**
 * One rung of the step ladder: the central quotient at step h and its distance from the claimed derivative.
 * Over the ladder these errors trace the V-curve: truncation error O(h²) on the right, rounding error
 * O(ε|f|/h) on the left.
 *
 * @param step     h (the displacement along the unit direction)
 * @param quotient (f(x + h v) − f(x − h v)) / 2h, NaN if a point left the domain
 * @param error    |quotient − claimed|
 */
public record StepError(double step, double quotient, double error) {
}
