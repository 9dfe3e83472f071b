package dev.nabla.core.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.nabla.core.field.DifferentiableScalarField;
import dev.nabla.core.field.DifferentiableVectorField;
import dev.nabla.core.field.Matrices;
import dev.nabla.core.field.Vectors;
import dev.nabla.core.optim.TestProblems.HandField;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ChainRuleTest {

    /** u(x, y) = (x y, x + y², sin x): R² → R³ with its Jacobian, no second derivatives (exercises the fallback). */
    static final DifferentiableVectorField U = new DifferentiableVectorField() {
        @Override
        public double[] value(double[] x) {
            return new double[] {x[0] * x[1], x[0] + x[1] * x[1], Math.sin(x[0])};
        }

        @Override
        public double[][] jacobian(double[] x) {
            return new double[][] {{x[1], x[0]}, {1, 2 * x[1]}, {Math.cos(x[0]), 0}};
        }

        @Override
        public double[] jacobianVectorProduct(double[] x, double[] v) {
            return Matrices.multiply(jacobian(x), v);
        }

        @Override
        public double[] vectorJacobianProduct(double[] x, double[] w) {
            return Matrices.multiplyTransposed(jacobian(x), w);
        }
    };

    static IntStream seeds() {
        return IntStream.range(0, 40);
    }

    /** ∇(g∘u) = J_uᵀ∇g and D_v(g∘u) = ∇g·(J_u v), against central differences of the composed value. */
    @ParameterizedTest
    @MethodSource("seeds")
    void composedGradientAndDirectionalDerivativeFollowTheChainRule(int seed) {
        SplittableRandom random = new SplittableRandom(seed);
        HandField g = RandomFields.smooth(3, random);
        DifferentiableScalarField f = ChainRule.compose(g, U, 2);
        double[] x = RandomFields.uniform(2, random);
        double[] v = RandomFields.uniform(2, random);
        double[] grad = f.gradient(x);
        double[] expected = Matrices.multiplyTransposed(U.jacobian(x), g.gradient(U.value(x)));
        assertThat(grad).containsExactly(expected, within(1e-15 * Math.max(1, Vectors.norm(expected))));
        double dv = f.directionalDerivative(x, v);
        assertThat(dv).isCloseTo(Vectors.dot(grad, v), within(1e-12 * Math.max(1, Math.abs(dv))));
        // central differences (h = 1e-5): error ~1e-9 relative for these smooth fields.
        assertThat(dv).isCloseTo(RandomFields.centralDifference(f, x, v), within(1e-6 * Math.max(1, Math.abs(dv))));
        assertThat(f.value(x)).isEqualTo(g.value(U.value(x)));
        assertThat(f.variables()).containsExactly("x1", "x2");
    }

    /** Without second derivatives of u the curvature term is a central difference of J_uᵀw: still ~1e-8 accurate. */
    @ParameterizedTest
    @MethodSource("seeds")
    void composedHessianVectorProductMatchesDifferencesOfTheGradient(int seed) {
        SplittableRandom random = new SplittableRandom(seed);
        HandField g = RandomFields.smooth(3, random);
        DifferentiableScalarField f = ChainRule.compose(g, U, 2);
        double[] x = RandomFields.uniform(2, random);
        double[] v = RandomFields.uniform(2, random);
        double[] hv = f.hessianVectorProduct(x, v);
        double[] plus = f.gradient(Vectors.axpy(1e-5, v, x));
        double[] minus = f.gradient(Vectors.axpy(-1e-5, v, x));
        double scale = Math.max(1, Vectors.norm(hv));
        for (int i = 0; i < 2; i++) {
            assertThat(hv[i]).isCloseTo((plus[i] - minus[i]) / 2e-5, within(1e-6 * scale));
        }
    }
}
