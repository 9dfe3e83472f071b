package dev.nabla.core.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nabla.core.field.Vectors;
import dev.nabla.core.optim.TestProblems;
import dev.nabla.core.optim.TestProblems.HandField;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LevelSetTest {

    static final HandField CIRCLE = new HandField("x^2 + y^2", 2, x -> x[0] * x[0] + x[1] * x[1],
            x -> new double[] {2 * x[0], 2 * x[1]}, x -> new double[][] {{2, 0}, {0, 2}});

    @Test
    void tangentLineOfACircle() {
        LevelSet l = LevelSet.through(CIRCLE, new double[] {1, 2});
        assertThat(l.level()).isEqualTo(5);
        assertThat(l.unitNormal()).containsExactly(new double[] {1 / Math.sqrt(5), 2 / Math.sqrt(5)}, within(1e-15));
        assertThat(l.tangent()).hasToString("2*(x1 - 1) + 4*(x2 - 2) = 0");
        assertThat(l.tangentDimension()).isEqualTo(1);
        double[] w = l.tangentBasis().get(0);
        assertThat(Math.abs(w[0] * 2 - w[1] * 1) / Math.sqrt(5)).isCloseTo(1, within(1e-15));
    }

    @Test
    void equationPrintsSignsUnitCoefficientsAndDecimals() {
        assertThat(new TangentEquation(new double[] {-1, 0, 0.5}, new double[] {-2, 7, 0}, List.of("x", "y", "z")))
                .hasToString("-(x + 2) + 0.5*z = 0");
        assertThat(new TangentEquation(new double[] {2, -3}, new double[] {0.1, 1.0 / 3}, List.of("x", "y")))
                .hasToString("2*(x - 0.1) - 3*(y - 0.3333333333) = 0");
    }

    @Test
    void refusesAPointWhereTheGradientVanishes() {
        assertThatThrownBy(() -> LevelSet.through(CIRCLE, new double[] {0, 0})).hasMessageContaining("no normal");
    }

    static IntStream seeds() {
        return IntStream.range(0, 50);
    }

    /** D_w f = ∇f·w = 0 for every tangent basis vector w, over random fields and points in 2 to 7 dimensions. */
    @ParameterizedTest
    @MethodSource("seeds")
    void directionalDerivativeAlongTheTangentSpaceVanishes(int seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = 2 + random.nextInt(6);
        HandField f = RandomFields.smooth(n, random);
        double[] x = RandomFields.uniform(n, random);
        LevelSet l = LevelSet.through(f, x);
        double scale = Vectors.norm(l.gradient());
        assertThat(l.tangentBasis()).hasSize(n - 1);
        for (int i = 0; i < n - 1; i++) {
            double[] w = l.tangentBasis().get(i);
            // Exact derivatives: ∇f·w is zero up to rounding, a few ulps of ‖∇f‖.
            assertThat(f.directionalDerivative(x, w)).isCloseTo(0, within(1e-14 * scale));
            // and the central difference agrees that f does not change to first order along w.
            assertThat(RandomFields.centralDifference(f, x, w)).isCloseTo(0, within(1e-8 * Math.max(1, scale)));
            assertThat(Vectors.dot(w, l.unitNormal())).isCloseTo(0, within(1e-15));
            for (int j = 0; j < n - 1; j++) {
                assertThat(Vectors.dot(w, l.tangentBasis().get(j))).isCloseTo(i == j ? 1 : 0, within(1e-15));
            }
            // tangent vectors satisfy the tangent-plane equation: a·((x + w) − x) = 0.
            assertThat(l.tangent().evaluate(Vectors.add(x, w))).isCloseTo(0, within(1e-13 * scale));
        }
        assertThat(Vectors.norm(l.unitNormal())).isCloseTo(1, within(1e-15));
        assertThat(f.directionalDerivative(x, l.unitNormal())).isCloseTo(scale, within(1e-13 * scale));
    }

    @Test
    void householderComplementWorksForEverySignPattern() {
        for (double[] u : List.of(new double[] {1, 0, 0}, new double[] {0, -1, 0}, new double[] {0.6, -0.8},
                Vectors.normalise(new double[] {-1, -1, -1, -1}))) {
            List<double[]> basis = LevelSet.orthogonalComplement(u);
            assertThat(basis).hasSize(u.length - 1);
            for (double[] w : basis) {
                assertThat(Vectors.dot(w, u)).isCloseTo(0, within(1e-15));
                assertThat(Vectors.norm(w)).isCloseTo(1, within(1e-15));
            }
        }
        assertThat(TestProblems.quadratic("q", new double[][] {{1}}).dimension()).isEqualTo(1);
    }
}
