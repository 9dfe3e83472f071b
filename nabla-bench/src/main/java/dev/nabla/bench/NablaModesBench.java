package dev.nabla.bench;

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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The Nabla methods every workload is measured by, on its {@link #function()} at its {@link #point()} along a
 * seeded direction v: the value on plain numbers, the reverse gradient (a reused {@link ReverseGradient}, and
 * {@code AD.grad} with a fresh tape and result), and the forward directional derivative. Each workload adds its
 * plain-Java baseline and any other method.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public abstract class NablaModesBench {
    RealFunction f;
    double[] x;
    double[] v;
    double[] gradient;
    private ReverseGradient reverse;

    /** The workload written against {@code Real}. */
    abstract RealFunction function();

    /** The point x (after the JMH parameters are set). */
    abstract double[] point();

    @Setup(Level.Trial)
    public void setUp() {
        f = function();
        x = point();
        v = new SplittableRandom(7).doubles(x.length, -1, 1).toArray();
        gradient = new double[x.length];
        reverse = AD.gradientOf(f, x.length);
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
