package dev.nabla.bench;

import dev.nabla.bench.workload.Rosenbrock;
import dev.nabla.symbolic.CompiledFormula;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Rosenbrock n = 10 as a formula: the symbolic gradient compiled to a straight-line program
 * ({@code Formula.compile()}), evaluated with a reused evaluator. Only at n = 10, where a person would type it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class RosenbrockSymbolicBench {

    @Param({"10"})
    public int n;

    private double[] x;
    private double[] gradient;
    private CompiledFormula.Evaluator evaluator;

    @Setup(Level.Trial)
    public void setUp() {
        x = Rosenbrock.startingPoint(n);
        gradient = new double[n];
        evaluator = Rosenbrock.formula(n).compile().newEvaluator();
    }

    @Benchmark
    public double[] compiledSymbolicGradient() {
        evaluator.valueAndGradient(x, gradient);
        return gradient;
    }
}
