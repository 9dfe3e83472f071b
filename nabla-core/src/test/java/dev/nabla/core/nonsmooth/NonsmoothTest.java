package dev.nabla.core.nonsmooth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.nabla.core.TestFields;
import dev.nabla.core.field.DifferentiableScalarField;
import dev.nabla.core.field.ScalarField;
import dev.nabla.core.field.Vectors;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class NonsmoothTest {

    /** ‖x‖ in R², with gradient x/‖x‖ and the convention 0 at the origin (a kink). */
    static final DifferentiableScalarField NORM = TestFields.of(2, Vectors::norm,
            x -> Vectors.norm(x) == 0 ? new double[2] : Vectors.scale(1 / Vectors.norm(x), x),
            x -> Vectors.norm(x) == 0);

    /** max(x, y), following x at a tie. */
    static final DifferentiableScalarField MAX = TestFields.of(2, x -> Math.max(x[0], x[1]),
            x -> x[0] >= x[1] ? new double[] {1, 0} : new double[] {0, 1}, x -> x[0] == x[1]);

    @Test
    void minimumNormElementOfASegmentThroughTheDiagonal() {
        MinimumNormElement e = MinimumNormElement.of(List.of(new double[] {1, 0}, new double[] {0, 1}));
        assertThat(e.element()).containsExactly(new double[] {0.5, 0.5}, within(1e-15));
        assertThat(e.weights()).containsExactly(new double[] {0.5, 0.5}, within(1e-15));
        assertThat(e.norm()).isCloseTo(Math.sqrt(0.5), within(1e-15));
    }

    @Test
    void minimumNormElementAtAVertex() {
        MinimumNormElement e = MinimumNormElement.of(List.of(new double[] {3, 4}, new double[] {1, 2}, new double[] {2, 5}));
        assertThat(e.element()).containsExactly(new double[] {1, 2}, within(1e-15));
    }

    static Stream<Long> seeds() {
        return IntStream.range(0, 60).mapToObj(i -> 1000L + i);
    }

    /**
     * Wolfe's algorithm on random point clouds (m ≤ 30 points, n ≤ 6, some shifted away from 0, some around
     * it): the result satisfies the optimality certificate g_i·g* ≥ ‖g*‖² for every i (up to 1e-9·max‖g‖²),
     * and is the stated convex combination.
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void minimumNormElementSatisfiesTheOptimalityCertificate(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = 1 + random.nextInt(6);
        int m = 1 + random.nextInt(30);
        double[] shift = new double[n];
        for (int i = 0; i < n; i++) {
            shift[i] = random.nextBoolean() ? random.nextDouble(-3, 3) : 0;
        }
        List<double[]> points = new ArrayList<>();
        double maxSq = 0;
        for (int k = 0; k < m; k++) {
            double[] p = new double[n];
            for (int i = 0; i < n; i++) {
                p[i] = shift[i] + random.nextDouble(-1, 1);
            }
            points.add(p);
            maxSq = Math.max(maxSq, Vectors.dot(p, p));
        }
        MinimumNormElement e = MinimumNormElement.of(points);
        double[] g = e.element();
        double[] w = e.weights();
        double[] combination = new double[n];
        double sum = 0;
        for (int k = 0; k < m; k++) {
            assertThat(w[k]).isGreaterThanOrEqualTo(0);
            sum += w[k];
            combination = Vectors.axpy(w[k], points.get(k), combination);
            assertThat(Vectors.dot(points.get(k), g)).isGreaterThanOrEqualTo(Vectors.dot(g, g) - 1e-9 * maxSq);
        }
        assertThat(sum).isCloseTo(1, within(1e-12));
        for (int i = 0; i < n; i++) {
            assertThat(combination[i]).isCloseTo(g[i], within(1e-10));
        }
    }

    @Test
    void setsPrintReadably() {
        assertThat(new ClarkeSet.Interval(-1, 1)).hasToString("[-1, 1]");
        assertThat(ClarkeSet.Ball.unit(2)).hasToString("unit ball {g : ‖g‖ ≤ 1}");
        assertThat(new ClarkeSet.Ball(new double[] {1, 0.5}, 2)).hasToString("ball {g : ‖g − (1, 0.5)‖ ≤ 2}");
        assertThat(ClarkeSet.point(new double[] {2, -3})).hasToString("{(2, -3)}");
        // the interior point (0.25, 0.25) and the duplicate vertex are dropped
        ClarkeSet hull = ClarkeSet.hull(List.of(new double[] {1, 0}, new double[] {0.25, 0.25}, new double[] {0, 1},
                new double[] {0, 0}, new double[] {1, 0}));
        assertThat(hull).hasToString("conv{(1, 0), (0, 1), (0, 0)}");
    }

    @Test
    void supportFunctionIsTheClarkeDirectionalDerivative() {
        // ‖·‖ at 0: f°(0; v) = max_{‖g‖ ≤ 1} g·v = ‖v‖
        assertThat(ClarkeSet.Ball.unit(2).support(new double[] {3, 4})).isCloseTo(5, within(1e-15));
        // max(x, y) on the diagonal: f°(x; v) = max(v1, v2)
        ClarkeSet diagonal = ClarkeSet.hull(List.of(new double[] {1, 0}, new double[] {0, 1}));
        assertThat(diagonal.support(new double[] {-2, 0.5})).isEqualTo(0.5);
        assertThat(diagonal.contains(new double[] {0.3, 0.7}, 1e-12)).isTrue();
        assertThat(diagonal.distance(new double[] {0, 0})).isCloseTo(Math.sqrt(0.5), within(1e-12));
        assertThat(new ClarkeSet.Interval(-1, 1).minimumNormElement()).containsExactly(0);
        assertThat(new ClarkeSet.Interval(2, 3).minimumNormElement()).containsExactly(2);
    }

    @Test
    void gradientSamplingAtTheOriginOfTheNormFindsZeroInTheHull() {
        SampledSubdifferential s = GradientSampling.sample(NORM, new double[] {0, 0});
        // every sampled gradient away from 0 is a unit vector; together they surround 0
        for (int k = 1; k < s.gradients().size(); k++) {
            assertThat(Vectors.norm(s.gradients().get(k))).isCloseTo(1, within(1e-12));
        }
        assertThat(s.stationarity()).isLessThan(1e-6);
        assertThat(s.descentDirection()).containsOnly(0.0);
    }

    /**
     * Exercise 2: the Clarke subdifferential of sqrt(x² + y²) at 0 is the unit ball. The sampled hull lies in
     * the ball and fills it: its support function h(v) = max_{g} g·v comes within 1 % of the ball's ‖v‖ in
     * every direction (with 400 samples the largest angular gap between unit gradients is far below the
     * 2·acos(0.99) ≈ 16° that a 1 % shortfall would need).
     */
    @Test
    void exercise2SampledClarkeSetOfTheNormAtTheOriginFillsTheUnitBall() {
        SampledSubdifferential s = GradientSampling.sample(NORM, new double[] {0, 0}, 1e-6, 400, new SplittableRandom(3));
        ClarkeSet hull = s.hull();
        ClarkeSet ball = ClarkeSet.Ball.unit(2);
        for (double[] g : s.gradients()) {
            assertThat(ball.contains(g, 1e-12)).isTrue();
        }
        for (int k = 0; k < 36; k++) {
            double[] v = {Math.cos(k * Math.PI / 18), Math.sin(k * Math.PI / 18)};
            assertThat(hull.support(v)).isBetween(0.99, 1 + 1e-12);
        }
        assertThat(s.stationarity()).isLessThan(1e-9);
    }

    @Test
    void gradientSamplingOnTheTieOfMaxGivesTheSegmentAndItsMinimumNormElement() {
        SampledSubdifferential s = GradientSampling.sample(MAX, new double[] {1, 1});
        assertThat(s.hull()).hasToString("conv{(1, 0), (0, 1)}");
        assertThat(s.minimumNormElement()).containsExactly(new double[] {0.5, 0.5}, within(1e-12));
        assertThat(s.descentDirection()).containsExactly(new double[] {-Math.sqrt(0.5), -Math.sqrt(0.5)}, within(1e-12));
    }

    @Test
    void aSampledEstimateSaysItIsAnEstimateAndDecidesStationarity() {
        ClarkeSubdifferential atTie = ClarkeSubdifferential.estimate(GradientSampling.sample(MAX, new double[] {1, 1}));
        assertThat(atTie.kind()).isEqualTo(ClarkeSubdifferential.Kind.ESTIMATE);
        assertThat(atTie.toString()).startsWith("∂f ≈ conv{(1, 0), (0, 1)} at (1, 1)");
        assertThat(atTie.isStationary(1e-9)).isFalse();
        assertThat(ClarkeSubdifferential.estimate(GradientSampling.sample(NORM, new double[] {0, 0})).isStationary(1e-9)).isTrue();
    }

    @Test
    void gradientSamplingOfABlackBoxUsesDifferences() {
        ScalarField abs = x -> Math.abs(x[0]);
        SampledSubdifferential s = GradientSampling.sample(abs, new double[] {0});
        ClarkeSet.Interval hull = (ClarkeSet.Interval) s.hull();
        // samples at distance ≫ the FD step give exactly ±1; those within the step give values in between
        assertThat(hull.lower()).isCloseTo(-1, within(1e-9));
        assertThat(hull.upper()).isCloseTo(1, within(1e-9));
        assertThat(s.stationarity()).isLessThan(1e-9);
    }

    @Test
    void atASmoothPointTheSampledSetShrinksToTheGradient() {
        DifferentiableScalarField f = TestFields.of(2, x -> x[0] * x[0] + 3 * x[1] * x[1],
                x -> new double[] {2 * x[0], 6 * x[1]});
        SampledSubdifferential s = GradientSampling.sample(f, new double[] {1, 2}, 1e-6, 20, new SplittableRandom(7));
        // gradients within 1e-6 of x differ from ∇f(x) = (2, 12) by at most ‖H‖·ε = 6e-6
        assertThat(s.stationarity()).isCloseTo(Math.sqrt(4 + 144), within(1e-5));
        SampledSubdifferential again = GradientSampling.sample(f, new double[] {1, 2}, 1e-6, 20, new SplittableRandom(7));
        assertThat(again.samplePoints().get(5)).containsExactly(s.samplePoints().get(5));
    }
}
