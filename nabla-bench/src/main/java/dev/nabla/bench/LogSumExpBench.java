package dev.nabla.bench;

import dev.nabla.bench.workload.LogSumExp;
import dev.nabla.bench.workload.NablaWorkloads;
import dev.nabla.core.ad.RealFunction;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

/**
 * log-sum-exp at n = 10⁶: plain doubles beside Nabla's reverse gradient and forward D_v f through the
 * {@code Reals.logSumExp} primitive. Hipparchus (10⁶ partials per operation) and central differences
 * (2·10⁶ evaluations) would take hours and are not run.
 */
public class LogSumExpBench extends NablaModesBench {

    @Param({"1000000"})
    public int n;

    @Override
    RealFunction function() {
        return NablaWorkloads::logSumExp;
    }

    @Override
    double[] point() {
        return LogSumExp.point(n, 11);
    }

    @Benchmark
    public double value() {
        return LogSumExp.value(x);
    }
}
