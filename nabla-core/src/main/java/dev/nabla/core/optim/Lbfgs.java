package dev.nabla.core.optim;

import dev.nabla.core.field.DifferentiableScalarField;
import dev.nabla.core.field.Gradient;
import dev.nabla.core.field.Vectors;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Limited-memory BFGS (Nocedal &amp; Wright Algorithm 7.4, two-loop recursion 7.5): the direction
 * d = −H_k ∇f(x_k), with H_k the BFGS inverse-Hessian approximation built from the last m pairs
 * s_i = x_{i+1} − x_i, y_i = ∇f(x_{i+1}) − ∇f(x_i) on top of H⁰ = γI, γ = sᵀy/yᵀy of the newest pair; the step
 * from a strong-Wolfe line search with α0 = 1. With no pairs yet (the first step, or after a reset),
 * d = −∇f/‖∇f‖ so the first trial moves a unit distance. A pair is stored only when sᵀy &gt; 1e-10 ‖s‖‖y‖
 * (curvature), so H stays positive definite; when a line search fails with pairs in memory, the memory is
 * cleared and the step retried along the normalised gradient.
 *
 * @param memory      m, the number of pairs kept (default 10)
 * @param lineSearch  the strong-Wolfe search
 * @param termination tolerance and iteration limit
 */
public record Lbfgs(int memory, StrongWolfe lineSearch, Termination termination) {

    /** m = 10, strong Wolfe with its defaults, ‖∇f‖ ≤ 1e-8 within 10 000 iterations. */
    public Lbfgs() {
        this(10, StrongWolfe.DEFAULT, Termination.DEFAULT);
    }

    /**
     * The canonical constructor (it checks and copies the components as the record requires).
     *
     * @param memory      m, the number of pairs kept (default 10)
     * @param lineSearch  the strong-Wolfe search
     * @param termination tolerance and iteration limit
     */
    public Lbfgs {
        if (memory < 1) {
            throw new IllegalArgumentException("L-BFGS memory must be ≥ 1, got " + memory);
        }
    }

    /**
     * Minimises f from x0.
     *
     * @param f the objective
     * @param x0 the starting point
     * @return the last point, why the run stopped, and every iterate
     */
    public OptimizationResult minimize(DifferentiableScalarField f, double[] x0) {
        return minimize(f, x0, it -> { });
    }

    /**
     * Minimises f from x0, telling the listener about every accepted iterate.
     *
     * @param f the objective
     * @param x0 the starting point
     * @param listener called with every accepted iterate (the starting point first)
     * @return the last point, why the run stopped, and every iterate
     */
    public OptimizationResult minimize(DifferentiableScalarField f, double[] x0, Consumer<Iterate> listener) {
        PathRecorder.requireDimension(f, x0);
        CountingField field = new CountingField(f);
        PathRecorder recorder = new PathRecorder("L-BFGS (m = " + memory + ")", field, listener);
        Deque<double[][]> pairs = new ArrayDeque<>();
        double[] x = x0.clone();
        Gradient g = field.valueAndGradient(x);
        double[] grad = g.gradient();
        double value = g.value();
        double norm = Vectors.norm(grad);
        recorder.record(x, value, norm, 0, Double.NaN);
        for (int k = 0; ; ) {
            if (!PathRecorder.finite(value, norm)) {
                return recorder.finish(StopReason.NON_FINITE_VALUE);
            }
            if (norm <= termination.gradientTolerance()) {
                return recorder.finish(StopReason.GRADIENT_TOLERANCE);
            }
            if (k == termination.maxIterations()) {
                return recorder.finish(StopReason.ITERATION_LIMIT);
            }
            double[] d = direction(pairs, grad, norm);
            double slope = Vectors.dot(grad, d);
            if (!(slope < 0)) {
                pairs.clear();
                d = direction(pairs, grad, norm);
                slope = Vectors.dot(grad, d);
            }
            Optional<Trial> step = lineSearch.search(SearchPath.line(field, x, d), value, slope);
            if (step.isEmpty()) {
                if (pairs.isEmpty()) {
                    return recorder.finish(StopReason.LINE_SEARCH_FAILURE);
                }
                pairs.clear();
                continue;
            }
            Trial t = step.get();
            double[] s = Vectors.subtract(t.point(), x);
            double[] y = Vectors.subtract(t.gradient(), grad);
            double sy = Vectors.dot(s, y);
            if (sy > 1e-10 * Vectors.norm(s) * Vectors.norm(y)) {
                if (pairs.size() == memory) {
                    pairs.removeFirst();
                }
                pairs.addLast(new double[][] {s, y, {1 / sy}});
            }
            x = t.point();
            grad = t.gradient();
            value = t.value();
            norm = Vectors.norm(grad);
            k++;
            recorder.record(x, value, norm, t.alpha(), slope);
        }
    }

    /** The two-loop recursion: −H∇f; −∇f/‖∇f‖ with no pairs. */
    private static double[] direction(Deque<double[][]> pairs, double[] grad, double norm) {
        if (pairs.isEmpty()) {
            return Vectors.scale(-1 / norm, grad);
        }
        double[] q = grad.clone();
        double[] alphas = new double[pairs.size()];
        int i = pairs.size();
        for (Iterator<double[][]> it = pairs.descendingIterator(); it.hasNext(); ) {
            double[][] p = it.next();
            double a = p[2][0] * Vectors.dot(p[0], q);
            alphas[--i] = a;
            q = Vectors.axpy(-a, p[1], q);
        }
        double[][] newest = pairs.getLast();
        double gamma = 1 / (newest[2][0] * Vectors.dot(newest[1], newest[1]));
        double[] r = Vectors.scale(gamma, q);
        i = 0;
        for (double[][] p : pairs) {
            double b = p[2][0] * Vectors.dot(p[1], r);
            r = Vectors.axpy(alphas[i++] - b, p[0], r);
        }
        return Vectors.scale(-1, r);
    }
}
