package dev.nabla.bench.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.nabla.core.ad.AD;
import dev.nabla.core.ad.RealFunction;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The Nabla versions of the workloads compute what the benchmarks claim: the plain value, the hand-derived
 * gradient (reverse mode, reused tape and fresh) and ∇f·v (forward mode). Tolerances are relative rounding
 * tolerances: the same arithmetic in a different order.
 */
class NablaWorkloadsTest {

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 10, 1000})
    void rosenbrockInEveryModeMatchesThePlainValueAndTheHandDerivedGradient(int n) {
        checkRosenbrock(NablaWorkloads::rosenbrock, n);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 10, 1000})
    void rosenbrockAsAWindowSumInEveryModeMatchesToo(int n) {
        checkRosenbrock(NablaWorkloads::rosenbrockWindows, n);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 10, 1000})
    void rosenbrockAsAWindowSumFunctionInEveryModeMatchesToo(int n) {
        checkRosenbrock(NablaWorkloads.ROSENBROCK_WINDOW_SUM, n);
    }

    private static void checkRosenbrock(RealFunction f, int n) {
        double[] x = new SplittableRandom(n).doubles(n, -2, 2).toArray();
        double[] v = new SplittableRandom(n + 1).doubles(n, -1, 1).toArray();
        double value = Rosenbrock.value(x);
        double[] expected = BaselineWorkloadsTest.rosenbrockGradient(x);
        double tolerance = 1e-12 * Math.max(1, value);

        assertThat(AD.value(f, x)).isCloseTo(value, within(tolerance));
        assertThat(AD.grad(f, x)).containsExactly(expected, within(tolerance));
        double[] reused = new double[n];
        var reverse = AD.gradientOf(f, n);
        for (int call = 0; call < 2; call++) { // the second call reuses the tape: same answer
            assertThat(reverse.valueAndGradient(x, reused)).isCloseTo(value, within(tolerance));
            assertThat(reused).containsExactly(expected, within(tolerance));
        }
        assertThat(AD.jvp(f, x, v)).isCloseTo(dot(expected, v), within(tolerance));
    }

    @Test
    void logSumExpGradientIsTheSoftmaxAndItsDirectionalDerivativeTheSoftmaxWeightedDirection() {
        int n = 1000;
        double[] x = LogSumExp.point(n, 11);
        double[] v = new SplittableRandom(7).doubles(n, -1, 1).toArray();
        double lse = LogSumExp.value(x);
        double[] softmax = IntStream.range(0, n).mapToDouble(i -> Math.exp(x[i] - lse)).toArray();
        RealFunction f = NablaWorkloads::logSumExp;

        assertThat(AD.value(f, x)).isCloseTo(lse, within(1e-12));
        assertThat(AD.grad(f, x)).containsExactly(softmax, within(1e-14));
        double[] reused = new double[n];
        assertThat(AD.gradientOf(f, n).valueAndGradient(x, reused)).isCloseTo(lse, within(1e-12));
        assertThat(reused).containsExactly(softmax, within(1e-14));
        assertThat(AD.jvp(f, x, v)).isCloseTo(dot(softmax, v), within(1e-12));
    }

    @Test
    void mlpLossInEveryModeMatchesThePlainLossAndHipparchus() {
        Mlp mlp = Mlp.standard();
        RealFunction f = NablaWorkloads.mlpLoss(mlp);
        int n = mlp.parameterCount();
        double[] theta = mlp.initialParameters(3);
        double[] v = new SplittableRandom(7).doubles(n, -1, 1).toArray();
        double[] expected = Hipparchus.gradient(mlp::value, theta);

        assertThat(AD.value(f, theta)).isCloseTo(mlp.value(theta), within(1e-12));
        assertThat(AD.grad(f, theta)).containsExactly(expected, within(1e-12));
        double[] reused = new double[n];
        assertThat(AD.gradientOf(f, n).valueAndGradient(theta, reused)).isCloseTo(mlp.value(theta), within(1e-12));
        assertThat(reused).containsExactly(expected, within(1e-12));
        assertThat(AD.jvp(f, theta, v)).isCloseTo(dot(expected, v), within(1e-12));
    }
}
