package dev.nabla.core.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nabla.core.field.Matrices;
import dev.nabla.core.field.Vectors;
import dev.nabla.core.geometry.StationaryPoint.Kind;
import dev.nabla.core.optim.TestProblems;
import dev.nabla.core.optim.TestProblems.HandField;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SteepestAscentTest {

    /** The documents' worked example f = x² sin y + y³, ∇f = (2x sin y, x² cos y + 3y²). */
    static final HandField EXAMPLE = new HandField("x^2*sin(y) + y^3", 2,
            x -> x[0] * x[0] * Math.sin(x[1]) + Math.pow(x[1], 3),
            x -> new double[] {2 * x[0] * Math.sin(x[1]), x[0] * x[0] * Math.cos(x[1]) + 3 * x[1] * x[1]},
            x -> new double[][] {{2 * Math.sin(x[1]), 2 * x[0] * Math.cos(x[1])},
                {2 * x[0] * Math.cos(x[1]), -x[0] * x[0] * Math.sin(x[1]) + 6 * x[1]}});

    @Test
    void steepestAscentOfTheWorkedExampleIsTheNormalisedGradient() {
        double[] x = {0.7, 1.2};
        SteepestAscent s = SteepestAscent.at(EXAMPLE, x);
        double gx = 2 * 0.7 * Math.sin(1.2);
        double gy = 0.49 * Math.cos(1.2) + 3 * 1.44;
        double norm = Math.hypot(gx, gy);
        assertThat(s.isStationary()).isFalse();
        assertThat(s.rate()).isCloseTo(norm, within(1e-15));
        assertThat(s.descentRate()).isCloseTo(-norm, within(1e-15));
        assertThat(s.ascent().orElseThrow()).containsExactly(new double[] {gx / norm, gy / norm}, within(1e-15));
        assertThat(s.descent().orElseThrow()).containsExactly(new double[] {-gx / norm, -gy / norm}, within(1e-15));
        // Cauchy–Schwarz: no unit direction climbs faster than ‖∇f‖ (checked on 1000 seeded directions).
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 1000; i++) {
            double[] v = Vectors.normalise(new double[] {random.nextDouble(-1, 1), random.nextDouble(-1, 1)});
            assertThat(Math.abs(EXAMPLE.directionalDerivative(x, v))).isLessThanOrEqualTo(s.rate() * (1 + 1e-15));
        }
    }

    @Test
    void profileIsNormTimesCosineOfTheAngleToTheGradient() {
        SteepestAscent s = SteepestAscent.at(EXAMPLE, new double[] {0.7, 1.2});
        var profile = s.profile(360);
        assertThat(profile).hasSize(360);
        double max = Double.NEGATIVE_INFINITY;
        for (var p : profile) {
            assertThat(p.directionalDerivative())
                    .isCloseTo(s.rate() * Math.cos(p.angle() - s.gradientAngle()), within(1e-13));
            assertThat(p.directionalDerivative())
                    .isCloseTo(EXAMPLE.directionalDerivative(new double[] {0.7, 1.2}, p.direction()), within(1e-13));
            max = Math.max(max, p.directionalDerivative());
        }
        // 1° sampling misses the peak by at most ‖∇f‖(1 − cos 0.5°).
        assertThat(max).isCloseTo(s.rate(), within(s.rate() * 4e-5));
        assertThatThrownBy(() -> SteepestAscent.at(RandomFields.smooth(3, new SplittableRandom(1)), new double[3]).profile(8))
                .hasMessageContaining("2-D");
    }

    @Test
    void classifiesStationaryPointsByTheHessian() {
        assertThat(kindAtOrigin(new double[][] {{2, 0}, {0, 3}})).isEqualTo(Kind.MINIMUM);
        assertThat(kindAtOrigin(new double[][] {{-2, 1}, {1, -3}})).isEqualTo(Kind.MAXIMUM);
        assertThat(kindAtOrigin(new double[][] {{1, 0}, {0, -1}})).isEqualTo(Kind.SADDLE);
        assertThat(kindAtOrigin(new double[][] {{0, 0}, {0, 2}})).isEqualTo(Kind.DEGENERATE);
        // x⁴ + y²: the Hessian at 0 is diag(0, 2), so the second-order test is inconclusive.
        HandField quartic = new HandField("x^4 + y^2", 2, x -> Math.pow(x[0], 4) + x[1] * x[1],
                x -> new double[] {4 * Math.pow(x[0], 3), 2 * x[1]}, x -> new double[][] {{12 * x[0] * x[0], 0}, {0, 2}});
        SteepestAscent s = SteepestAscent.at(quartic, new double[] {0, 0});
        assertThat(s.isStationary()).isTrue();
        assertThat(s.ascent()).isEmpty();
        assertThat(s.stationary().orElseThrow().kind()).isEqualTo(Kind.DEGENERATE);
    }

    private static Kind kindAtOrigin(double[][] q) {
        return SteepestAscent.at(TestProblems.quadratic("q", q), new double[] {0, 0}).stationary().orElseThrow().kind();
    }

    @Test
    void exercise5QuadraticFormGradientDirectionalDerivativeAndGlobalMinimum() {
        // f = ½xᵀQx, Q symmetric positive definite: ∇f = Qx, D_v f = vᵀQx, and ∇f = 0 only at 0, the global minimum.
        SplittableRandom random = new SplittableRandom(5);
        double[][] q = TestProblems.rotatedDiagonal(new double[] {0.5, 2, 7}, random);
        HandField f = TestProblems.quadratic("½xᵀQx", q);
        for (int i = 0; i < 200; i++) {
            double[] x = RandomFields.uniform(3, random);
            double[] v = RandomFields.uniform(3, random);
            // Central differences of a quadratic are exact up to rounding (~1e-11 for |f| ≤ 100, h = 1e-5).
            assertThat(RandomFields.centralDifference(f, x, v)).isCloseTo(Vectors.dot(v, Matrices.multiply(q, x)), within(1e-8));
            assertThat(f.directionalDerivative(x, v)).isCloseTo(Vectors.dot(v, Matrices.multiply(q, x)), within(1e-12));
            assertThat(f.value(x)).isGreaterThan(f.value(new double[3]));
        }
        SteepestAscent atZero = SteepestAscent.at(f, new double[3]);
        assertThat(atZero.isStationary()).isTrue();
        StationaryPoint sp = atZero.stationary().orElseThrow();
        assertThat(sp.kind()).isEqualTo(Kind.MINIMUM);
        assertThat(sp.eigenvalues()).containsExactly(new double[] {0.5, 2, 7}, within(1e-13));
    }
}
