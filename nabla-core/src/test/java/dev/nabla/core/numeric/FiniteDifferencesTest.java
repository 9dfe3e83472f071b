package dev.nabla.core.numeric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nabla.core.field.DomainException;
import dev.nabla.core.field.ScalarField;
import dev.nabla.core.field.VectorField;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FiniteDifferencesTest {

    /** The documents' worked example f = x² sin y + y³. */
    static final ScalarField EXAMPLE = x -> x[0] * x[0] * Math.sin(x[1]) + x[1] * x[1] * x[1];

    static double[] exampleGradient(double x, double y) {
        return new double[] {2 * x * Math.sin(y), x * x * Math.cos(y) + 3 * y * y};
    }

    @Test
    void gradientOfTheWorkedExampleAgreesWithTheFormula() {
        double[] g = FiniteDifferences.gradient(EXAMPLE, new double[] {0.7, 1.2});
        double[] exact = exampleGradient(0.7, 1.2);
        // a single central difference with h = ε^{1/3}: relative error ~ h² + ε/h ≈ 1e-10
        assertThat(g[0]).isCloseTo(exact[0], within(1e-8));
        assertThat(g[1]).isCloseTo(exact[1], within(1e-8));
    }

    @Test
    void directionalDerivativeOfTheWorkedExampleIsTheGradientDottedWithV() {
        double[] v = {1, -2};
        double[] exact = exampleGradient(0.7, 1.2);
        double dv = exact[0] - 2 * exact[1];
        assertThat(FiniteDifferences.directionalDerivative(EXAMPLE, new double[] {0.7, 1.2}, v)).isCloseTo(dv, within(1e-8));
        Estimate e = FiniteDifferences.extrapolated(EXAMPLE, new double[] {0.7, 1.2}, v);
        // extrapolation removes the O(h²) terms: near machine precision, and the error estimate covers the error
        assertThat(e.value()).isCloseTo(dv, within(1e-11));
        assertThat(Math.abs(e.value() - dv)).isLessThanOrEqualTo(e.error() * 10 + 1e-14);
    }

    @Test
    void singleQuotientsHaveTheirTruncationOrder() {
        ScalarField exp = x -> Math.exp(x[0]);
        double[] x = {0.3};
        double[] v = {1};
        double exact = Math.exp(0.3);
        double forwardError1 = Math.abs(FiniteDifferences.forward(exp, x, v, 1e-2) - exact);
        double forwardError2 = Math.abs(FiniteDifferences.forward(exp, x, v, 1e-3) - exact);
        double centralError1 = Math.abs(FiniteDifferences.central(exp, x, v, 1e-2) - exact);
        double centralError2 = Math.abs(FiniteDifferences.central(exp, x, v, 1e-3) - exact);
        double backwardError = FiniteDifferences.backward(exp, x, v, 1e-2) - exact;
        // O(h): a tenth of the step, a tenth of the error (within 20 %); O(h²): a hundredth
        assertThat(forwardError1 / forwardError2).isBetween(8.0, 12.0);
        assertThat(centralError1 / centralError2).isBetween(80.0, 120.0);
        // backward errs on the other side: −h f''/2
        assertThat(backwardError).isNegative();
    }

    @Test
    void jacobianOfPolarToCartesian() {
        VectorField polar = p -> new double[] {p[0] * Math.cos(p[1]), p[0] * Math.sin(p[1])};
        double r = 2, t = 0.4;
        double[][] j = FiniteDifferences.jacobian(polar, new double[] {r, t});
        double[][] exact = {{Math.cos(t), -r * Math.sin(t)}, {Math.sin(t), r * Math.cos(t)}};
        for (int i = 0; i < 2; i++) {
            for (int k = 0; k < 2; k++) {
                assertThat(j[i][k]).isCloseTo(exact[i][k], within(1e-8));
            }
        }
    }

    @Test
    void stepsThatLeaveTheDomainAreSkipped() {
        ScalarField log = x -> {
            if (x[0] <= 0) {
                throw new DomainException("log(x)", "log of " + x[0] + " (argument must be > 0)", x);
            }
            return Math.log(x[0]);
        };
        // at x = 0.05 the first two ladder steps (0.1, 0.032…) cross 0; the rest still give 1/x
        Estimate e = FiniteDifferences.extrapolated(log, new double[] {0.05}, new double[] {1});
        assertThat(e.value()).isCloseTo(20, within(1e-7));
        assertThat(e.error()).isLessThan(1e-6);
    }

    @Test
    void laddersMustDecrease() {
        assertThatThrownBy(() -> new StepLadder(new double[] {1e-3, 1e-2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("strictly decreasing");
        assertThat(StepLadder.DEFAULT.size()).isEqualTo(15);
        assertThat(StepLadder.DEFAULT.steps()[14]).isCloseTo(1e-8, within(1e-20));
    }

    @Test
    void richardsonIsExactForPolynomialQuotients() {
        // φ(h) = 3 + 2h² − 5h⁴: two eliminations of the central expansion give 3 exactly (up to rounding)
        double[] h = StepLadder.DOCUMENTS.steps();
        double[] phi = new double[h.length];
        for (int k = 0; k < h.length; k++) {
            phi[k] = 3 + 2 * h[k] * h[k] - 5 * Math.pow(h[k], 4);
        }
        Estimate e = Richardson.extrapolate(h, phi, new double[h.length], 2);
        assertThat(e.value()).isCloseTo(3, within(1e-14));
        assertThat(e.order()).isGreaterThanOrEqualTo(1);
    }

    static Stream<double[]> exponentials() {
        SplittableRandom random = new SplittableRandom(20261122);
        return IntStream.range(0, 40).mapToObj(i -> new double[] {
                random.nextDouble(-30, 30), random.nextDouble(-3, 3), random.nextDouble(-1, 1)});
    }

    /** exp(a x) at random a, x and direction: the error estimate covers the true error. */
    @ParameterizedTest
    @MethodSource("exponentials")
    void errorEstimateCoversTheTrueError(double[] sample) {
        double a = sample[0];
        double x0 = sample[1];
        double v = sample[2];
        ScalarField f = x -> Math.exp(a * x[0]);
        Estimate e = FiniteDifferences.extrapolated(f, new double[] {x0}, new double[] {v});
        double exact = a * v * Math.exp(a * x0);
        // the estimate is a heuristic: allow a factor 10 over it, and insist on 1e-7 relative accuracy
        assertThat(Math.abs(e.value() - exact)).isLessThanOrEqualTo(10 * e.error() + 1e-300);
        assertThat(Math.abs(e.value() - exact)).isLessThanOrEqualTo(1e-7 * Math.abs(exact) + 1e-300);
    }
}
