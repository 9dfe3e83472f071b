package dev.nabla.core.optim;

import dev.nabla.core.field.DifferentiableScalarField;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Collects the iterates of one run and builds its result; shared by the descent methods. */
final class PathRecorder {
    private final String method;
    private final CountingField field;
    private final Consumer<Iterate> listener;
    private final List<Iterate> path = new ArrayList<>();

    PathRecorder(String method, CountingField field, Consumer<Iterate> listener) {
        this.method = method;
        this.field = field;
        this.listener = listener;
    }

    void record(double[] x, double value, double gradientNorm, double stepSize, double slope) {
        Iterate it = new Iterate(path.size(), x, value, gradientNorm, stepSize, slope,
                field.valueEvaluations(), field.gradientEvaluations());
        path.add(it);
        listener.accept(it);
    }

    OptimizationResult finish(StopReason reason) {
        return new OptimizationResult(method, path, reason, field.valueEvaluations(), field.gradientEvaluations());
    }

    static boolean finite(double value, double gradientNorm) {
        return Double.isFinite(value) && Double.isFinite(gradientNorm);
    }

    static void requireDimension(DifferentiableScalarField f, double[] x0) {
        if (f.dimension() != -1 && f.dimension() != x0.length) {
            throw new IllegalArgumentException("the starting point has " + x0.length + " coordinates but the field has "
                    + f.dimension() + " variables " + f.variables());
        }
    }
}
