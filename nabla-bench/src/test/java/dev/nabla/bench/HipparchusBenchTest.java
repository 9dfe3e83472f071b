package dev.nabla.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The three Hipparchus-bridge benchmarks compute the same gradient, the hand-derived one. */
class HipparchusBenchTest {

    @ParameterizedTest
    @ValueSource(ints = {10, 100})
    void everyPathGivesTheHandDerivedGradient(int n) {
        HipparchusBench bench = new HipparchusBench();
        bench.n = n;
        bench.setUp();
        double[] forward = bench.hipparchusForward();
        double[] bridge = bench.nablaReverseThroughTheBridge();
        double[] real = bench.nablaReverseOnReal();
        // f = Σ_{i<n−1} sin(x_i) x_{i+1} + x_i²: ∂f/∂x_i = cos(x_i) x_{i+1} + 2 x_i (i < n−1) + sin(x_{i−1}) (i > 0)
        double[] x = new java.util.SplittableRandom(11).doubles(n, -1, 1).toArray();
        for (int i = 0; i < n; i++) {
            double expected = (i + 1 < n ? Math.cos(x[i]) * x[i + 1] + 2 * x[i] : 0) + (i > 0 ? Math.sin(x[i - 1]) : 0);
            // round-off only: each partial is a sum of at most three terms of size ≤ 3
            assertThat(forward[i]).isCloseTo(expected, within(1e-14));
            assertThat(bridge[i]).isCloseTo(expected, within(1e-14));
            assertThat(real[i]).isCloseTo(expected, within(1e-14));
        }
    }
}
