package dev.nabla.bench;

import dev.nabla.bench.workload.LogSumExp;
import dev.nabla.bench.workload.NablaWorkloads;
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

/**
 * log-sum-exp at n = 10⁶: plain doubles beside Nabla's reverse gradient and forward D_v f through the
 * {@code Reals.logSumExp} primitive. Hipparchus (10⁶ partials per operation) and central differences
 * (2·10⁶ evaluations) would take hours and are not run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class LogSumExpBench {

    @Param({"1000000"})
    public int n;

    private final RealFunction f = NablaWorkloads::logSumExp;
    private double[] x;
    private double[] v;
    private double[] gradient;
    private ReverseGradient reverse;

    @Setup(Level.Trial)
    public void setUp() {
        x = LogSumExp.point(n, 11);
        v = new SplittableRandom(7).doubles(n, -1, 1).toArray();
        gradient = new double[n];
        reverse = AD.gradientOf(f, n);
    }

    @Benchmark
    public double value() {
        return LogSumExp.value(x);
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
}
