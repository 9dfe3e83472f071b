package dev.nabla.bench.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.nabla.core.numeric.FiniteDifferences;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.hipparchus.analysis.differentiation.Gradient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The baselines compute what the benchmarks claim: the same value and gradient as a hand-derived reference. */
class BaselineWorkloadsTest {

    /** ∂f/∂x_i of Rosenbrock, derived by hand: −400 x_i (x_{i+1} − x_i²) − 2 (1 − x_i) + 200 (x_i − x_{i−1}²). */
    static double[] rosenbrockGradient(double[] x) {
        double[] g = new double[x.length];
        for (int i = 0; i + 1 < x.length; i++) {
            double t = x[i + 1] - x[i] * x[i];
            g[i] += -400 * x[i] * t - 2 * (1 - x[i]);
            g[i + 1] += 200 * t;
        }
        return g;
    }

    static Stream<double[]> rosenbrockPoints() {
        return LongStream.range(0, 5).mapToObj(seed -> new SplittableRandom(seed).doubles(2 + (int) seed * 7, -2, 2)
                .toArray());
    }

    @Test
    void rosenbrockIsZeroAtItsMinimumAndKnownAtTheStartingPoint() {
        assertThat(Rosenbrock.value(new double[] {1, 1, 1, 1})).isZero();
        // n = 2 at (−1.2, 1): 100 (1 − 1.44)² + 2.2² = 19.36 + 4.84 = 24.2 (Moré, Garbow, Hillstrom).
        assertThat(Rosenbrock.value(Rosenbrock.startingPoint(2))).isCloseTo(24.2, within(1e-12));
    }

    @ParameterizedTest
    @MethodSource("rosenbrockPoints")
    void hipparchusRosenbrockGradientIsTheHandDerivedOne(double[] x) {
        Gradient[] variables = new Gradient[x.length];
        for (int i = 0; i < x.length; i++) {
            variables[i] = Gradient.variable(x.length, i, x[i]);
        }
        Gradient f = Rosenbrock.value(variables);
        // Same arithmetic in a different order: agreement to rounding (1e-12 relative to values of order 10³).
        assertThat(f.getValue()).isCloseTo(Rosenbrock.value(x), within(1e-9));
        assertThat(Hipparchus.gradient(Rosenbrock::value, x)).containsExactly(rosenbrockGradient(x), within(1e-9));
    }

    @ParameterizedTest
    @MethodSource("rosenbrockPoints")
    void handWrittenGradientAndDirectionalDerivativeAgreeWithReverseAndForwardMode(double[] x) {
        double[] gradient = new double[x.length];
        double[] v = new SplittableRandom(x.length).doubles(x.length, -1, 1).toArray();
        double[] reverse = dev.nabla.core.ad.AD.grad(NablaWorkloads::rosenbrock, x);
        assertThat(Rosenbrock.valueAndGradient(x, gradient)).isCloseTo(Rosenbrock.value(x), within(1e-12));
        assertThat(gradient).containsExactly(reverse, within(1e-9));
        assertThat(Rosenbrock.directionalDerivative(x, v))
                .isCloseTo(dev.nabla.core.ad.AD.jvp(NablaWorkloads::rosenbrock, x, v), within(1e-9));
    }

    @ParameterizedTest
    @MethodSource("rosenbrockPoints")
    void compiledRosenbrockFormulaGivesTheHandDerivedValueAndGradient(double[] x) {
        double[] gradient = new double[x.length];
        double value = Rosenbrock.formula(x.length).compile().newEvaluator().valueAndGradient(x, gradient);
        // Simplified symbolic expressions evaluate in another order: agreement to rounding, as above.
        assertThat(value).isCloseTo(Rosenbrock.value(x), within(1e-9));
        assertThat(gradient).containsExactly(rosenbrockGradient(x), within(1e-9));
    }

    @Test
    void logSumExpIsStableAndEqualsTheNaiveFormulaWhereThatOneIsFinite() {
        double[] x = LogSumExp.point(1000, 11);
        double naive = Math.log(java.util.Arrays.stream(x).map(Math::exp).sum());
        assertThat(LogSumExp.value(x)).isCloseTo(naive, within(1e-12));
        // Shifting every entry by 1000 would overflow exp; the stable form shifts the value by exactly 1000.
        double[] shifted = java.util.Arrays.stream(x).map(v -> v + 1000).toArray();
        assertThat(LogSumExp.value(shifted)).isCloseTo(naive + 1000, within(1e-9));
    }

    @Test
    void mlpLossOnHipparchusNumbersMatchesThePlainLossAndCentralDifferences() {
        Mlp mlp = Mlp.standard();
        assertThat(mlp.parameterCount()).isEqualTo(8 * 32 + 2 * 32 + 1);
        double[] theta = mlp.initialParameters(3);
        double[] hipparchus = Hipparchus.gradient(mlp::value, theta);
        double[] central = FiniteDifferences.gradient(mlp::value, theta);
        // Central differences with h ≈ 6e-6 carry O(h²·f''') + O(ε/h) ≈ 1e-10 error on a loss of order 1.
        assertThat(hipparchus).containsExactly(central, within(1e-7));
        Gradient[] variables = new Gradient[theta.length];
        for (int i = 0; i < theta.length; i++) {
            variables[i] = Gradient.variable(theta.length, i, theta[i]);
        }
        assertThat(mlp.value(variables).getValue()).isCloseTo(mlp.value(theta), within(1e-12));
    }
}
