package dev.nabla.spark;

/**
 * What the passes over the data cost so far, timed on the driver around each Spark job.
 *
 * @param passes the passes (value and gradient, or with H v)
 * @param rows   the rows evaluated, summed over the passes
 * @param nanos  the wall time of the passes
 */
public record PassStatistics(long passes, long rows, long nanos) {

    /**
     * Rows per second over all passes (NaN before the first).
     *
     * @return rows / seconds
     */
    public double rowsPerSecond() {
        return nanos == 0 ? Double.NaN : rows / (nanos * 1e-9);
    }

    /**
     * The mean wall time of a pass, in seconds.
     *
     * @return seconds / passes
     */
    public double secondsPerPass() {
        return passes == 0 ? Double.NaN : nanos * 1e-9 / passes;
    }
}
