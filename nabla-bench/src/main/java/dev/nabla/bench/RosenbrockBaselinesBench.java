package dev.nabla.bench;

import dev.nabla.bench.workload.Hipparchus;
import dev.nabla.core.numeric.FiniteDifferences;
import dev.nabla.bench.workload.Rosenbrock;
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
 * The O(n)-per-operation baselines for Rosenbrock, at the sizes where they finish: Hipparchus forward-mode
 * {@code Gradient} (every operation carries n partials, O(n²) per gradient) and central differences (2n
 * evaluations, O(n²)). At n = 10⁶ both would need ~10¹² operations per gradient and are not run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class RosenbrockBaselinesBench {

    @Param({"10", "1000"})
    public int n;

    private double[] x;

    @Setup(Level.Trial)
    public void setUp() {
        x = Rosenbrock.startingPoint(n);
    }

    @Benchmark
    public double[] hipparchusGradient() {
        return Hipparchus.gradient(Rosenbrock::value, x);
    }

    @Benchmark
    public double[] centralDifference() {
        return FiniteDifferences.gradient(Rosenbrock::value, x);
    }
}
