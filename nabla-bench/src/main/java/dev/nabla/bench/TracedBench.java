package dev.nabla.bench;

import dev.nabla.bench.workload.LogSumExp;
import dev.nabla.bench.workload.NablaWorkloads;
import dev.nabla.bench.workload.Rosenbrock;
import dev.nabla.core.ad.AD;
import dev.nabla.core.ad.Real;
import dev.nabla.core.ad.ReverseGradient;
import dev.nabla.core.ir.Loops;
import dev.nabla.core.ir.Vec;
import dev.nabla.core.ir.VecFunction;
import dev.nabla.core.run.Compiled;
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
 * Traced programs (trace once, transform, compile: {@link Compiled}) beside plain Java and the eager tape, in
 * one run on the same inputs: Rosenbrock written as a {@link Loops#fori} loop and log-sum-exp written as
 * {@code x.logSumExp()} (a max loop and a sum loop), the way a user writes them. Baselines: the plain-double
 * value, the hand-written gradient and directional derivative, and the eager tape's reusable reverse gradient.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class TracedBench {

    @Param({"1000", "1000000"})
    public int n;

    /** Rosenbrock as a user writes it with a traced loop. */
    static final VecFunction ROSENBROCK = x -> Loops.fori(0, x.size() - 1, 0.0, (i, s) -> {
        Real a = x.get(i);
        Real t = x.get(i.plus(1)).subtract(a.square());
        Real u = a.negate().add(1);
        return s.add(t.square().multiply(100).add(u.square()));
    });

    static final VecFunction LOG_SUM_EXP = Vec::logSumExp;

    private double[] xr;
    private double[] xl;
    private double[] v;
    private double[] gradient;
    private Compiled.Gradient rosenbrockGradient;
    private Compiled.Directional rosenbrockDirectional;
    private Compiled.Gradient lseGradient;
    private Compiled.Directional lseDirectional;
    private ReverseGradient rosenbrockTape;
    private ReverseGradient lseTape;

    @Setup(Level.Trial)
    public void setUp() {
        xr = Rosenbrock.startingPoint(n);
        xl = LogSumExp.point(n, 11);
        v = new SplittableRandom(7).doubles(n, -1, 1).toArray();
        gradient = new double[n];
        rosenbrockGradient = Compiled.grad(ROSENBROCK, n);
        rosenbrockDirectional = Compiled.jvp(ROSENBROCK, n);
        lseGradient = Compiled.grad(LOG_SUM_EXP, n);
        lseDirectional = Compiled.jvp(LOG_SUM_EXP, n);
        rosenbrockTape = AD.gradientOf(NablaWorkloads::rosenbrock, n);
        lseTape = AD.gradientOf(NablaWorkloads::logSumExp, n);
    }

    @Benchmark
    public double rosenbrockValue() {
        return Rosenbrock.value(xr);
    }

    @Benchmark
    public double[] rosenbrockHandWrittenGradient() {
        Rosenbrock.valueAndGradient(xr, gradient);
        return gradient;
    }

    @Benchmark
    public double rosenbrockHandWrittenDirectional() {
        return Rosenbrock.directionalDerivative(xr, v);
    }

    @Benchmark
    public double[] rosenbrockCompiledGradient() {
        rosenbrockGradient.valueAndGradient(xr, gradient);
        return gradient;
    }

    @Benchmark
    public double rosenbrockCompiledDirectional() {
        return rosenbrockDirectional.directionalDerivative(xr, v);
    }

    @Benchmark
    public double[] rosenbrockTapeGradient() {
        rosenbrockTape.valueAndGradient(xr, gradient);
        return gradient;
    }

    @Benchmark
    public double lseValue() {
        return LogSumExp.value(xl);
    }

    /** ∂/∂x_i log Σ exp x_j = exp(x_i − m) / Σ exp(x_j − m), written by hand. */
    @Benchmark
    public double[] lseHandWrittenGradient() {
        double m = Double.NEGATIVE_INFINITY;
        for (double xi : xl) {
            m = Math.max(m, xi);
        }
        double s = 0;
        for (int i = 0; i < n; i++) {
            gradient[i] = Math.exp(xl[i] - m);
            s += gradient[i];
        }
        double r = 1 / s;
        for (int i = 0; i < n; i++) {
            gradient[i] *= r;
        }
        return gradient;
    }

    @Benchmark
    public double[] lseCompiledGradient() {
        lseGradient.valueAndGradient(xl, gradient);
        return gradient;
    }

    @Benchmark
    public double lseCompiledDirectional() {
        return lseDirectional.directionalDerivative(xl, v);
    }

    @Benchmark
    public double[] lseTapeGradient() {
        lseTape.valueAndGradient(xl, gradient);
        return gradient;
    }
}
