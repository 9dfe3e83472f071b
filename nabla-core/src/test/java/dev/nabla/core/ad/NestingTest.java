package dev.nabla.core.ad;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Nested differentiation without perturbation confusion. The classic test (Siskind and Pearlmutter):
 * d/dx [x · d/dy (x + y)] = d/dx [x · 1] = 1; a confused implementation mixes the two perturbations and
 * answers 2.
 */
class NestingTest {

    /** Exact up to rounding of numbers of order 1. */
    static final double TOL = 1e-13;

    @Test
    void forwardOverForward() {
        RealFunction outer = x -> x[0].multiply(
                AD.jvp(y -> x[0].add(y[0]), Reals.of(1), Reals.of(1)));
        assertThat(AD.jvp(outer, new double[] {1}, new double[] {1})).isEqualTo(1);
        assertThat(AD.jvp(outer, Reals.of(1), Reals.of(1)).value()).isEqualTo(1);
    }

    @Test
    void reverseOverForward() {
        RealFunction outer = x -> x[0].multiply(AD.jvp(y -> x[0].add(y[0]), Reals.of(1), Reals.of(1)));
        assertThat(AD.grad(outer, new double[] {1})).containsExactly(1);
    }

    @Test
    void reverseOverReverse() {
        RealFunction outer = x -> x[0].multiply(AD.grad(y -> x[0].add(y[0]), Reals.of(1))[0]);
        assertThat(AD.grad(outer, new double[] {1})).containsExactly(1);
        assertThat(AD.grad(outer, Reals.of(1))[0].value()).isEqualTo(1);
    }

    @Test
    void forwardOverReverse() {
        RealFunction outer = x -> x[0].multiply(AD.grad(y -> x[0].add(y[0]), Reals.of(1))[0]);
        assertThat(AD.jvp(outer, new double[] {1}, new double[] {1})).isEqualTo(1);
    }

    @Test
    void innerDerivativeWithRespectToTheCapturedVariable() {
        // d/dx [d/dy (x·y)] at y = 2 = d/dx x = 1, and d/dx [x · d/dy (x·y)] = 2x
        RealFunction inner = x -> AD.jvp(y -> x[0].multiply(y[0]), Reals.of(2), Reals.of(1));
        assertThat(AD.grad(inner, new double[] {3})).containsExactly(1);
        RealFunction outer = x -> x[0].multiply(inner.apply(x));
        assertThat(AD.grad(outer, new double[] {3})).containsExactly(6);
        assertThat(AD.jvp(outer, new double[] {3}, new double[] {1})).isEqualTo(6);
    }

    @Test
    void doubleEntryPointsInsideADifferentiatedFunctionTreatCapturedVariablesAsConstants() {
        // the double[] entry points return doubles: the captured x is a constant for them
        RealFunction outer = x -> x[0].multiply(AD.jvp((Real[] y) -> x[0].multiply(y[0]), new double[] {2}, new double[] {1}));
        assertThat(AD.grad(outer, new double[] {3})).containsExactly(3); // d/dx [x · 3] = 3
    }

    @Test
    void gradientOfTheSquaredGradientNorm() {
        // f = x³y + exp(xy); g = ‖∇f‖²; ∇g = 2 H ∇f
        RealFunction f = s -> s[0].pow(3).multiply(s[1]).add(s[0].multiply(s[1]).exp());
        RealFunction g = s -> Reals.squaredNorm(AD.grad(f, s));
        double x = 0.4;
        double y = -0.9;
        double e = Math.exp(x * y);
        double fx = 3 * x * x * y + y * e;
        double fy = x * x * x + x * e;
        double fxx = 6 * x * y + y * y * e;
        double fxy = 3 * x * x + e + x * y * e;
        double fyy = x * x * e;
        double[] expected = {2 * (fxx * fx + fxy * fy), 2 * (fxy * fx + fyy * fy)};
        assertThat(AD.grad(g, new double[] {x, y})).containsExactly(expected, within(TOL));
        // and again through the nestable entry point, then forward over that (third order)
        Real[] nested = AD.grad(g, Reals.of(x, y));
        assertThat(nested[0].value()).isCloseTo(expected[0], within(TOL));
        assertThat(AD.value(g, new double[] {x, y})).isCloseTo(fx * fx + fy * fy, within(TOL));
    }

    @Test
    void thirdDerivativeBySelfNesting() {
        // d³/dx³ sin x = −cos x
        RealFunction d1 = x -> AD.jvp(s -> s[0].sin(), x, Reals.of(1));
        RealFunction d2 = x -> AD.jvp(d1, x, Reals.of(1));
        double x = 0.8;
        assertThat(AD.jvp(d2, new double[] {x}, new double[] {1})).isCloseTo(-Math.cos(x), within(TOL));
        assertThat(AD.grad(d2, new double[] {x})[0]).isCloseTo(-Math.cos(x), within(TOL));
        assertThat(AD.hvp(d1, new double[] {x}, new double[] {1})[0]).isCloseTo(-Math.cos(x), within(TOL));
    }
}
