package dev.nabla.explorer;

/**
 * What one request may cost the server. Every request is checked against these before any work is done.
 *
 * @param maxBodyBytes       largest request body accepted (413 beyond)
 * @param maxExpressionChars longest expression accepted
 * @param maxDepth           deepest nesting of an expression
 * @param maxNodes           most nodes of an expression's DAG
 * @param maxGridResolution  most grid points per axis of {@code /api/grid}
 * @param maxArrows          most arrows per axis of {@code /api/grid}
 * @param maxIterations      most iterations of {@code /api/descend}
 * @param maxConcurrent      evaluations running at once; further requests wait briefly, then get 503
 */
public record Limits(int maxBodyBytes, int maxExpressionChars, int maxDepth, int maxNodes,
                     int maxGridResolution, int maxArrows, int maxIterations, int maxConcurrent) {

    /** 64 KiB bodies, 2000-character expressions of depth ≤ 64, 241² grids, 10 000 iterations. */
    public static final Limits DEFAULT = new Limits(64 * 1024, 2000, 64, 5000, 241, 41, 10_000,
            Math.max(2, Runtime.getRuntime().availableProcessors() * 2));

    public Limits {
        if (maxBodyBytes < 256 || maxExpressionChars < 1 || maxDepth < 1 || maxNodes < 1
                || maxGridResolution < 2 || maxArrows < 2 || maxIterations < 1 || maxConcurrent < 1) {
            throw new IllegalArgumentException("limits must be positive (body ≥ 256 bytes, grids ≥ 2)");
        }
    }
}
