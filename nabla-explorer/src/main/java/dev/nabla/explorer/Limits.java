package dev.nabla.explorer;

/**
 * What one request, and all requests together, may cost the server. Every request is checked against these
 * before the work they bound is done (docs/api.md, "Limits").
 *
 * @param maxBodyBytes       largest request body accepted (413 beyond)
 * @param maxExpressionChars longest expression accepted
 * @param maxDepth           deepest nesting of an expression
 * @param maxNodes           most nodes of an expression's DAG
 * @param maxGridResolution  most grid points per axis of {@code /api/grid}
 * @param maxArrows          most arrows per axis of {@code /api/grid}
 * @param maxIterations      most iterations of {@code /api/descend}
 * @param maxFormulaTerms    most terms (nodes of the printed tree) of all formulas one answer prints: f, ∇f, the
 *                           Hessian and ∇f·v together (422 {@code too-large} beyond)
 * @param maxResponseBytes   largest answer sent (422 {@code too-large} beyond)
 * @param maxConcurrent      evaluations running at once
 * @param maxQueued          evaluations waiting for a turn; further requests get 503 with Retry-After at once
 * @param maxWaitMillis      longest wait for a turn before a 503
 * @param idleTimeoutMillis  a connection that sends or reads nothing for this long is closed
 */
public record Limits(int maxBodyBytes, int maxExpressionChars, int maxDepth, int maxNodes,
                     int maxGridResolution, int maxArrows, int maxIterations, int maxFormulaTerms,
                     int maxResponseBytes, int maxConcurrent, int maxQueued, int maxWaitMillis,
                     int idleTimeoutMillis) {

    /**
     * 64 KiB bodies, 2000-character expressions of depth ≤ 64, 241² grids, 10 000 iterations, 20 000 printed
     * terms, 4 MiB answers, one evaluation per core (at least 2) with 256 waiting at most 10 s, 10 s idle connections.
     */
    public static final Limits DEFAULT = new Limits(64 * 1024, 2000, 64, 5000, 241, 41, 10_000, 20_000,
            4 * 1024 * 1024, Math.max(2, Runtime.getRuntime().availableProcessors()), 256, 10_000, 10_000);

    public Limits {
        if (maxBodyBytes < 256 || maxExpressionChars < 1 || maxDepth < 1 || maxNodes < 1
                || maxGridResolution < 2 || maxArrows < 2 || maxIterations < 1 || maxFormulaTerms < 1
                || maxResponseBytes < 1024 || maxConcurrent < 1 || maxQueued < 0 || maxWaitMillis < 0
                || idleTimeoutMillis < 100) {
            throw new IllegalArgumentException("limits must be positive (body ≥ 256 bytes, grids ≥ 2, answers ≥ 1 KiB)");
        }
    }

    /** These limits with another number of evaluations at once and waiting. */
    public Limits withConcurrency(int concurrent, int queued) {
        return new Limits(maxBodyBytes, maxExpressionChars, maxDepth, maxNodes, maxGridResolution, maxArrows,
                maxIterations, maxFormulaTerms, maxResponseBytes, concurrent, queued, maxWaitMillis, idleTimeoutMillis);
    }

    /** These limits with another cap on the printed formulas of one answer. */
    public Limits withFormulaTerms(int terms) {
        return new Limits(maxBodyBytes, maxExpressionChars, maxDepth, maxNodes, maxGridResolution, maxArrows,
                maxIterations, terms, maxResponseBytes, maxConcurrent, maxQueued, maxWaitMillis, idleTimeoutMillis);
    }
}
