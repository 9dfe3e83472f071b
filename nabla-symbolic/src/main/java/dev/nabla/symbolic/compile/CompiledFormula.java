package dev.nabla.symbolic.compile;

import dev.nabla.core.field.Gradient;
import dev.nabla.core.field.Kink;
import dev.nabla.symbolic.Formula;
import dev.nabla.symbolic.expr.Expr;
import java.util.ArrayList;
import java.util.List;

/**
 * A formula compiled to flat straight-line programs: one for f, one for (f, ∂f/∂x_1, …, ∂f/∂x_n) built from
 * the symbolic gradient DAG with every shared sub-expression computed once. Evaluation allocates nothing:
 * the caller supplies the output array and each thread reuses its registers.
 *
 * <p>The fast path is exact where f is smooth and defined. When a run meets a kink (abs/sign at 0, a min/max
 * tie, a comparison holding with equality) or produces a non-finite or NaN result, the call is answered by
 * the interpreter instead, which reports the kinks with the documented one-sided gradient or throws the
 * {@link dev.nabla.core.field.DomainException} naming the sub-expression — so compiled and interpreted results
 * never disagree (and only those rare calls allocate).
 *
 * <p>Thread-safety: a {@code CompiledFormula} is immutable and may be shared. {@link Evaluator}s are not
 * thread-safe; create one per thread with {@link #newEvaluator()}. The convenience methods of this class use
 * a per-thread evaluator and are safe to call from any thread.
 */
public final class CompiledFormula {
    private final Formula formula;
    private final Program valueProgram;
    private final Program gradientProgram;
    private final ThreadLocal<Evaluator> perThread = ThreadLocal.withInitial(this::newEvaluator);

    private CompiledFormula(Formula formula) {
        this.formula = formula;
        this.valueProgram = Program.compile(List.of(formula.expression()), formula.variables());
        List<Expr> outputs = new ArrayList<>();
        outputs.add(formula.expression());
        for (Formula g : formula.gradientFormulas()) {
            outputs.add(g.expression());
        }
        this.gradientProgram = Program.compile(outputs, formula.variables());
    }

    /** Compiles f (use {@link Formula#compile()}, which caches the result). */
    public static CompiledFormula of(Formula formula) {
        return new CompiledFormula(formula);
    }

    public Formula formula() {
        return formula;
    }

    public int dimension() {
        return formula.dimension();
    }

    /** Instructions in the value program. */
    public int valueInstructions() {
        return valueProgram.length();
    }

    /** Instructions in the value-and-gradient program. */
    public int gradientInstructions() {
        return gradientProgram.length();
    }

    /** A new evaluator with its own registers (not thread-safe: one per thread). */
    public Evaluator newEvaluator() {
        return new Evaluator();
    }

    /** f(x), on this thread's evaluator. */
    public double value(double[] x) {
        return perThread.get().value(x);
    }

    /** f(x), writing ∇f(x) into gradientOut, on this thread's evaluator. */
    public double valueAndGradient(double[] x, double[] gradientOut) {
        return perThread.get().valueAndGradient(x, gradientOut);
    }

    /** f(x), ∇f(x) and the kinks met, as a value (allocates the result). */
    public Gradient valueAndGradient(double[] x) {
        Evaluator e = perThread.get();
        double[] g = new double[dimension()];
        double v = e.valueAndGradient(x, g);
        return new Gradient(x, v, g, e.lastKinks());
    }

    /** Registers for one thread. Not thread-safe. */
    public final class Evaluator {
        private final double[] valueRegisters = valueProgram.initialRegisters.clone();
        private final double[] gradientRegisters = gradientProgram.initialRegisters.clone();
        private List<Kink> lastKinks = List.of();

        private Evaluator() {
        }

        private void check(double[] x) {
            if (x.length != dimension()) {
                throw new IllegalArgumentException("point has " + x.length + " coordinates, expected " + dimension());
            }
        }

        /** f(x). */
        public double value(double[] x) {
            check(x);
            int flags = valueProgram.run(x, valueRegisters);
            double v = valueRegisters[valueProgram.outputs[0]];
            if (!Double.isFinite(v) || (flags & Program.NAN) != 0) {
                return formula.value(x);
            }
            return v;
        }

        /** f(x), writing ∇f(x) into gradientOut (length n); at a kink the documented one-sided gradient. */
        public double valueAndGradient(double[] x, double[] gradientOut) {
            check(x);
            if (gradientOut.length != dimension()) {
                throw new IllegalArgumentException("gradient array has length " + gradientOut.length);
            }
            int flags = gradientProgram.run(x, gradientRegisters);
            int[] out = gradientProgram.outputs;
            boolean fine = flags == 0;
            for (int i = 0; i < out.length && fine; i++) {
                fine = Double.isFinite(gradientRegisters[out[i]]);
            }
            if (fine) {
                for (int i = 0; i < gradientOut.length; i++) {
                    gradientOut[i] = gradientRegisters[out[i + 1]];
                }
                lastKinks = List.of();
                return gradientRegisters[out[0]];
            }
            Gradient g = formula.valueAndGradient(x);
            System.arraycopy(g.gradient(), 0, gradientOut, 0, gradientOut.length);
            lastKinks = g.kinks();
            return g.value();
        }

        /** The kinks met by the last {@link #valueAndGradient(double[], double[])} call (empty when smooth). */
        public List<Kink> lastKinks() {
            return lastKinks;
        }
    }
}
