package dev.nabla.spark;

import dev.nabla.core.ad.AD;
import dev.nabla.core.ad.HessianVectorProduct;
import dev.nabla.core.ad.RealFunction;
import dev.nabla.core.ad.ReverseGradient;
import dev.nabla.core.field.Kink;
import dev.nabla.symbolic.CompiledFormula;
import dev.nabla.symbolic.Formula;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The per-record loss ℓ(θ; record) of an objective f(θ) = Σᵢ ℓ(θ; rowᵢ), with the names of its parameters θ
 * and of the data columns it reads. Written once, either as a formula ({@link #formula}) or as Java code over
 * {@link dev.nabla.core.ad.Real} ({@link #of}); serializable, so the driver ships it to the executors, where
 * {@link #evaluator()} builds the per-partition differentiator once (never per row).
 */
public sealed interface Loss extends Serializable permits Loss.FormulaLoss, Loss.JavaLoss {

    /**
     * θ's names, in order.
     *
     * @return θ's names
     */
    List<String> parameters();

    /**
     * The data columns ℓ reads, in order (the order of a record's values).
     *
     * @return the column names
     */
    List<String> columns();

    /**
     * Builds the evaluator of one partition (not thread-safe: one per task).
     *
     * @return a new evaluator
     */
    RecordEvaluator evaluator();

    /**
     * A short description for reports, e.g. the formula.
     *
     * @return the description
     */
    String describe();

    /**
     * ℓ given as a formula of the parameters and the columns, e.g.
     * {@code formula("log(1 + exp(-y*(w1*x1 + w2*x2 + b)))", List.of("w1", "w2", "b"), List.of("x1", "x2", "y"))}.
     * Differentiated symbolically (the gradient formulas, with shared sub-expressions, compiled to a flat
     * program); the executors compile it once per JVM.
     *
     * @param source     the formula ℓ
     * @param parameters θ's names, variables of the formula
     * @param columns    the columns it reads, or null for every variable of the formula that is not a parameter
     * @return the loss, parsed and compiled
     * @throws dev.nabla.symbolic.ParseException where the text is not a formula (with a caret)
     * @throws IllegalArgumentException          where a name is a parameter and a column at once, or repeated
     */
    static Loss formula(String source, List<String> parameters, List<String> columns) {
        List<String> cols = columns;
        if (cols == null) {
            cols = new ArrayList<>(Formula.parse(source).variables());
            cols.removeAll(parameters);
        }
        requireDistinct(parameters, cols);
        FormulaLoss loss = new FormulaLoss(source, List.copyOf(parameters), List.copyOf(cols));
        loss.compiled(); // parses (errors on the driver, with a caret) and compiles once here too
        return loss;
    }

    /**
     * ℓ given as Java code over {@link dev.nabla.core.ad.Real}, differentiated by reverse mode ({@link AD}).
     *
     * @param loss ℓ(θ; record) in Java
     * @param parameters θ's names
     * @param columns the columns it reads, in the order of the record it is given
     * @return the loss
     */
    static Loss of(RecordLoss loss, List<String> parameters, List<String> columns) {
        requireDistinct(parameters, columns);
        return new JavaLoss(loss, List.copyOf(parameters), List.copyOf(columns));
    }

    private static void requireDistinct(List<String> parameters, List<String> columns) {
        if (parameters.isEmpty()) {
            throw new IllegalArgumentException("the loss has no parameters: nothing to differentiate");
        }
        List<String> all = new ArrayList<>(parameters);
        all.addAll(columns);
        if (new HashSet<>(all).size() != all.size()) {
            throw new IllegalArgumentException("a name is repeated or is both a parameter and a column: parameters "
                    + parameters + ", columns " + columns);
        }
    }

    /**
     * ℓ as a formula over the variables parameters ++ columns.
     *
     * @param source     the formula's text
     * @param parameters θ's names
     * @param columns    the columns it reads
     */
    record FormulaLoss(String source, List<String> parameters, List<String> columns) implements Loss {
        private static final long serialVersionUID = 1L;

        /** One compilation per JVM (the driver's or an executor's) and formula. */
        private static final Map<FormulaLoss, Compiled> COMPILED = new ConcurrentHashMap<>();

        /** The formula over parameters ++ columns, its compiled gradient and the compiled rows ∇(∂ℓ/∂θ_i) of the Hessian. */
        record Compiled(Formula formula, CompiledFormula gradient, List<CompiledFormula> hessianRows) {
        }

        Compiled compiled() {
            return COMPILED.computeIfAbsent(this, k -> {
                List<String> variables = new ArrayList<>(parameters);
                variables.addAll(columns);
                Formula f = Formula.parse(source, variables);
                List<CompiledFormula> rows = new ArrayList<>();
                for (String p : parameters) {
                    rows.add(f.partial(p).compile());
                }
                return new Compiled(f, f.compile(), List.copyOf(rows));
            });
        }

        @Override
        public RecordEvaluator evaluator() {
            return new FormulaEvaluator(compiled(), parameters.size(), columns.size());
        }

        @Override
        public String describe() {
            return source;
        }
    }

    /**
     * ℓ as Java code.
     *
     * @param loss       the code
     * @param parameters θ's names
     * @param columns    the columns it reads
     */
    record JavaLoss(RecordLoss loss, List<String> parameters, List<String> columns) implements Loss {
        private static final long serialVersionUID = 1L;

        @Override
        public RecordEvaluator evaluator() {
            return new JavaEvaluator(loss, parameters.size(), columns.size());
        }

        @Override
        public String describe() {
            return "Java loss of " + parameters + " reading " + columns;
        }
    }

    /**
     * The formula's evaluator: the point x = (θ, record) in one array, the compiled value-and-gradient
     * program run on it (its first p partials are ∇_θ ℓ), and for H v the compiled gradients of the p partials
     * ∂ℓ/∂θ_i (row i of the Hessian, dotted with v).
     */
    final class FormulaEvaluator implements RecordEvaluator {
        private final CompiledFormula.Evaluator gradient;
        private final CompiledFormula.Evaluator[] hessianRows;
        private final int p;
        private final double[] x;
        private final double[] g;

        FormulaEvaluator(FormulaLoss.Compiled compiled, int p, int c) {
            this.gradient = compiled.gradient().newEvaluator();
            this.hessianRows = new CompiledFormula.Evaluator[p];
            for (int i = 0; i < p; i++) {
                hessianRows[i] = compiled.hessianRows().get(i).newEvaluator();
            }
            this.p = p;
            this.x = new double[p + c];
            this.g = new double[p + c];
        }

        @Override
        public void parameters(double[] theta) {
            System.arraycopy(theta, 0, x, 0, p);
        }

        @Override
        public double valueAndGradient(double[] values, int offset, double[] gradientOut) {
            System.arraycopy(values, offset, x, p, x.length - p);
            double v = gradient.valueAndGradient(x, g);
            System.arraycopy(g, 0, gradientOut, 0, p);
            return v;
        }

        @Override
        public double valueGradientAndHvp(double[] values, int offset, double[] v, double[] gradientOut, double[] hvpOut) {
            double value = valueAndGradient(values, offset, gradientOut);
            for (int i = 0; i < p; i++) {
                hessianRows[i].valueAndGradient(x, g);
                double s = 0;
                for (int j = 0; j < p; j++) {
                    s += g[j] * v[j];
                }
                hvpOut[i] = s;
            }
            return value;
        }

        @Override
        public List<Kink> lastKinks() {
            return gradient.lastKinks();
        }
    }

    /**
     * The Java loss's evaluator: θ ↦ ℓ(θ; record) as one {@link RealFunction} reading the current record, with
     * a reusable reverse-mode gradient and forward-over-reverse Hessian-vector product of it (each owning its
     * tape, built once per partition).
     */
    final class JavaEvaluator implements RecordEvaluator {
        private final double[] record;
        private final ReverseGradient gradient;
        private final HessianVectorProduct hvp;
        private double[] theta;
        private boolean lastWithHvp;

        JavaEvaluator(RecordLoss loss, int p, int c) {
            this.record = new double[c];
            RealFunction f = th -> loss.apply(th, record);
            this.gradient = AD.gradientOf(f, p);
            this.hvp = AD.hessianVectorProductOf(f, p);
        }

        @Override
        public void parameters(double[] theta) {
            this.theta = theta;
        }

        @Override
        public double valueAndGradient(double[] values, int offset, double[] gradientOut) {
            System.arraycopy(values, offset, record, 0, record.length);
            lastWithHvp = false;
            return gradient.valueAndGradient(theta, gradientOut);
        }

        @Override
        public double valueGradientAndHvp(double[] values, int offset, double[] v, double[] gradientOut, double[] hvpOut) {
            System.arraycopy(values, offset, record, 0, record.length);
            lastWithHvp = true;
            return hvp.valueGradientAndHvp(theta, v, gradientOut, hvpOut);
        }

        @Override
        public List<Kink> lastKinks() {
            return lastWithHvp ? hvp.lastKinks() : gradient.lastKinks();
        }
    }
}
