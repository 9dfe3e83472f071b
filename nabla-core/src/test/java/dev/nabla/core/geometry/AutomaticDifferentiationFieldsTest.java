package dev.nabla.core.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.nabla.core.ad.AD;
import dev.nabla.core.ad.Real;
import dev.nabla.core.ad.RealFunction;
import dev.nabla.core.field.DifferentiableScalarField;
import dev.nabla.core.field.Vectors;
import dev.nabla.core.optim.Lbfgs;
import dev.nabla.core.optim.OptimizationResult;
import dev.nabla.core.optim.RiemannianGradientDescent;
import dev.nabla.core.optim.StopReason;
import dev.nabla.core.optim.StrongWolfe;
import dev.nabla.core.optim.Termination;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Geometry and optimisation on fields differentiated by the AD engine (Java code), with AD itself as the
 * independent oracle: a function written directly in curvilinear coordinates, or a composition written out
 * by hand, is differentiated by AD and compared with the chain-rule results of this package.
 */
class AutomaticDifferentiationFieldsTest {

    /** f(x, y, z) = exp(x y / 4) sin(z) + x² y − cos(x z), a Cartesian field written once against Real. */
    static Real f(Real x, Real y, Real z) {
        return x.multiply(y).divide(4).exp().multiply(z.sin()).add(x.square().multiply(y)).subtract(x.multiply(z).cos());
    }

    static IntStream seeds() {
        return IntStream.range(0, 20);
    }

    /**
     * φ(r, θ, ϕ) = f(r sin θ cos ϕ, r sin θ sin ϕ, r cos θ) written directly in spherical coordinates and
     * differentiated by AD must equal the pulled-back field: gradient (first-order chain rule) and
     * Hessian-vector product (second-order chain rule with the hand-coded Hessians of T).
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void sphericalPullBackMatchesAFunctionWrittenInSphericalCoordinates(int seed) {
        SplittableRandom random = new SplittableRandom(seed);
        DifferentiableScalarField cartesian = AD.field(x -> f(x[0], x[1], x[2]), 3);
        DifferentiableScalarField direct = AD.field(q -> {
            Real st = q[1].sin();
            return f(q[0].multiply(st).multiply(q[2].cos()), q[0].multiply(st).multiply(q[2].sin()),
                    q[0].multiply(q[1].cos()));
        }, 3);
        DifferentiableScalarField pulled = CoordinateSystem.SPHERICAL.pullBack(cartesian);
        double[] q = {random.nextDouble(0.3, 2), random.nextDouble(0.2, 3), random.nextDouble(-3, 3)};
        double[] v = RandomFields.uniform(3, random);
        double[] expected = direct.gradient(q);
        double scale = Math.max(1, Vectors.norm(expected));
        // both are exact derivatives of the same function in different operation orders: rounding only.
        assertThat(pulled.gradient(q)).containsExactly(expected, within(1e-13 * scale));
        double[] hv = direct.hessianVectorProduct(q, v);
        assertThat(pulled.hessianVectorProduct(q, v)).containsExactly(hv, within(1e-12 * Math.max(1, Vectors.norm(hv))));
        assertThat(pulled.value(q)).isCloseTo(direct.value(q), within(1e-14 * Math.max(1, Math.abs(direct.value(q)))));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void polarAndCylindricalPullBacksMatchFunctionsWrittenInThoseCoordinates(int seed) {
        SplittableRandom random = new SplittableRandom(seed);
        DifferentiableScalarField cartesian = AD.field(x -> f(x[0], x[1], x[2]), 3);
        DifferentiableScalarField direct = AD.field(q -> f(q[0].multiply(q[1].cos()), q[0].multiply(q[1].sin()), q[2]), 3);
        DifferentiableScalarField pulled = CoordinateSystem.CYLINDRICAL.pullBack(cartesian);
        double[] q = {random.nextDouble(0.3, 2), random.nextDouble(-3, 3), random.nextDouble(-1, 1)};
        double[] v = RandomFields.uniform(3, random);
        assertThat(pulled.gradient(q)).containsExactly(direct.gradient(q), within(1e-12));
        assertThat(pulled.hessianVectorProduct(q, v)).containsExactly(direct.hessianVectorProduct(q, v), within(1e-11));

        DifferentiableScalarField planar = AD.field(x -> x[0].square().multiply(x[1]).add(x[1].exp()), 2);
        DifferentiableScalarField planarDirect = AD.field(p -> {
            Real x = p[0].multiply(p[1].cos());
            Real y = p[0].multiply(p[1].sin());
            return x.square().multiply(y).add(y.exp());
        }, 2);
        double[] p = {q[0], q[1]};
        assertThat(CoordinateSystem.POLAR.pullBack(planar).hessianVectorProduct(p, new double[] {v[0], v[1]}))
                .containsExactly(planarDirect.hessianVectorProduct(p, new double[] {v[0], v[1]}), within(1e-11));
    }

    /** g∘u through {@link ChainRule} equals AD of the composition written out (u from AD.vectorField). */
    @ParameterizedTest
    @MethodSource("seeds")
    void chainRuleOfAdFieldsMatchesAdOfTheComposition(int seed) {
        SplittableRandom random = new SplittableRandom(seed);
        DifferentiableScalarField g = AD.field(u -> f(u[0], u[1], u[2]), 3);
        var u = AD.vectorField(x -> new Real[] {x[0].multiply(x[1]), x[0].add(x[1].square()), x[0].sin()}, 2, 3);
        DifferentiableScalarField composed = ChainRule.compose(g, u, 2);
        DifferentiableScalarField direct = AD.field(x -> f(x[0].multiply(x[1]), x[0].add(x[1].square()), x[0].sin()), 2);
        double[] x = RandomFields.uniform(2, random);
        double[] v = RandomFields.uniform(2, random);
        double[] grad = direct.gradient(x);
        assertThat(composed.gradient(x)).containsExactly(grad, within(1e-12 * Math.max(1, Vectors.norm(grad))));
        assertThat(composed.directionalDerivative(x, v)).isCloseTo(direct.directionalDerivative(x, v),
                within(1e-12 * Math.max(1, Vectors.norm(grad) * Vectors.norm(v))));
        // the curvature term of a plain DifferentiableVectorField is a central difference (error ~1e-10 relative).
        double[] hv = direct.hessianVectorProduct(x, v);
        assertThat(composed.hessianVectorProduct(x, v)).containsExactly(hv, within(1e-6 * Math.max(1, Vectors.norm(hv))));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void tangentSpaceOfAnAdFieldLevelSetHasZeroDirectionalDerivative(int seed) {
        SplittableRandom random = new SplittableRandom(seed);
        DifferentiableScalarField field = AD.field(x -> f(x[0], x[1], x[2]), 3);
        double[] x = RandomFields.uniform(3, random);
        LevelSet l = LevelSet.through(field, x);
        for (double[] w : l.tangentBasis()) {
            // D_w f by forward mode (no gradient formed) vanishes to rounding of ‖∇f‖.
            assertThat(field.directionalDerivative(x, w)).isCloseTo(0, within(1e-14 * Math.max(1, Vectors.norm(l.gradient()))));
        }
    }

    @Test
    void lbfgsMinimisesTheExtendedRosenbrockFunctionWrittenWithAd() {
        int n = 20;
        RealFunction rosenbrock = x -> {
            Real s = x[0].constant(0);
            for (int i = 0; i + 1 < n; i++) {
                s = s.add(x[i + 1].subtract(x[i].square()).square().multiply(100)).add(x[i].subtract(1).square());
            }
            return s;
        };
        double[] x0 = new double[n];
        for (int i = 0; i < n; i++) {
            x0[i] = i % 2 == 0 ? -1.2 : 1;
        }
        OptimizationResult r = new Lbfgs(10, StrongWolfe.DEFAULT, Termination.DEFAULT).minimize(AD.field(rosenbrock, n), x0);
        assertThat(r.stopReason()).isEqualTo(StopReason.GRADIENT_TOLERANCE);
        double[] ones = new double[n];
        java.util.Arrays.fill(ones, 1);
        // the global minimiser (1, …, 1); ‖∇f‖ ≤ 1e-8 with the smallest Hessian eigenvalue ~0.4 there.
        assertThat(r.point()).containsExactly(ones, within(1e-7));
        assertThat(r.armijoHoldsAtEveryStep(1e-4)).isTrue();
    }

    @Test
    void riemannianDescentOnTheSphereWithAnAdObjective() {
        // min over the unit sphere of x₁ + 2x₂ − 2x₃ is −‖(1, 2, −2)‖ = −3 at −(1, 2, −2)/3.
        DifferentiableScalarField linear = AD.field(x -> x[0].add(x[1].multiply(2)).subtract(x[2].multiply(2)), 3);
        OptimizationResult r = new RiemannianGradientDescent(new Sphere(3)).minimize(linear, new double[] {1, 0, 0});
        assertThat(r.value()).isCloseTo(-3, within(1e-12));
        assertThat(r.point()).containsExactly(new double[] {-1.0 / 3, -2.0 / 3, 2.0 / 3}, within(1e-7));
    }
}
