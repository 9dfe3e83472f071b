package dev.nabla.bench;

import dev.nabla.bench.workload.NablaWorkloads;
import dev.nabla.bench.workload.Rosenbrock;
import dev.nabla.core.ad.AD;
import dev.nabla.core.ad.HessianVectorProduct;
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
 * Hessian-vector products H(x)v of Rosenbrock: the nested path (forward mode over the nestable reverse tape,
 * every partial and adjoint an object), the flat second-order tape ({@code AD.hvp} and the reused
 * {@link HessianVectorProduct}), and central differences of the reverse gradient along v (two gradients).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class HvpBench {

    @Param({"1000"})
    public int n;

    private final RealFunction f = NablaWorkloads::rosenbrock;
    private double[] x;
    private double[] v;
    private double[] gradient;
    private double[] hv;
    private double[] shifted;
    private double[] gradientPlus;
    private double[] gradientMinus;
    private HessianVectorProduct reusable;
    private ReverseGradient reverse;

    @Setup(Level.Trial)
    public void setUp() {
        x = Rosenbrock.startingPoint(n);
        v = new SplittableRandom(7).doubles(n, -1, 1).toArray();
        gradient = new double[n];
        hv = new double[n];
        shifted = new double[n];
        gradientPlus = new double[n];
        gradientMinus = new double[n];
        reusable = AD.hessianVectorProductOf(f, n);
        reverse = AD.gradientOf(f, n);
    }

    @Benchmark
    public double[] nestedHvp() {
        return AD.vectorJvp(y -> AD.grad(f, y), x, v);
    }

    @Benchmark
    public double[] adHvp() {
        return AD.hvp(f, x, v);
    }

    @Benchmark
    public double[] reusableHvp() {
        reusable.valueGradientAndHvp(x, v, gradient, hv);
        return hv;
    }

    /** (∇f(x + hv) − ∇f(x − hv)) / 2h, h = 1e-6: two reverse gradients on a reused tape. */
    @Benchmark
    public double[] gradientCentralDifference() {
        double h = 1e-6;
        for (int i = 0; i < n; i++) {
            shifted[i] = x[i] + h * v[i];
        }
        reverse.valueAndGradient(shifted, gradientPlus);
        for (int i = 0; i < n; i++) {
            shifted[i] = x[i] - h * v[i];
        }
        reverse.valueAndGradient(shifted, gradientMinus);
        for (int i = 0; i < n; i++) {
            hv[i] = (gradientPlus[i] - gradientMinus[i]) / (2 * h);
        }
        return hv;
    }
}
