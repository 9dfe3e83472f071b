package dev.nabla.explorer;

import dev.nabla.core.field.DifferentiableScalarField;
import dev.nabla.core.field.DomainException;
import dev.nabla.core.optim.ArmijoBacktracking;
import dev.nabla.core.optim.GradientDescent;
import dev.nabla.core.optim.Iterate;
import dev.nabla.core.optim.Lbfgs;
import dev.nabla.core.optim.OptimizationResult;
import dev.nabla.core.optim.StrongWolfe;
import dev.nabla.core.optim.Termination;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * A descent run of {@code /api/descend}: the library's gradient descent (Armijo or strong-Wolfe line search) or
 * L-BFGS from a starting point, with its whole path.
 *
 * @param method              the method as the library names it
 * @param path                x_0, x_1, …
 * @param values              f(x_k)
 * @param gradientNorms       ‖∇f(x_k)‖
 * @param stepSizes           α_{k−1} (0 for k = 0)
 * @param stopReason          why it stopped, e.g. {@code gradient-tolerance}, {@code iteration-limit}
 * @param message             a sentence for people, naming the sub-expression when f became undefined
 * @param iterations          accepted steps
 * @param functionEvaluations f evaluations
 * @param gradientEvaluations ∇f evaluations
 */
record Descent(String method, List<double[]> path, List<Double> values, List<Double> gradientNorms,
               List<Double> stepSizes, String stopReason, String message, int iterations,
               long functionEvaluations, long gradientEvaluations) {

    /** The methods of the page's menu. */
    enum Method { ARMIJO, WOLFE, LBFGS }

    /** Runs the method from x0 with parameters from the request (library defaults where absent). */
    static Descent run(DifferentiableScalarField f, double[] x0, Method method, Body params, int maxIterations) {
        Termination termination = new Termination(positive(params, "tolerance", Termination.DEFAULT.gradientTolerance()),
                params.integer("maxIterations", Math.min(1000, maxIterations), 1, maxIterations));
        double c1 = params.number("c1", ArmijoBacktracking.DEFAULT.c1());
        double step = positive(params, "initialStep", ArmijoBacktracking.DEFAULT.initialStep());
        List<Iterate> seen = new ArrayList<>();
        Consumer<Iterate> record = seen::add;
        OptimizationResult result;
        try {
            result = switch (method) {
                case ARMIJO -> new GradientDescent(new ArmijoBacktracking(c1,
                        params.number("rho", ArmijoBacktracking.DEFAULT.rho()), step,
                        ArmijoBacktracking.DEFAULT.maxBacktracks()), termination).minimize(f, x0, record);
                case WOLFE -> new GradientDescent(wolfe(params, c1, step), termination).minimize(f, x0, record);
                case LBFGS -> new Lbfgs(params.integer("memory", 10, 1, 100), wolfe(params, c1, step), termination)
                        .minimize(f, x0, record);
            };
        } catch (IllegalArgumentException invalid) {
            throw ApiException.badRequest(invalid.getMessage());
        } catch (DomainException undefined) {
            if (seen.isEmpty()) {
                throw undefined;
            }
            Iterate last = seen.get(seen.size() - 1);
            return of(method.name(), seen, "domain-error", "f became undefined: " + undefined.getMessage(),
                    last.valueEvaluations(), last.gradientEvaluations());
        }
        return of(result.method(), result.path(), result.stopReason().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                result.stopReason().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                result.valueEvaluations(), result.gradientEvaluations());
    }

    private static StrongWolfe wolfe(Body params, double c1, double step) {
        StrongWolfe d = StrongWolfe.DEFAULT;
        return new StrongWolfe(c1, params.number("c2", d.c2()), step, d.maxStep(), d.maxEvaluations());
    }

    private static double positive(Body params, String field, double otherwise) {
        double value = params.number(field, otherwise);
        if (!(value > 0)) {
            throw ApiException.badRequest("'" + field + "' must be positive");
        }
        return value;
    }

    private static Descent of(String method, List<Iterate> path, String stop, String message,
                              long valueEvaluations, long gradientEvaluations) {
        return new Descent(method, path.stream().map(Iterate::point).toList(),
                path.stream().map(Iterate::value).toList(),
                path.stream().map(Iterate::gradientNorm).toList(),
                path.stream().map(Iterate::stepSize).toList(),
                stop, message, path.size() - 1, valueEvaluations, gradientEvaluations);
    }
}
