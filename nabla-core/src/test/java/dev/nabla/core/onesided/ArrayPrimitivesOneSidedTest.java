package dev.nabla.core.onesided;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.nabla.core.ad.AD;
import dev.nabla.core.ad.Real;
import dev.nabla.core.ad.RealFunction;
import dev.nabla.core.ad.Reals;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The array primitives of {@link Reals} on one-sided expansions: the exact D_v f of functions written with them,
 * at kinks (‖x‖ at 0) and at smooth points, where it must equal ∇f·v from reverse mode.
 */
class ArrayPrimitivesOneSidedTest {

    static DirectionalDerivative d(RealFunction f, double[] x, double[] v) {
        return OneSided.directionalDerivative(f, x, v);
    }

    @Test
    void exercise2WrittenWithTheNormPrimitive() {
        // D_v ‖x‖ at 0 = ‖v‖: 5 along (3, 4), one-sided (−v gives 5 too)
        RealFunction norm = Reals::norm;
        assertThat(d(norm, new double[] {0, 0}, new double[] {3, 4}).value()).isEqualTo(5);
        assertThat(d(norm, new double[] {0, 0}, new double[] {-3, -4}).value()).isEqualTo(5);
    }

    @Test
    void softmaxAndMatVecWithConstantsMixedIn() {
        // f(x) = softmax(A x)_0 · (1, 2)·x with A = [[1, 2], [0, 1]] and constants from Reals.of mixed in
        RealFunction f = x -> {
            Real[] ax = Reals.matVec(new double[][] {{1, 2}, {0, 1}}, x);
            return Reals.softmax(ax)[0].multiply(Reals.dot(Reals.of(1, 2), x));
        };
        double[] x = {0.3, -0.2};
        double[] v = {1, -2};
        double[] g = AD.grad(f, x);
        assertThat(d(f, x, v).value()).isCloseTo(g[0] * v[0] + g[1] * v[1], within(1e-14));
    }

    static Stream<double[][]> points() {
        SplittableRandom r = new SplittableRandom(14);
        return Stream.generate(() -> new double[][] {
                {r.nextDouble(-2, 2), r.nextDouble(-2, 2), r.nextDouble(-2, 2)},
                {r.nextDouble(-1, 1), r.nextDouble(-1, 1), r.nextDouble(-1, 1)}}).limit(20);
    }

    /**
     * At smooth points every array primitive's exact D_v f equals ∇f·v from reverse mode (the tape's hand-derived
     * partials), to 1e-13 relative: the two paths round differently, the functions are O(1) with O(1) slopes.
     */
    @ParameterizedTest
    @MethodSource("points")
    void atSmoothPointsTheExpansionAgreesWithReverseMode(double[][] p) {
        double[] x = p[0];
        double[] v = p[1];
        RealFunction f = y -> Reals.logSumExp(y).add(Reals.norm(y)).add(Reals.squaredNorm(y).sin())
                .add(Reals.sum(Reals.axpy(y[0], y, y)))
                .add(Reals.matVec(Reals.of(1, 2, 3, 4, 5, 6), 2, 3, y)[1].cos())
                .add(Reals.windowSum(y, 2, 1, w -> w.get(0).multiply(w.get(1)).exp()))
                .add(Reals.dot(y, y).sqrt());
        double[] g = AD.grad(f, x);
        double expected = g[0] * v[0] + g[1] * v[1] + g[2] * v[2];
        assertThat(d(f, x, v).value()).isCloseTo(expected, within(1e-13 * Math.max(1, Math.abs(expected))));
    }
}
