package dev.nabla.symbolic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nabla.core.ad.AD;
import dev.nabla.core.field.DomainException;
import dev.nabla.core.field.Gradient;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The engine-level cases of the issue on one table of primitives, in the formula engine and AD side by side. */
class TableAcceptanceTest {

    @Test
    void absAndSqrtAtZeroTakeOneConventionInBothEngines() {
        for (String source : new String[] {"abs(x)", "sqrt(x)", "cbrt(x)", "max(x, 0)", "x^0.5"}) {
            Formula f = Formula.parse(source);
            Gradient formula = f.valueAndGradient(new double[] {0});
            Gradient ad = AD.valueAndGrad(f.asRealFunction(), new double[] {0});
            assertThat(formula.gradient()).as(source).containsExactly(ad.gradient());
            assertThat(formula.kinks()).as(source).isNotEmpty();
            assertThat(ad.kinks()).as(source).isNotEmpty();
        }
        assertThat(Formula.parse("abs(x)").valueAndGradient(new double[] {0}).gradient()).containsExactly(0);
        assertThat(Formula.parse("sqrt(x)").valueAndGradient(new double[] {0}).gradient()).containsExactly(0);
    }

    /** asinh(−1e8) = −log(1e8 + √(1e16 + 1)) = −19.113827924512310…: the formula engine gave −∞. */
    @Test
    void asinhOfMinusOneHundredMillionIsFiniteAndCorrect() {
        double v = Formula.parse("asinh(x)").value(new double[] {-1e8});
        BigDecimal exact = new BigDecimal("-19.11382792451231178120219604589437");
        assertThat(new BigDecimal(v).subtract(exact).abs().doubleValue()).isLessThanOrEqualTo(Math.ulp(v));
        assertThat(Formula.parse("asinh(x)").valueAndGradient(new double[] {-1e8}).gradient()[0])
                .isEqualTo(1 / Math.hypot(1, 1e8));
    }

    @Test
    void anOverflowingDerivativeIsAnOverflowInBothEnginesNotAKink() {
        Formula f = Formula.parse("x^1020");
        assertThatThrownBy(() -> f.valueAndGradient(new double[] {2})).isInstanceOf(DomainException.class)
                .hasMessage("overflow: its derivative exceeds the double range in x^1020 at [2.0]");
        assertThatThrownBy(() -> AD.grad(f.asRealFunction(), new double[] {2})).isInstanceOf(DomainException.class)
                .hasMessageStartingWith("overflow");
    }

    @Test
    void logOfMaxWithATinyFloorIsNotANaNGradient() {
        // max takes the constant 1e-320 near −1: ∇f = 0 exactly, though log' = 1/1e-320 overflows (a zero partial
        // passes nothing on); where max takes x (at 2e-320) the overflow reaches the gradient and is reported
        Formula f = Formula.parse("log(max(x, 1e-320))");
        assertThat(f.valueAndGradient(new double[] {-1}).gradient()).containsExactly(0);
        assertThat(AD.grad(f.asRealFunction(), new double[] {-1})).containsExactly(0);
        assertThatThrownBy(() -> f.valueAndGradient(new double[] {2e-320})).isInstanceOf(DomainException.class)
                .hasMessageStartingWith("overflow: its derivative exceeds the double range in log(max(x, 1e-320))");
        Formula g = Formula.parse("log(max(x, 1e-300))");
        assertThat(g.valueAndGradient(new double[] {-1}).gradient()).containsExactly(0);
        assertThat(AD.grad(g.asRealFunction(), new double[] {-1})).containsExactly(0);
    }

    @Test
    void logOfANegativeIsADomainErrorInBothEngines() {
        Formula f = Formula.parse("log(x)");
        assertThatThrownBy(() -> f.valueAndGradient(new double[] {-1})).isInstanceOf(DomainException.class)
                .hasMessageContaining("log of -1 (argument must be > 0)");
        assertThatThrownBy(() -> AD.grad(f.asRealFunction(), new double[] {-1})).isInstanceOf(DomainException.class)
                .hasMessageContaining("log of -1 (argument must be > 0)");
    }

    @Test
    void erfIsInTheLanguageWithItsDerivative() {
        Formula f = Formula.parse("erf(x^2)");
        assertThat(f.partial("x").toString()).isEqualTo("4*x*exp(-x^4)/sqrt(pi)");
        assertThat(f.toLatex()).contains("\\operatorname{erf}");
        double x = 0.7;
        double expected = 4 * x * Math.exp(-Math.pow(x, 4)) / Math.sqrt(Math.PI);
        assertThat(f.valueAndGradient(new double[] {x}).gradient()[0]).isCloseTo(expected,
                org.assertj.core.api.Assertions.within(4 * Math.ulp(expected)));
        assertThat(AD.grad(f.asRealFunction(), new double[] {x})[0]).isCloseTo(expected,
                org.assertj.core.api.Assertions.within(4 * Math.ulp(expected)));
        assertThat(Formula.parse("log1p(x) + expm1(x)").partial("x").toString()).isEqualTo("exp(x) + 1/(x + 1)");
    }
}
