package dev.nabla.core.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nabla.core.field.Vectors;
import dev.nabla.core.optim.TestProblems.HandField;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ManifoldTest {

    /** The ellipsoid c(x) = x₁² + 2x₂² + 3x₃² − 1 = 0. */
    static final HandField ELLIPSOID = new HandField("x^2 + 2y^2 + 3z^2 - 1", 3,
            x -> x[0] * x[0] + 2 * x[1] * x[1] + 3 * x[2] * x[2] - 1,
            x -> new double[] {2 * x[0], 4 * x[1], 6 * x[2]},
            x -> new double[][] {{2, 0, 0}, {0, 4, 0}, {0, 0, 6}});

    static Stream<Arguments> manifoldsAndSeeds() {
        return Stream.of(new Sphere(4), new Stiefel(4, 2), new Stiefel(3, 3), new LevelSetManifold(ELLIPSOID))
                .flatMap(m -> IntStream.range(0, 15).mapToObj(seed -> Arguments.of(m, seed)));
    }

    static double[] randomPoint(Manifold m, SplittableRandom random) {
        return m.projectOnto(RandomFields.uniform(m.ambientDimension(), random));
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("manifoldsAndSeeds")
    void projectionIsAnOrthogonalProjectorOntoTheTangentSpace(Manifold m, int seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = randomPoint(m, random);
        assertThat(m.constraintViolation(x)).isLessThan(1e-12);
        double[] v = RandomFields.uniform(m.ambientDimension(), random);
        double[] pv = m.projectToTangent(x, v);
        // idempotent, and v − Pv is orthogonal to the tangent space (so to Pv and to P w for any w).
        assertThat(m.projectToTangent(x, pv)).containsExactly(pv, within(1e-13));
        double[] w = m.projectToTangent(x, RandomFields.uniform(m.ambientDimension(), random));
        assertThat(Vectors.dot(Vectors.subtract(v, pv), w)).isCloseTo(0, within(1e-13));
        // tangent: moving along Pv leaves the constraint unchanged to first order (central difference).
        double h = 1e-5;
        double forward = m.constraintViolation(Vectors.axpy(h, pv, x));
        assertThat(forward).isLessThan(10 * h * h * Math.max(1, Vectors.dot(pv, pv)));
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("manifoldsAndSeeds")
    void retractionStaysOnTheManifoldAndIsFirstOrderTheIdentity(Manifold m, int seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = randomPoint(m, random);
        double[] v = m.projectToTangent(x, RandomFields.uniform(m.ambientDimension(), random));
        assertThat(m.constraintViolation(m.retract(x, Vectors.scale(0.3, v)))).isLessThan(1e-12);
        assertThat(m.retract(x, new double[m.ambientDimension()])).containsExactly(x, within(1e-12));
        // d/dt R_x(tv) at 0 = v: central difference with t = 1e-5 (error O(t²) ≈ 1e-10 · curvature).
        double t = 1e-5;
        double[] derivative = Vectors.scale(1 / (2 * t),
                Vectors.subtract(m.retract(x, Vectors.scale(t, v)), m.retract(x, Vectors.scale(-t, v))));
        assertThat(derivative).containsExactly(v, within(1e-7));
    }

    /** ⟨grad f(x), w⟩ = D_w f(x) for every tangent w: the defining property of the Riemannian gradient. */
    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("manifoldsAndSeeds")
    void riemannianGradientRepresentsTheDirectionalDerivativeOnTangentVectors(Manifold m, int seed) {
        SplittableRandom random = new SplittableRandom(seed);
        HandField f = RandomFields.smooth(m.ambientDimension(), random);
        double[] x = randomPoint(m, random);
        double[] rgrad = m.riemannianGradient(x, f.gradient(x));
        assertThat(m.projectToTangent(x, rgrad)).containsExactly(rgrad, within(1e-12));
        for (int k = 0; k < 5; k++) {
            double[] w = m.projectToTangent(x, RandomFields.uniform(m.ambientDimension(), random));
            assertThat(Vectors.dot(rgrad, w)).isCloseTo(f.directionalDerivative(x, w), within(1e-12 * Math.max(1, Vectors.norm(rgrad))));
            // and D_w f along the manifold curve t ↦ R_x(tw) agrees (central difference, t = 1e-5).
            double t = 1e-5;
            double along = (f.value(m.retract(x, Vectors.scale(t, w))) - f.value(m.retract(x, Vectors.scale(-t, w)))) / (2 * t);
            assertThat(along).isCloseTo(Vectors.dot(rgrad, w), within(1e-6 * Math.max(1, Vectors.norm(w))));
        }
    }

    @Test
    void stiefelTangentVectorsSatisfyTheSkewCondition() {
        Stiefel st = new Stiefel(5, 3);
        SplittableRandom random = new SplittableRandom(3);
        double[] x = st.projectOnto(RandomFields.uniform(15, random));
        double[] v = st.projectToTangent(x, RandomFields.uniform(15, random));
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                double xtv = 0;
                double vtx = 0;
                for (int i = 0; i < 5; i++) {
                    xtv += x[i * 3 + a] * v[i * 3 + b];
                    vtx += v[i * 3 + a] * x[i * 3 + b];
                }
                assertThat(xtv + vtx).isCloseTo(0, within(1e-14));
            }
        }
    }

    @Test
    void badInputIsRefusedClearly() {
        assertThatThrownBy(() -> new Sphere(3).projectOnto(new double[3])).hasMessageContaining("origin");
        assertThatThrownBy(() -> new Stiefel(2, 3)).hasMessageContaining("1 ≤ p ≤ n");
        assertThatThrownBy(() -> new Stiefel(3, 2).projectOnto(new double[] {1, 2, 2, 4, 3, 6}))
                .hasMessageContaining("linearly dependent");
        assertThatThrownBy(() -> new LevelSetManifold(ELLIPSOID).projectToTangent(new double[3], new double[] {1, 0, 0}))
                .hasMessageContaining("no tangent space");
    }
}
