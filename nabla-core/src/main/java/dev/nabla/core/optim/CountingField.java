package dev.nabla.core.optim;

import dev.nabla.core.field.DifferentiableScalarField;
import dev.nabla.core.field.Gradient;
import java.util.List;

/**
 * A field that counts its evaluations: f alone ({@link #value}) and f with ∇f ({@link #valueAndGradient}).
 * Not thread-safe (one per run).
 */
public final class CountingField implements DifferentiableScalarField {
    private final DifferentiableScalarField field;
    private long values;
    private long gradients;

    /**
     * Counts the evaluations of field from now on.
     *
     * @param field the objective
     */
    public CountingField(DifferentiableScalarField field) {
        this.field = field;
    }

    @Override
    public double value(double[] x) {
        values++;
        return field.value(x);
    }

    @Override
    public Gradient valueAndGradient(double[] x) {
        values++;
        gradients++;
        return field.valueAndGradient(x);
    }

    @Override
    public double[] hessianVectorProduct(double[] x, double[] v) {
        return field.hessianVectorProduct(x, v);
    }

    @Override
    public int dimension() {
        return field.dimension();
    }

    @Override
    public List<String> variables() {
        return field.variables();
    }

    /**
     * f evaluations so far (each gradient evaluation also counts one, as it returns f too).
     *
     * @return the evaluations of f so far
     */
    public long valueEvaluations() {
        return values;
    }

    /**
     * ∇f evaluations so far.
     *
     * @return the evaluations of ∇f so far
     */
    public long gradientEvaluations() {
        return gradients;
    }
}
