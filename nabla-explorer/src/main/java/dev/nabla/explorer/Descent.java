package dev.nabla.explorer;

import dev.nabla.core.field.DifferentiableScalarField;
import dev.nabla.core.field.DomainException;
import dev.nabla.core.optim.Iterate;
import dev.nabla.core.optim.OptimizationResult;
import dev.nabla.core.optim.Optimizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * A descent run of {@code /api/descend}: a method of the library's one menu ({@link Optimizer}, the one
 * {@code nabla descend} offers) from a starting point, with its whole path.
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

    /** Runs the method from x0 with parameters from the request (the menu's defaults where absent). */
    static Descent run(DifferentiableScalarField f, double[] x0, Optimizer method, Body params, int maxIterations) {
        Optimizer.Settings settings = new Optimizer.Settings(
                positive(params, "tolerance", method.tolerance(Optimizer.Settings.DEFAULTS)),
                params.integer("maxIterations", Math.min(1000, maxIterations), 1, maxIterations),
                params.has("c1") ? params.number("c1", 0) : null, params.has("rho") ? params.number("rho", 0) : null,
                params.has("initialStep") ? positive(params, "initialStep", 1) : null,
                params.has("c2") ? params.number("c2", 0) : null,
                params.has("memory") ? params.integer("memory", 10, 1, 100) : null,
                params.has("radius") ? positive(params, "radius", 0.1) : null, null);
        List<Iterate> seen = new ArrayList<>();
        Consumer<Iterate> record = seen::add;
        OptimizationResult result;
        try {
            result = method.minimize(f, x0, settings, record);
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
