package dev.nabla.symbolic.nonsmooth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.nabla.core.check.DirectionalLimit;
import dev.nabla.core.check.DirectionalLimits;
import dev.nabla.symbolic.Formula;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The directional derivative from its definition, symbolically, at kinks and at smooth points. */
class RayDerivativeTest {

    static final Formula COUNTEREXAMPLE = Formula.parse("if(x == 0 and y == 0, 0, x^2*y/(x^2 + y^2))");
    static final Formula NORM = Formula.parse("sqrt(x^2 + y^2)");
    static final double[] ORIGIN = {0, 0};

    static Stream<double[]> directions() {
        SplittableRandom random = new SplittableRandom(4);
        return IntStream.range(0, 25).mapToObj(i -> new double[] {random.nextDouble(-3, 3), random.nextDouble(-3, 3)});
    }

    /** Exercise 3: D_(a,b) f(0, 0) = a²b/(a² + b²), two-sided, computed symbolically as the documents do. */
    @ParameterizedTest
    @MethodSource("directions")
    void exercise3CounterexampleDirectionalDerivatives(double[] v) {
        double a = v[0], b = v[1];
        double expected = a * a * b / (a * a + b * b);
        RayLimit right = RayDerivative.right(COUNTEREXAMPLE, ORIGIN, v);
        RayLimit left = RayDerivative.left(COUNTEREXAMPLE, ORIGIN, v);
        // exact up to the rounding of one evaluation
        assertThat(right.value()).isCloseTo(expected, within(1e-14 * (1 + Math.abs(expected))));
        assertThat(left.value()).isCloseTo(expected, within(1e-14 * (1 + Math.abs(expected))));
        // and the numerical limit of the definition agrees
        DirectionalLimit numeric = DirectionalLimits.of(COUNTEREXAMPLE, ORIGIN, v);
        assertThat(numeric.value()).isCloseTo(expected, within(1e-10 * (1 + Math.abs(expected))));
    }

    @Test
    void exercise3TheMapVToDvIsNotLinear() {
        // additivity fails: D_(1,0) = 0, D_(0,1) = 0 but D_(1,1) = 1/2
        assertThat(RayDerivative.right(COUNTEREXAMPLE, ORIGIN, new double[] {1, 0}).value()).isEqualTo(0);
        assertThat(RayDerivative.right(COUNTEREXAMPLE, ORIGIN, new double[] {0, 1}).value()).isEqualTo(0);
        assertThat(RayDerivative.right(COUNTEREXAMPLE, ORIGIN, new double[] {1, 1}).value()).isCloseTo(0.5, within(1e-15));
    }

    /** Exercise 2: D_v f(0) = ‖v‖ from the right, −‖v‖ from the left. */
    @ParameterizedTest
    @MethodSource("directions")
    void exercise2NormAtTheOrigin(double[] v) {
        double norm = Math.hypot(v[0], v[1]);
        assertThat(RayDerivative.right(NORM, ORIGIN, v).value()).isCloseTo(norm, within(1e-14 * norm));
        assertThat(RayDerivative.left(NORM, ORIGIN, v).value()).isCloseTo(-norm, within(1e-14 * norm));
    }

    @Test
    void kinksOfAbsAndMax() {
        Formula abs = Formula.parse("abs(x)");
        assertThat(RayDerivative.right(abs, new double[] {0}, new double[] {1}).value()).isEqualTo(1);
        assertThat(RayDerivative.left(abs, new double[] {0}, new double[] {1}).value()).isEqualTo(-1);
        Formula max = Formula.parse("max(x, y)");
        // D⁺ = max(v1, v2), D⁻ = min(v1, v2) on the diagonal
        assertThat(RayDerivative.right(max, new double[] {1, 1}, new double[] {1, -2}).value()).isEqualTo(1);
        assertThat(RayDerivative.left(max, new double[] {1, 1}, new double[] {1, -2}).value()).isEqualTo(-2);
    }

    @Test
    void noDerivativeAtAJumpOrAnInfiniteSlope() {
        RayLimit sign = RayDerivative.right(Formula.parse("sign(x)"), new double[] {0}, new double[] {1});
        assertThat(sign.exists()).isFalse();
        assertThat(sign.failure()).contains("jumps");
        RayLimit root = RayDerivative.right(Formula.parse("sqrt(abs(x))"), new double[] {0}, new double[] {1});
        assertThat(root.failure()).contains("infinite slope");
        // |x|^1.5 is differentiable at 0 with derivative 0
        assertThat(RayDerivative.right(Formula.parse("abs(x)^1.5"), new double[] {0}, new double[] {1}).value()).isEqualTo(0);
    }

    /** At a smooth point the definition and the gradient agree: the documents' SymPy check. */
    @Test
    void atASmoothPointTheDefinitionIsTheGradientDottedWithV() {
        Formula f = Formula.parse("x^2*sin(y) + y^3");
        double[] x = {0.7, 1.2};
        double[] v = {1, -2};
        double answer = 2 * 0.7 * Math.sin(1.2) - 2 * (0.49 * Math.cos(1.2) + 3 * 1.44);
        assertThat(RayDerivative.right(f, x, v).value()).isCloseTo(answer, within(1e-12));
        assertThat(RayDerivative.left(f, x, v).value()).isCloseTo(answer, within(1e-12));
        assertThat(f.directionalDerivativeByDefinition(v).value(x)).isCloseTo(answer, within(1e-12));
    }
}
