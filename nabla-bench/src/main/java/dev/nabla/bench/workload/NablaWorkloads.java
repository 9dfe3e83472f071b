package dev.nabla.bench.workload;

import dev.nabla.core.ad.Real;
import dev.nabla.core.ad.RealFunction;
import dev.nabla.core.ad.Reals;
import dev.nabla.core.ad.WindowSum;

/**
 * The workloads written once against Nabla's {@link Real}, as a user would write them; every AD mode
 * (plain, forward, reverse) runs this one definition.
 */
public final class NablaWorkloads {

    private NablaWorkloads() {
    }

    /** Rosenbrock f(x) = Σ [100 (x_{i+1} − x_i²)² + (1 − x_i)²], the same loop as {@link Rosenbrock#value(double[])}. */
    public static Real rosenbrock(Real[] x) {
        Real sum = x[0].constant(0);
        for (int i = 0; i + 1 < x.length; i++) {
            Real t = x[i + 1].subtract(x[i].square());
            Real u = x[i].subtract(1);
            sum = sum.add(t.square().multiply(100).add(u.square()));
        }
        return sum;
    }

    /**
     * Rosenbrock as the partially separable sum it is: {@link Reals#windowSum} over the windows (x_i, x_{i+1}),
     * one tape entry whose partials are preaccumulated window by window.
     */
    public static Real rosenbrockWindows(Real[] x) {
        return Reals.windowSum(x, 2, 1, NablaWorkloads::rosenbrockTerm);
    }

    /** One term of Rosenbrock, 100 (x_{i+1} − x_i²)² + (1 − x_i)², on the window (x_i, x_{i+1}). */
    private static Real rosenbrockTerm(Reals.Window w) {
        Real xi = w.get(0);
        Real t = w.get(1).subtract(xi.square());
        Real u = xi.subtract(1);
        return t.square().multiply(100).add(u.square());
    }

    /**
     * Rosenbrock as a {@link WindowSum} function object, the same sum: AD's entry points run its compiled kernel
     * on the point directly.
     */
    public static final WindowSum ROSENBROCK_WINDOW_SUM = WindowSum.of(2, 1, NablaWorkloads::rosenbrockTerm);

    /** log Σ exp(x_i) through the array primitive {@link Reals#logSumExp(Real[])} (one tape entry). */
    public static Real logSumExp(Real[] x) {
        return Reals.logSumExp(x);
    }

    /**
     * The MLP loss L(θ) of {@link Mlp}: the constant batch enters as matrices, so that each hidden unit's
     * pre-activations over the batch are one {@link Reals#matVec(double[][], Real[])} entry and each sample's
     * output one {@link Reals#dot(Real[], Real[])} entry.
     */
    public static RealFunction mlpLoss(Mlp mlp) {
        int d = mlp.inputDimension();
        int h = mlp.hidden();
        int batch = mlp.batch();
        double[][] inputs = mlp.inputs();
        double[] targets = mlp.targets();
        return theta -> {
            int b1 = h * d;
            int w2 = b1 + h;
            Real[] outputWeights = new Real[h];
            System.arraycopy(theta, w2, outputWeights, 0, h);
            Real[][] activations = new Real[batch][h];
            Real[] rowWeights = new Real[d];
            for (int i = 0; i < h; i++) {
                System.arraycopy(theta, i * d, rowWeights, 0, d);
                Real[] preActivations = Reals.matVec(inputs, rowWeights);
                for (int b = 0; b < batch; b++) {
                    activations[b][i] = preActivations[b].add(theta[b1 + i]).tanh();
                }
            }
            Real[] residuals = new Real[batch];
            for (int b = 0; b < batch; b++) {
                residuals[b] = Reals.dot(outputWeights, activations[b]).add(theta[w2 + h]).subtract(targets[b]);
            }
            return Reals.squaredNorm(residuals).multiply(1.0 / (2 * batch));
        };
    }
}
