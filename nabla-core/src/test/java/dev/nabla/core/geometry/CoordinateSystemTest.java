package dev.nabla.core.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nabla.core.field.DifferentiableScalarField;
import dev.nabla.core.field.DomainException;
import dev.nabla.core.field.Matrices;
import dev.nabla.core.field.Vectors;
import dev.nabla.core.optim.TestProblems.HandField;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CoordinateSystemTest {

    /** ln(x² + y²). */
    static final HandField LOG_RADIUS = new HandField("ln(x^2 + y^2)", 2, x -> Math.log(x[0] * x[0] + x[1] * x[1]),
            x -> {
                double s = x[0] * x[0] + x[1] * x[1];
                return new double[] {2 * x[0] / s, 2 * x[1] / s};
            },
            x -> {
                double s = x[0] * x[0] + x[1] * x[1];
                return new double[][] {{2 / s - 4 * x[0] * x[0] / (s * s), -4 * x[0] * x[1] / (s * s)},
                    {-4 * x[0] * x[1] / (s * s), 2 / s - 4 * x[1] * x[1] / (s * s)}};
            });

    @Test
    void exercise4LogOfSquaredRadiusInPolarForm() {
        // f = ln(x² + y²) = ln r² = 2 ln r: f_r = 2/r, f_θ = 0 at every point.
        SplittableRandom random = new SplittableRandom(4);
        for (int i = 0; i < 100; i++) {
            double r = random.nextDouble(0.1, 10);
            double theta = random.nextDouble(-Math.PI, Math.PI);
            CurvilinearGradient g = CoordinateSystem.POLAR.gradient(LOG_RADIUS, new double[] {r, theta});
            assertThat(g.partials()[0]).isCloseTo(2 / r, within(1e-14 * (2 / r)));
            assertThat(g.partials()[1]).isCloseTo(0, within(1e-14));
            assertThat(g.components()).containsExactly(new double[] {2 / r, 0}, within(1e-13 / r));
            assertThat(CoordinateSystem.POLAR.pullBack(LOG_RADIUS).value(new double[] {r, theta}))
                    .isCloseTo(2 * Math.log(r), within(1e-14 * Math.max(1, Math.abs(Math.log(r)))));
        }
        assertThat(CoordinateSystem.POLAR.pullBack(LOG_RADIUS).variables()).containsExactly("r", "theta");
    }

    static Stream<Arguments> systemsAndSeeds() {
        return Stream.of(CoordinateSystem.values())
                .flatMap(c -> IntStream.range(0, 30).mapToObj(seed -> Arguments.of(c, seed)));
    }

    static double[] randomCoordinates(CoordinateSystem c, SplittableRandom random) {
        return switch (c) {
            case POLAR -> new double[] {random.nextDouble(0.2, 3), random.nextDouble(-Math.PI, Math.PI)};
            case CYLINDRICAL -> new double[] {random.nextDouble(0.2, 3), random.nextDouble(-Math.PI, Math.PI),
                random.nextDouble(-2, 2)};
            case SPHERICAL -> new double[] {random.nextDouble(0.2, 3), random.nextDouble(0.1, Math.PI - 0.1),
                random.nextDouble(-Math.PI, Math.PI)};
        };
    }

    /**
     * The chain rule in three ways agrees: the pulled-back partials (∂φ/∂q_i)/h_i, the Cartesian directional
     * derivatives D_{e_i} f = ∇f·e_i, and J_Tᵀ∇f/h computed here by hand; Σ components_i e_i rebuilds ∇f.
     */
    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("systemsAndSeeds")
    void curvilinearGradientAgreesWithTheCartesianGradientThroughTheChainRule(CoordinateSystem c, int seed) {
        SplittableRandom random = new SplittableRandom(seed);
        HandField f = RandomFields.smooth(c.dimension(), random);
        double[] q = randomCoordinates(c, random);
        CurvilinearGradient g = c.gradient(f, q);
        double[] x = c.toCartesian(q);
        double[] cartesian = f.gradient(x);
        double scale = Math.max(1, Vectors.norm(cartesian));
        double[] byHand = Matrices.multiplyTransposed(c.jacobian(q), cartesian);
        double[] h = c.scaleFactors(q);
        double[] along = c.directionalDerivativesAlongBasis(f, q);
        for (int i = 0; i < c.dimension(); i++) {
            assertThat(g.partials()[i]).isCloseTo(byHand[i], within(1e-13 * scale * Math.max(1, h[i])));
            assertThat(g.components()[i]).isCloseTo(along[i], within(1e-13 * scale));
            // independent numeric check of ∂φ/∂q_i: central difference of φ = f∘T along the coordinate axis.
            assertThat(g.partials()[i]).isCloseTo(
                    RandomFields.centralDifference(c.pullBack(f), q, Vectors.unit(c.dimension(), i)),
                    within(1e-7 * scale * Math.max(1, h[i])));
        }
        assertThat(g.reassembled()).containsExactly(cartesian, within(1e-13 * scale));
        assertThat(g.gradient()).containsExactly(cartesian);
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("systemsAndSeeds")
    void basisIsOrthonormalAndCoordinatesRoundTrip(CoordinateSystem c, int seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] q = randomCoordinates(c, random);
        List<double[]> e = c.basis(q);
        for (int i = 0; i < e.size(); i++) {
            for (int j = 0; j < e.size(); j++) {
                assertThat(Vectors.dot(e.get(i), e.get(j))).isCloseTo(i == j ? 1 : 0, within(1e-15));
            }
        }
        assertThat(c.fromCartesian(c.toCartesian(q))).containsExactly(q, within(1e-14));
        // the map's Jacobian against central differences of T.
        double[][] jac = c.jacobian(q);
        for (int j = 0; j < c.dimension(); j++) {
            double[] v = Vectors.unit(c.dimension(), j);
            double[] plus = c.toCartesian(Vectors.axpy(1e-6, v, q));
            double[] minus = c.toCartesian(Vectors.axpy(-1e-6, v, q));
            for (int i = 0; i < c.dimension(); i++) {
                assertThat(jac[i][j]).isCloseTo((plus[i] - minus[i]) / 2e-6, within(1e-8));
            }
        }
    }

    /** The exact second-order chain rule (T's Hessians) against central differences of the pulled-back gradient. */
    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("systemsAndSeeds")
    void pulledBackHessianVectorProductMatchesDifferencesOfTheGradient(CoordinateSystem c, int seed) {
        SplittableRandom random = new SplittableRandom(seed);
        HandField f = RandomFields.smooth(c.dimension(), random);
        DifferentiableScalarField phi = c.pullBack(f);
        double[] q = randomCoordinates(c, random);
        double[] v = RandomFields.uniform(c.dimension(), random);
        double[] hv = phi.hessianVectorProduct(q, v);
        double[] plus = phi.gradient(Vectors.axpy(1e-5, v, q));
        double[] minus = phi.gradient(Vectors.axpy(-1e-5, v, q));
        double scale = Math.max(1, Vectors.norm(hv));
        for (int i = 0; i < c.dimension(); i++) {
            // truncation h²|∇⁴φ|/6 ≈ 1e-10·|∇⁴φ|, rounding ~1e-11·|∇φ|: 1e-6 relative is comfortable.
            assertThat(hv[i]).isCloseTo((plus[i] - minus[i]) / 2e-5, within(1e-6 * scale));
        }
    }

    @Test
    void sphericalUsesThePhysicsConvention() {
        // θ = 0 is the +z axis, φ = π/2 at θ = π/2 is the +y axis.
        assertThat(CoordinateSystem.SPHERICAL.toCartesian(new double[] {2, 0, 1.3})).containsExactly(
                new double[] {0, 0, 2}, within(1e-15));
        assertThat(CoordinateSystem.SPHERICAL.toCartesian(new double[] {1, Math.PI / 2, Math.PI / 2})).containsExactly(
                new double[] {0, 1, 0}, within(1e-15));
        assertThat(CoordinateSystem.SPHERICAL.scaleFactors(new double[] {2, Math.PI / 6, 0})).containsExactly(
                new double[] {1, 2, 1}, within(1e-15));
        assertThat(CoordinateSystem.SPHERICAL.coordinateNames()).containsExactly("r", "theta", "phi");
    }

    @Test
    void basisIsUndefinedOnTheAxisAndBadInputIsRefused() {
        assertThatThrownBy(() -> CoordinateSystem.POLAR.basis(new double[] {0, 1})).isInstanceOf(DomainException.class)
                .hasMessageContaining("e_theta");
        assertThatThrownBy(() -> CoordinateSystem.SPHERICAL.basis(new double[] {1, 0, 0}))
                .isInstanceOf(DomainException.class).hasMessageContaining("e_phi");
        assertThatThrownBy(() -> CoordinateSystem.POLAR.pullBack(RandomFields.smooth(3, new SplittableRandom(1))))
                .hasMessageContaining("3 variables");
        assertThatThrownBy(() -> CoordinateSystem.named("toroidal")).hasMessageContaining("unknown coordinate system");
        assertThat(CoordinateSystem.named("Spherical")).isEqualTo(CoordinateSystem.SPHERICAL);
    }
}
