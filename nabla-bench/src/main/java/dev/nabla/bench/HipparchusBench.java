package dev.nabla.bench;

import dev.nabla.core.ad.AD;
import dev.nabla.core.ad.Real;
import dev.nabla.hipparchus.HipparchusAD;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.hipparchus.CalculusFieldElement;
import org.hipparchus.analysis.differentiation.Gradient;
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
 * The gradient of one function of n inputs written once against Hipparchus' {@code CalculusFieldElement}:
 * f(x) = Σ_{i<n−1} sin(x_i) x_{i+1} + x_i². Hipparchus' forward mode ({@link Gradient}: n tangent components
 * through every operation, O(n²) work) against Nabla's reverse mode through the bridge
 * ({@link HipparchusAD#gradient}: one recorded pass and one reverse sweep, O(n)), and the same function written
 * against Nabla's {@code Real} directly (what the bridge's wrapper objects cost).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class HipparchusBench {

    @Param({"10", "100", "1000", "10000"})
    public int n;

    private double[] x;

    @Setup(Level.Trial)
    public void setUp() {
        x = new SplittableRandom(11).doubles(n, -1, 1).toArray();
    }

    /** f written once for any Hipparchus field element. */
    public static <T extends CalculusFieldElement<T>> T chain(T[] x) {
        T sum = x[0].getField().getZero();
        for (int i = 0; i + 1 < x.length; i++) {
            sum = sum.add(x[i].sin().multiply(x[i + 1])).add(x[i].square());
        }
        return sum;
    }

    /** The same f on Nabla's {@code Real}. */
    public static Real chain(Real[] x) {
        Real sum = x[0].constant(0);
        for (int i = 0; i + 1 < x.length; i++) {
            sum = sum.add(x[i].sin().multiply(x[i + 1])).add(x[i].square());
        }
        return sum;
    }

    @Benchmark
    public double[] hipparchusForward() {
        Gradient[] g = new Gradient[n];
        for (int i = 0; i < n; i++) {
            g[i] = Gradient.variable(n, i, x[i]);
        }
        return chain(g).getGradient();
    }

    @Benchmark
    public double[] nablaReverseThroughTheBridge() {
        return HipparchusAD.gradient(HipparchusBench::chain, x);
    }

    @Benchmark
    public double[] nablaReverseOnReal() {
        return AD.grad(HipparchusBench::chain, x);
    }
}
