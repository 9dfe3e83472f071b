package dev.nabla.core.ad;

import dev.nabla.core.field.DifferentiableScalarField;
import dev.nabla.core.field.Gradient;
import dev.nabla.core.field.Kink;
import dev.nabla.core.field.NonDifferentiableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Derivatives at the edges of the elementary functions' domains, and the kink convention. */
class EdgeCasesTest {

    /** Exact up to rounding of numbers of order 1. */
    static final double TOL = 1e-14;

    @Test
    void jacobianRowsAtASqrtKinkTakeTheTablesConventionalPartialZero() {
        // u(x, y) = (√x + y, y) at x = 0: √ has an infinite one-sided slope at 0, conventional partial 0 (the
        // table's convention, shared with the formula engine); the y column stays exact
        RealVectorFunction u = v -> new Real[] {v[0].sqrt().add(v[1]), v[1], v[1].multiply(2)};
        double[] x = {0, 3};
        double[][] expected = {{0, 1}, {0, 1}, {0, 2}};
        assertThat(AD.jacobian(u, x)).isDeepEqualTo(expected); // m ≥ n: forward sweeps over the tape
        assertThat(AD.forwardJacobian(u, x, 1)).isDeepEqualTo(expected);
        assertThat(AD.reverseJacobian(u, x)).isDeepEqualTo(expected);
    }

    @Test
    void sqrtNearZeroHasTheExactDerivativeAndAtZeroTheConventionalZeroWithAKink() {
        RealFunction f = x -> x[0].sqrt();
        assertThat(AD.grad(f, new double[] {1e-300})[0]).isCloseTo(0.5 / Math.sqrt(1e-300), within(1e136));
        Gradient atZero = AD.valueAndGrad(f, new double[] {0});
        assertThat(atZero.gradient()).containsExactly(0);
        assertThat(atZero.kinks()).containsExactly(new Kink("sqrt", "sqrt at 0 (infinite slope)"));
        assertThat(AD.jvp(f, new double[] {0}, new double[] {1})).isEqualTo(0);
        // a direction that does not move the argument gives 0, not ∞·0 = NaN
        RealFunction g = x -> x[0].sqrt().add(x[1]);
        assertThat(AD.jvp(g, new double[] {0, 1}, new double[] {0, 1})).isEqualTo(1);
        assertThat(AD.grad(x -> x[0].sqrt().multiply(0), new double[] {0})[0]).isEqualTo(0);
    }

    @Test
    void powWithBaseZero() {
        double[] zero = {0};
        assertThat(AD.grad(x -> x[0].pow(2), zero)).containsExactly(0);
        assertThat(AD.grad(x -> x[0].pow(1), zero)).containsExactly(1);
        assertThat(AD.grad(x -> x[0].pow(0), zero)).containsExactly(0);
        assertThat(AD.grad(x -> x[0].pow(3), zero)).containsExactly(0);
        Gradient root = AD.valueAndGrad(x -> x[0].pow(0.5), zero); // infinite slope: the conventional 0, a kink
        assertThat(root.gradient()).containsExactly(0);
        assertThat(root.kinks()).containsExactly(new Kink("pow", "pow at 0 (infinite slope)"));
        assertThat(AD.jvp((Real[] x) -> x[0].pow(2), zero, new double[] {1})).isEqualTo(0);
        assertThat(AD.hessian(x -> x[0].pow(2), zero)[0]).containsExactly(2);
        // pow(Real) at base 0: ∂/∂x x^y = y x^(y−1) = 0, ∂/∂y x^y = x^y ln x → 0 (its limit)
        RealFunction xy = x -> x[0].pow(x[1]);
        assertThat(AD.grad(xy, new double[] {0, 2})).containsExactly(0, 0);
        assertThat(AD.grad(xy, new double[] {0, 1})).containsExactly(1, 0);
        assertThat(AD.grad(xy, new double[] {2, 3})).containsExactly(new double[] {12, 8 * Math.log(2)}, within(TOL));
        assertThat(AD.grad(x -> Reals.of(2)[0].pow(x[0]), new double[] {3})[0]).isCloseTo(8 * Math.log(2), within(TOL));
    }

    @ParameterizedTest(name = "atan2({0}, {1})")
    @CsvSource({"1, 2", "1, -2", "-1, -2", "-1, 2", "0, 3", "0, -3", "3, 0", "-3, 0"})
    void atan2InEveryQuadrantAndOnTheAxes(double y, double x) {
        RealFunction f = s -> s[0].atan2(s[1]);
        double r2 = x * x + y * y;
        Gradient g = AD.valueAndGrad(f, new double[] {y, x});
        assertThat(g.value()).isEqualTo(Math.atan2(y, x));
        assertThat(g.gradient()).containsExactly(new double[] {x / r2, -y / r2}, within(TOL));
        assertThat(AD.jvp(f, new double[] {y, x}, new double[] {1, 1})).isCloseTo((x - y) / r2, within(TOL));
        assertThat(AD.grad(f, Reals.of(y, x))[1].value()).isCloseTo(-y / r2, within(TOL));
    }

    @Test
    void hypotWithZeros() {
        RealFunction f = s -> s[0].hypot(s[1]);
        assertThat(AD.grad(f, new double[] {3, 0})).containsExactly(1, 0);
        assertThat(AD.grad(f, new double[] {0, -2})).containsExactly(0, -1);
        assertThat(AD.grad(f, new double[] {3, -4})).containsExactly(new double[] {0.6, -0.8}, within(TOL));
        Gradient origin = AD.valueAndGrad(f, new double[] {0, 0});
        assertThat(origin.gradient()).containsExactly(0, 0);
        assertThat(origin.kinks()).containsExactly(new Kink("hypot", "hypot at (0, 0)"));
        assertThat(AD.grad(f, new double[] {1e300, 1e300})).containsExactly(
                new double[] {Math.sqrt(0.5), Math.sqrt(0.5)}, within(TOL));
    }

    @Test
    void absAtZeroTakesSignZeroAndRecordsAKink() {
        Gradient g = AD.valueAndGrad(x -> x[0].abs(), new double[] {0});
        assertThat(g.gradient()).containsExactly(0); // the table's convention abs'(0) = sign(0), as in formulas
        assertThat(g.kinks()).containsExactly(new Kink("abs", "abs at 0"));
        Gradient left = AD.valueAndGrad(x -> x[0].abs(), new double[] {-2});
        assertThat(left.gradient()).containsExactly(-1);
        assertThat(left.isSmooth()).isTrue();
    }

    @Test
    void signHasDerivativeZeroAndAKinkAtZero() {
        Gradient g = AD.valueAndGrad(x -> x[0].sign().add(x[0]), new double[] {0});
        assertThat(g.value()).isEqualTo(0);
        assertThat(g.gradient()).containsExactly(1);
        assertThat(g.kinks()).extracting(Kink::primitive).containsExactly("sign");
        assertThat(AD.valueAndGrad(x -> x[0].sign(), new double[] {-3}).isSmooth()).isTrue();
    }

    @Test
    void maxAndMinAtATieFollowTheFirstArgument() {
        double[] tie = {1.5, 1.5};
        Gradient max = AD.valueAndGrad(s -> s[0].max(s[1]), tie);
        assertThat(max.gradient()).containsExactly(1, 0);
        assertThat(max.kinks()).containsExactly(new Kink("max", "max at a tie (both 1.5)"));
        assertThat(AD.grad(s -> s[1].max(s[0]), tie)).containsExactly(0, 1);
        Gradient min = AD.valueAndGrad(s -> s[0].min(s[1]), tie);
        assertThat(min.gradient()).containsExactly(1, 0);
        assertThat(min.kinks()).extracting(Kink::primitive).containsExactly("min");
        assertThat(AD.grad(s -> s[0].max(s[1]), new double[] {1, 2})).containsExactly(0, 1);
        assertThat(AD.grad(s -> s[0].min(s[1]), new double[] {1, 2})).containsExactly(1, 0);
        // relu at 0: max(x, 0) follows x
        Gradient relu = AD.valueAndGrad(s -> s[0].max(s[0].constant(0)), new double[] {0});
        assertThat(relu.gradient()).containsExactly(1);
        assertThat(relu.isSmooth()).isFalse();
    }

    @Test
    void normAtZeroHasGradientZeroAndAKink() {
        Gradient g = AD.valueAndGrad(Reals::norm, new double[] {0, 0, 0});
        assertThat(g.gradient()).containsExactly(0, 0, 0);
        assertThat(g.kinks()).extracting(Kink::primitive).containsExactly("norm");
        assertThat(AD.jvp(Reals::norm, new double[] {0, 0}, new double[] {1, 1})).isEqualTo(0);
    }

    @Test
    void fieldReportsKinks() {
        DifferentiableScalarField f = AD.field(x -> x[0].subtract(1).abs().add(x[1].square()), 2);
        double[] kink = {1, 2};
        Gradient g = f.valueAndGradient(kink);
        assertThat(g.kinks()).hasSize(1);
        assertThat(g.gradient()).containsExactly(0, 4);
        assertThatThrownBy(() -> f.gradient(kink)).isInstanceOf(NonDifferentiableException.class)
                .hasMessageContaining("abs at 0");
        assertThatThrownBy(() -> f.directionalDerivative(kink, new double[] {1, 0}))
                .isInstanceOf(NonDifferentiableException.class);
        assertThat(f.gradient(new double[] {3, 2})).containsExactly(1, 4);
        assertThat(f.dimension()).isEqualTo(2);
        assertThat(f.variables()).isEqualTo(List.of("x1", "x2"));
    }

    @Test
    void dimensionMismatchesAreClearErrors() {
        RealFunction f = x -> x[0];
        assertThatThrownBy(() -> AD.jvp(f, new double[] {1, 2}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("v has dimension 1, expected 2");
        assertThatThrownBy(() -> AD.field(f, 2).valueAndGradient(new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected 2");
        assertThatThrownBy(() -> AD.gradientOf(f, 2).valueAndGradient(new double[] {1, 2}, new double[] {0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gradientOut");
        assertThatThrownBy(() -> Reals.dot(new double[] {1, 2}, Reals.of(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dimension mismatch");
    }

    @Test
    void inverseHyperbolicFunctionsAreAccurateForLargeAndSmallArguments() {
        assertThat(dev.nabla.core.prim.Primitive.asinh(1e-20)).isEqualTo(1e-20);
        assertThat(dev.nabla.core.prim.Primitive.asinh(-1e300)).isCloseTo(-(Math.log(1e300) + Math.log(2)), within(1e-12));
        assertThat(dev.nabla.core.prim.Primitive.asinh(0.5)).isCloseTo(Math.log(0.5 + Math.sqrt(1.25)), within(TOL));
        assertThat(dev.nabla.core.prim.Primitive.acosh(1e300)).isCloseTo(Math.log(1e300) + Math.log(2), within(1e-12));
        assertThat(dev.nabla.core.prim.Primitive.acosh(2)).isCloseTo(Math.log(2 + Math.sqrt(3)), within(TOL));
        assertThat(dev.nabla.core.prim.Primitive.acosh(0.5)).isNaN();
        assertThat(dev.nabla.core.prim.Primitive.atanh(1e-20)).isEqualTo(1e-20);
        assertThat(dev.nabla.core.prim.Primitive.atanh(0.5)).isCloseTo(0.5 * Math.log(3), within(TOL));
        assertThat(AD.grad(x -> x[0].acosh(), new double[] {1})[0]).isEqualTo(0); // infinite slope: 0, a kink
    }
}
