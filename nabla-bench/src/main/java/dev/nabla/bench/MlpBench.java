package dev.nabla.bench;

import dev.nabla.bench.workload.Hipparchus;
import dev.nabla.bench.workload.Mlp;
import dev.nabla.bench.workload.NablaWorkloads;
import dev.nabla.core.ad.AD;
import dev.nabla.core.ad.RealFunction;
import dev.nabla.core.ad.ReverseGradient;
import dev.nabla.core.numeric.FiniteDifferences;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** The MLP loss (d = 8, h = 32, batch 64, tanh, squared loss; n = 321 parameters): every method side by side. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class MlpBench {

    private final Mlp mlp = Mlp.standard();
    private final RealFunction f = NablaWorkloads.mlpLoss(mlp);
    private double[] theta;
    private double[] v;
    private double[] gradient;
    private ReverseGradient reverse;

    @Setup(Level.Trial)
    public void setUp() {
        int n = mlp.parameterCount();
        theta = mlp.initialParameters(3);
        v = new SplittableRandom(7).doubles(n, -1, 1).toArray();
        gradient = new double[n];
        reverse = AD.gradientOf(f, n);
    }

    @Benchmark
    public double value() {
        return mlp.value(theta);
    }

    @Benchmark
    public double nablaValue() {
        return AD.value(f, theta);
    }

    @Benchmark
    public double[] reverseGradient() {
        reverse.valueAndGradient(theta, gradient);
        return gradient;
    }

    @Benchmark
    public double[] adGrad() {
        return AD.grad(f, theta);
    }

    @Benchmark
    public double forwardDirectional() {
        return AD.jvp(f, theta, v);
    }

    @Benchmark
    public double[] hipparchusGradient() {
        return Hipparchus.gradient(mlp::value, theta);
    }

    @Benchmark
    public double[] centralDifference() {
        return FiniteDifferences.gradient(mlp::value, theta);
    }
}
