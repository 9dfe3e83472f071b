package dev.nabla.bench;

import dev.nabla.bench.workload.NablaWorkloads;
import dev.nabla.bench.workload.Rosenbrock;
import dev.nabla.core.ad.AD;
import dev.nabla.core.ad.RealFunction;
import dev.nabla.core.ad.ReverseGradient;
import java.util.SplittableRandom;
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

/** Rosenbrock at every size: the plain-double baseline beside Nabla's value, reverse gradient and forward D_v f. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class RosenbrockBench {

    @Param({"10", "1000", "1000000"})
    public int n;

    private final RealFunction f = NablaWorkloads::rosenbrock;
    private final RealFunction windows = NablaWorkloads::rosenbrockWindows;
    private final RealFunction windowSum = NablaWorkloads.ROSENBROCK_WINDOW_SUM;
    private double[] x;
    private double[] v;
    private double[] gradient;
    private ReverseGradient reverse;
    private ReverseGradient reverseWindows;
    private ReverseGradient reverseWindowSum;

    @Setup(Level.Trial)
    public void setUp() {
        x = Rosenbrock.startingPoint(n);
        v = new SplittableRandom(7).doubles(n, -1, 1).toArray();
        gradient = new double[n];
        reverse = AD.gradientOf(f, n);
        reverseWindows = AD.gradientOf(windows, n);
        reverseWindowSum = AD.gradientOf(windowSum, n);
    }

    @Benchmark
    public double value() {
        return Rosenbrock.value(x);
    }

    @Benchmark
    public double nablaValue() {
        return AD.value(f, x);
    }

    @Benchmark
    public double[] reverseGradient() {
        reverse.valueAndGradient(x, gradient);
        return gradient;
    }

    @Benchmark
    public double[] adGrad() {
        return AD.grad(f, x);
    }

    @Benchmark
    public double forwardDirectional() {
        return AD.jvp(f, x, v);
    }

    @Benchmark
    public double nablaValueWindowSum() {
        return AD.value(windows, x);
    }

    @Benchmark
    public double[] reverseGradientWindowSum() {
        reverseWindows.valueAndGradient(x, gradient);
        return gradient;
    }

    @Benchmark
    public double nablaValueWindowSumFunction() {
        return AD.value(windowSum, x);
    }

    @Benchmark
    public double[] reverseGradientWindowSumFunction() {
        reverseWindowSum.valueAndGradient(x, gradient);
        return gradient;
    }

    @Benchmark
    public double forwardDirectionalWindowSumFunction() {
        return AD.jvp(windowSum, x, v);
    }

    @Benchmark
    public double forwardDirectionalWindowSum() {
        return AD.jvp(windows, x, v);
    }

    @Benchmark
    public double[] handWrittenGradient() {
        Rosenbrock.valueAndGradient(x, gradient);
        return gradient;
    }

    @Benchmark
    public double handWrittenDirectional() {
        return Rosenbrock.directionalDerivative(x, v);
    }
}
