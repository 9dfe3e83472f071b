package dev.nabla.symbolic.nonsmooth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.nabla.core.check.DirectionalLimit;
import dev.nabla.core.check.DirectionalLimits;
import dev.nabla.core.onesided.DirectionalDerivative;
import dev.nabla.core.onesided.DirectionalDerivative.Kind;
import dev.nabla.symbolic.Formula;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The exact one-sided directional derivative of formulas, at kinks and at smooth points. */
class OneSidedFormulaTest {

    static final Formula COUNTEREXAMPLE = Formula.parse("if(x == 0 and y == 0, 0, x^2*y/(x^2 + y^2))");
    static final Formula NORM = Formula.parse("sqrt(x^2 + y^2)");
    static final double[] ORIGIN = {0, 0};

    static Stream<double[]> directions() {
        SplittableRandom random = new SplittableRandom(4);
        return IntStream.range(0, 25).mapToObj(i -> new double[] {random.nextDouble(-3, 3), random.nextDouble(-3, 3)});
    }

    static DirectionalDerivative right(Formula f, double[] x, double... v) {
        return f.oneSidedDirectionalDerivative(x, v);
    }

    /** D_v⁻ f = lim_{t↑0} (f(x + t v) − f(x)) / t = −D_{−v} f. */
    static double left(Formula f, double[] x, double... v) {
        double[] minus = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            minus[i] = -v[i];
        }
        return -right(f, x, minus).value();
    }

    /** Exercise 3: D_(a,b) f(0, 0) = a²b/(a² + b²), two-sided, exactly. */
    @ParameterizedTest
    @MethodSource("directions")
    void exercise3CounterexampleDirectionalDerivatives(double[] v) {
        double a = v[0], b = v[1];
        double expected = a * a * b / (a * a + b * b);
        // exact up to the rounding of the coefficients (a few operations on a and b)
        assertThat(right(COUNTEREXAMPLE, ORIGIN, v).value()).isCloseTo(expected, within(1e-14 * (1 + Math.abs(expected))));
        assertThat(left(COUNTEREXAMPLE, ORIGIN, v)).isCloseTo(expected, within(1e-14 * (1 + Math.abs(expected))));
        // and the numerical limit of the definition agrees
        DirectionalLimit numeric = DirectionalLimits.of(COUNTEREXAMPLE, ORIGIN, v);
        assertThat(numeric.value()).isCloseTo(expected, within(1e-10 * (1 + Math.abs(expected))));
    }

    @Test
    void exercise3TheMapVToDvIsNotLinear() {
        // additivity fails: D_(1,0) = 0, D_(0,1) = 0 but D_(1,1) = 1/2
        assertThat(right(COUNTEREXAMPLE, ORIGIN, 1, 0).value()).isEqualTo(0);
        assertThat(right(COUNTEREXAMPLE, ORIGIN, 0, 1).value()).isEqualTo(0);
        DirectionalDerivative diagonal = right(COUNTEREXAMPLE, ORIGIN, 1, 1);
        assertThat(diagonal.value()).isEqualTo(0.5);
        assertThat(diagonal.kinks()).anyMatch(k -> k.contains("on its boundary"));
    }

    /** Exercise 2: D_v f(0) = ‖v‖ from the right, −‖v‖ from the left. */
    @ParameterizedTest
    @MethodSource("directions")
    void exercise2NormAtTheOrigin(double[] v) {
        double norm = Math.hypot(v[0], v[1]);
        assertThat(right(NORM, ORIGIN, v).value()).isCloseTo(norm, within(1e-15 * norm));
        assertThat(left(NORM, ORIGIN, v)).isCloseTo(-norm, within(1e-15 * norm));
    }

    @Test
    void exercise2InTheDocumentsDirection() {
        DirectionalDerivative d = right(NORM, ORIGIN, 3, 4);
        assertThat(d.value()).isEqualTo(5);
        assertThat(d.method()).isEqualTo(DirectionalDerivative.Method.EXPANSION);
        assertThat(d.oneSided()).isTrue();
        assertThat(d.unit().value()).isEqualTo(1);
    }

    @Test
    void kinksOfAbsAndMax() {
        Formula abs = Formula.parse("abs(x)");
        assertThat(right(abs, new double[] {0}, 1).value()).isEqualTo(1);
        assertThat(left(abs, new double[] {0}, 1)).isEqualTo(-1);
        Formula max = Formula.parse("max(x, y)");
        // D⁺ = max(v1, v2), D⁻ = min(v1, v2) on the diagonal
        assertThat(right(max, new double[] {1, 1}, 1, -2).value()).isEqualTo(1);
        assertThat(left(max, new double[] {1, 1}, 1, -2)).isEqualTo(-2);
    }

    @Test
    void jumpsInfiniteSlopesAndLeavingTheDomain() {
        DirectionalDerivative sign = right(Formula.parse("sign(x)"), new double[] {0}, 1);
        assertThat(sign.kind()).isEqualTo(Kind.POSITIVE_INFINITY);
        assertThat(sign.reason()).contains("jumps");
        DirectionalDerivative root = right(Formula.parse("sqrt(abs(x))"), new double[] {0}, 1);
        assertThat(root.kind()).isEqualTo(Kind.POSITIVE_INFINITY);
        assertThat(root.reason()).contains("infinite slope");
        DirectionalDerivative outside = right(Formula.parse("sqrt(x)"), new double[] {0}, -1);
        assertThat(outside.kind()).isEqualTo(Kind.DOES_NOT_EXIST);
        assertThat(outside.reason()).contains("undefined for small t > 0");
        // |x|^1.5 is differentiable at 0 with derivative 0
        assertThat(right(Formula.parse("abs(x)^1.5"), new double[] {0}, 1).value()).isEqualTo(0);
        // a branch whose condition holds only at the point: if(x <= 0, -x, 2x)
        assertThat(right(Formula.parse("if(x <= 0, -x, 2*x)"), new double[] {0}, 1).value()).isEqualTo(2);
        assertThat(right(Formula.parse("if(x <= 0, -x, 2*x)"), new double[] {0}, -1).value()).isEqualTo(1);
    }

    /** The formula path and the Java path evaluate the same expansion: equal results. */
    @Test
    void theFormulaAndItsJavaFormAgree() {
        Formula f = Formula.parse("max(abs(x - y), sqrt(x^2 + y^4)) - hypot(x, 2*y)");
        double[] v = {0.3, -1.7};
        assertThat(right(f, ORIGIN, v)).isEqualTo(dev.nabla.core.ad.AD.directionalDerivative(f.asRealFunction(), ORIGIN, v));
    }
}
