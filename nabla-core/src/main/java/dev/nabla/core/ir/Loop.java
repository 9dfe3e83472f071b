package dev.nabla.core.ir;

/**
 * A counted loop whose body is one {@link Block}, recorded once whatever its trip count: the counter runs over
 * [from, to) ascending (or from to − 1 down to from when {@code descending}); the carries start as
 * {@code init}, are seen by the body as {@code params}, become {@code results} at the end of each iteration,
 * and are {@code outs} after the loop (= init when the loop is empty).
 */
public record Loop(int counter, int from, int to, boolean descending, int[] init, int[] params, Block body,
                   int[] results, int[] outs) {

    /** The number of iterations. */
    public int trips() {
        return Math.max(0, to - from);
    }
}
