package dev.nabla.bench.workload;

import java.util.SplittableRandom;
import org.hipparchus.CalculusFieldElement;

/**
 * The loss of a small multilayer perceptron as a function of its parameters θ:
 * L(θ) = (1 / 2B) Σ_b (w₂ · tanh(W₁ x_b + b₁) + b₂ − y_b)², one tanh hidden layer, scalar output, a fixed
 * seeded batch (x_b, y_b) of size B. θ = (W₁ row-major, b₁, w₂, b₂), so n = h·d + 2h + 1.
 *
 * @param inputs    the batch, B rows of d inputs
 * @param targets   the B targets
 * @param hidden    h, the width of the hidden layer
 */
public record Mlp(double[][] inputs, double[] targets, int hidden) {

    /** The benchmark's network: d = 8 inputs, h = 32 hidden units, batch B = 64 (n = 321 parameters). */
    public static Mlp standard() {
        return seeded(8, 32, 64, 20261122L);
    }

    /** A seeded batch: inputs uniform in [−1, 1], targets y = sin(x₁) + x₂·x₃ (a smooth teacher). */
    public static Mlp seeded(int inputDimension, int hidden, int batch, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] inputs = new double[batch][inputDimension];
        double[] targets = new double[batch];
        for (int b = 0; b < batch; b++) {
            for (int j = 0; j < inputDimension; j++) {
                inputs[b][j] = random.nextDouble(-1, 1);
            }
            targets[b] = Math.sin(inputs[b][0]) + inputs[b][1 % inputDimension] * inputs[b][2 % inputDimension];
        }
        return new Mlp(inputs, targets, hidden);
    }

    public int inputDimension() {
        return inputs[0].length;
    }

    public int batch() {
        return targets.length;
    }

    /** n = h·d + 2h + 1, the number of parameters. */
    public int parameterCount() {
        return hidden * inputDimension() + 2 * hidden + 1;
    }

    /** Seeded parameters with Glorot-like scale: entries uniform in [−1/√d, 1/√d] (layer 1), [−1/√h, 1/√h]. */
    public double[] initialParameters(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int d = inputDimension();
        double[] theta = new double[parameterCount()];
        double s1 = 1 / Math.sqrt(d);
        double s2 = 1 / Math.sqrt(hidden);
        for (int k = 0; k < hidden * d + hidden; k++) {
            theta[k] = random.nextDouble(-s1, s1);
        }
        for (int k = hidden * d + hidden; k < theta.length; k++) {
            theta[k] = random.nextDouble(-s2, s2);
        }
        return theta;
    }

    /** L(θ) with plain doubles: the hand-written baseline. */
    public double value(double[] theta) {
        int d = inputDimension();
        int b1 = hidden * d;
        int w2 = b1 + hidden;
        int b2 = w2 + hidden;
        double loss = 0;
        for (int b = 0; b < targets.length; b++) {
            double[] x = inputs[b];
            double out = theta[b2];
            for (int i = 0; i < hidden; i++) {
                double a = theta[b1 + i];
                int row = i * d;
                for (int j = 0; j < d; j++) {
                    a += theta[row + j] * x[j];
                }
                out += theta[w2 + i] * Math.tanh(a);
            }
            double r = out - targets[b];
            loss += r * r;
        }
        return loss / (2.0 * targets.length);
    }

    /** L(θ) on Hipparchus field elements. */
    public <T extends CalculusFieldElement<T>> T value(T[] theta) {
        int d = inputDimension();
        int b1 = hidden * d;
        int w2 = b1 + hidden;
        int b2 = w2 + hidden;
        T loss = theta[0].getField().getZero();
        for (int b = 0; b < targets.length; b++) {
            double[] x = inputs[b];
            T out = theta[b2];
            for (int i = 0; i < hidden; i++) {
                T a = theta[b1 + i];
                int row = i * d;
                for (int j = 0; j < d; j++) {
                    a = a.add(theta[row + j].multiply(x[j]));
                }
                out = out.add(theta[w2 + i].multiply(a.tanh()));
            }
            loss = loss.add(out.subtract(targets[b]).square());
        }
        return loss.divide(2.0 * targets.length);
    }
}
