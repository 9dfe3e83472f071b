package dev.nabla.bench;

import dev.nabla.bench.workload.NablaWorkloads;
import dev.nabla.bench.workload.Rosenbrock;
import dev.nabla.core.ad.AD;
import dev.nabla.core.ad.RealFunction;
import dev.nabla.core.ad.ReverseGradient;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * Rosenbrock at every size: the plain-double baseline and the hand-written derivatives beside Nabla's value,
 * reverse gradient and forward D_v f, for the scalar loop and for the same sum written as a window sum, inside
 * a function ({@code Reals.windowSum}) and as a {@code WindowSum} function object.
 */
public class RosenbrockBench extends NablaModesBench {

    @Param({"10", "1000", "1000000"})
    public int n;

    private final RealFunction windows = NablaWorkloads::rosenbrockWindows;
    private final RealFunction windowSum = NablaWorkloads.ROSENBROCK_WINDOW_SUM;
    private ReverseGradient reverseWindows;
    private ReverseGradient reverseWindowSum;

    @Override
    RealFunction function() {
        return NablaWorkloads::rosenbrock;
    }

    @Override
    double[] point() {
        return Rosenbrock.startingPoint(n);
    }

    @Setup(Level.Trial)
    public void setUpWindowSums() {
        reverseWindows = AD.gradientOf(windows, n);
        reverseWindowSum = AD.gradientOf(windowSum, n);
    }

    @Benchmark
    public double value() {
        return Rosenbrock.value(x);
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
    public double forwardDirectionalWindowSum() {
        return AD.jvp(windows, x, v);
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
}
