package dev.nabla.core.ad;

/**
 * A forward pass with one tangent: the point x and direction v it started with, and the input handles
 * (created once per dimension, reused by every pass of this context). Confined to its thread.
 */
final class DualContext extends Context {
    double[] point = new double[0];
    double[] direction = new double[0];
    /** The input handles, created once per dimension and reused by every pass. */
    final InputHandles inputs = new InputHandles(i -> new DualInput(this, i));

    /**
     * Starts a new pass at x along v (fresh tag, no kinks) and returns the array of input handles for the
     * function; the handles and the array are reused from pass to pass (refilled here). x and v must not change
     * during the pass.
     */
    Real[] begin(double[] x, double[] v) {
        AD.requireLength("v", v, x.length);
        restart();
        point = x;
        direction = v;
        return inputs.handOut(x.length);
    }

    @Override
    double[] point() {
        return point.length == 0 ? null : point;
    }

    /** Ends the pass: lets go of the caller's point and direction. */
    void end() {
        point = new double[0];
        direction = point;
        inputs.reset();
    }
}
