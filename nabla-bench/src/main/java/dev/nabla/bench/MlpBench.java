package dev.nabla.bench;

import dev.nabla.bench.workload.Hipparchus;
import dev.nabla.bench.workload.Mlp;
import dev.nabla.bench.workload.NablaWorkloads;
import dev.nabla.core.ad.RealFunction;
import dev.nabla.core.numeric.FiniteDifferences;
import org.openjdk.jmh.annotations.Benchmark;

/** The MLP loss (d = 8, h = 32, batch 64, tanh, squared loss; n = 321 parameters): every method side by side. */
public class MlpBench extends NablaModesBench {

    private final Mlp mlp = Mlp.standard();

    @Override
    RealFunction function() {
        return NablaWorkloads.mlpLoss(mlp);
    }

    @Override
    double[] point() {
        return mlp.initialParameters(3);
    }

    @Benchmark
    public double value() {
        return mlp.value(x);
    }

    @Benchmark
    public double[] hipparchusGradient() {
        return Hipparchus.gradient(mlp::value, x);
    }

    @Benchmark
    public double[] centralDifference() {
        return FiniteDifferences.gradient(mlp::value, x);
    }
}
