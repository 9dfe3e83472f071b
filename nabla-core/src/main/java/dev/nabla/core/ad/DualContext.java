package dev.nabla.core.ad;

/**
 * A forward pass with one tangent: the point x and direction v it started with, and the input handles
 * (created once per dimension, reused by every pass of this context). Confined to its thread.
 */
final class DualContext extends Context {
    double[] point = new double[0];
    double[] direction = new double[0];
    private DualInput[] inputs = new DualInput[0];
    /** The array of input handles handed to the function, refilled at the start of every pass. */
    private Real[] handout = new Real[0];
    private Real[] verifiedInputs;

    /**
     * Starts a new pass at x along v (fresh tag, no kinks) and returns the array of input handles for the
     * function; the handles and the array are reused from pass to pass (refilled here). x and v must not change
     * during the pass.
     */
    Real[] begin(double[] x, double[] v) {
        AD.requireLength("v", v, x.length);
        restart();
        int n = x.length;
        if (inputs.length != n) {
            inputs = new DualInput[n];
            for (int i = 0; i < n; i++) {
                inputs[i] = new DualInput(this, i);
            }
            handout = new Real[n];
        }
        // the array f receives is reused too; f may have overwritten entries in the previous pass (repairing
        // only those is much cheaper than copying references, which pays a GC barrier per store)
        DualInput[] in = inputs;
        Real[] out = handout;
        for (int i = 0; i < n; i++) {
            if (out[i] != in[i]) {
                out[i] = in[i];
            }
        }
        point = x;
        direction = v;
        verifiedInputs = null;
        return handout;
    }

    /** Ends the pass: lets go of the caller's point and direction. */
    void end() {
        point = new double[0];
        direction = point;
        verifiedInputs = null;
    }

    /** True if x is exactly the input handles of this pass, in order (checked element by element). */
    boolean isInputs(Real[] x) {
        verifiedInputs = null;
        if (x.length != point.length || x.length != inputs.length) {
            return false;
        }
        DualInput[] in = inputs;
        for (int i = 0; i < x.length; i++) {
            if (x[i] != in[i]) {
                return false;
            }
        }
        verifiedInputs = x;
        return true;
    }

    /** True (once) if {@link #isInputs} has just verified x: the primitive may read x and v flat. */
    boolean takeVerifiedInputs(Real[] x) {
        boolean verified = x != null && x == verifiedInputs && x.length == point.length;
        verifiedInputs = null;
        return verified;
    }
}
