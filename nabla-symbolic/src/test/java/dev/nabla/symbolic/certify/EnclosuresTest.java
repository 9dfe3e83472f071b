package dev.nabla.symbolic.certify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nabla.core.field.DomainException;
import dev.nabla.core.interval.CertifiedGradient;
import dev.nabla.core.interval.CertifiedHessian;
import dev.nabla.core.interval.Interval;
import dev.nabla.core.prim.UndecidedException;
import dev.nabla.symbolic.Formula;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The acceptance cases of certified derivatives (issue 20) at double precision: the enclosures of the formulas
 * any numerics course warns about contain the true values — derived by hand as series or closed forms in
 * BigDecimal, not by the code under test — even where they are wide (cancellation), and say so where a bound
 * overflows.
 */
class EnclosuresTest {
    private static final MathContext MC = new MathContext(50);

    private static CertifiedGradient<Interval> gradient(String formula, double... x) {
        return Enclosures.intervals(Formula.parse(formula)).gradient(Enclosures.points(x), x);
    }

    private static BigDecimal big(double x) {
        return new BigDecimal(x);
    }

    /** Σ_{n ≥ 0} termₙ until the terms are below 1e-45 of the first (alternating or not). */
    private interface Term {
        BigDecimal at(int n);
    }

    private static BigDecimal series(Term t) {
        BigDecimal s = BigDecimal.ZERO;
        for (int n = 0; n < 200; n++) {
            BigDecimal d = t.at(n);
            s = s.add(d, MC);
            if (n > 2 && d.abs().compareTo(new BigDecimal("1e-45")) < 0) {
                break;
            }
        }
        return s;
    }

    private static BigDecimal factorial(int n) {
        BigDecimal f = BigDecimal.ONE;
        for (int k = 2; k <= n; k++) {
            f = f.multiply(BigDecimal.valueOf(k));
        }
        return f;
    }

    /** (eˣ − 1)/x = Σ xⁿ/(n+1)!, its derivative Σ (n+1) xⁿ/(n+2)!; at 1e-8: 1.000000005… and 0.500000003…. */
    @Test
    void expMinusOneOverXContainsTheTrueValueAndSlope() {
        double x = 1e-8;
        CertifiedGradient<Interval> g = gradient("(exp(x) - 1)/x", x);
        BigDecimal value = series(n -> big(x).pow(n).divide(factorial(n + 1), MC));
        BigDecimal slope = series(n -> big(x).pow(n).multiply(BigDecimal.valueOf(n + 1)).divide(factorial(n + 2), MC));
        assertThat(g.value().contains(value)).as("%s contains %s", g.value(), value).isTrue();
        assertThat(g.gradient().get(0).contains(slope)).as("%s contains %s", g.gradient(), slope).isTrue();
        // the double path's 0.999999993922529 is outside the true value's digits; the enclosure does not claim it
        assertThat(g.value().certainDigits()).isLessThan(9);
    }

    /** (√(1 + x) − 1)/x = 1/(√(1 + x) + 1), derivative −1/(2√(1 + x)(√(1 + x) + 1)²): −0.1249999999… at 1e-9. */
    @Test
    void rootCancellationContainsTheTrueValueAndSlope() {
        double x = 1e-9;
        CertifiedGradient<Interval> g = gradient("(sqrt(1 + x) - 1)/x", x);
        BigDecimal r = BigDecimal.ONE.add(big(x)).sqrt(MC);
        BigDecimal value = BigDecimal.ONE.divide(r.add(BigDecimal.ONE), MC);
        BigDecimal slope = BigDecimal.ONE.negate()
                .divide(r.multiply(BigDecimal.valueOf(2)).multiply(r.add(BigDecimal.ONE).pow(2)), MC);
        assertThat(g.value().contains(value)).isTrue();
        assertThat(g.gradient().get(0).contains(slope)).as("%s contains %s", g.gradient(), slope).isTrue();
    }

    /**
     * (1 − cos x)/x² = Σ (−1)ᵏ x²ᵏ/(2k+2)!, derivative Σ_{k ≥ 1} (−1)ᵏ 2k x²ᵏ⁻¹/(2k+2)!: −8.33333333e-6 at 1e-4
     * (the double path printed +4.41e-5, the wrong sign).
     */
    @Test
    void oneMinusCosineContainsTheTrueValueAndSlope() {
        double x = 1e-4;
        CertifiedGradient<Interval> g = gradient("(1 - cos(x))/x^2", x);
        BigDecimal value = series(k -> big(x).pow(2 * k).divide(factorial(2 * k + 2), MC).multiply(sign(k)));
        BigDecimal slope = series(k -> k == 0 ? BigDecimal.ZERO : big(x).pow(2 * k - 1)
                .multiply(BigDecimal.valueOf(2L * k)).divide(factorial(2 * k + 2), MC).multiply(sign(k)));
        assertThat(g.value().contains(value)).isTrue();
        assertThat(g.gradient().get(0).contains(slope)).as("%s contains %s", g.gradient(), slope).isTrue();
    }

    private static BigDecimal sign(int k) {
        return k % 2 == 0 ? BigDecimal.ONE : BigDecimal.ONE.negate();
    }

    /**
     * √(x² + y²) at (3e200, 4e200): x² overflows, so at double precision the enclosure is [1.34e154, +∞] — it
     * contains 5e200 and says it is not finite, and so do the partials (0.6, 0.8); hypot(x, y), scaled, is tight.
     */
    @Test
    void overflowOnTheWayIsContainedAndNotFinite() {
        CertifiedGradient<Interval> g = gradient("sqrt(x^2 + y^2)", 3e200, 4e200);
        assertThat(g.value().contains(new BigDecimal("5e200"))).isTrue();
        assertThat(g.value().isFinite()).isFalse();
        assertThat(g.gradient().get(0).contains(new BigDecimal("0.6"))).isTrue();
        assertThat(g.gradient().get(1).contains(new BigDecimal("0.8"))).isTrue();
        CertifiedGradient<Interval> h = gradient("hypot(x, y)", 3e200, 4e200);
        assertThat(h.value().contains(new BigDecimal("5e200")) && h.value().certainDigits() >= 14).isTrue();
        assertThat(h.gradient().get(0).contains(new BigDecimal("0.6"))).isTrue();
        assertThat(h.gradient().get(0).certainDigits()).isGreaterThanOrEqualTo(14);
    }

    /**
     * The Hessian of atan(1/x) at 1e-8 is 2x/(1 + x²)² = 1.99999999999999996e-8; the chain rule's two terms are
     * ±2e8, so at double precision no evaluation can give a digit of it: the enclosure contains it and is wide.
     */
    @Test
    void theHessianOfAtanOfTheReciprocalNearZeroIsContained() {
        double x = 1e-8;
        CertifiedHessian<Interval> h = Enclosures.intervals(Formula.parse("atan(1/x)"))
                .hessian(Enclosures.points(x), new double[] {x});
        BigDecimal onePlus = BigDecimal.ONE.add(big(x).pow(2));
        BigDecimal exact = big(x).multiply(BigDecimal.valueOf(2)).divide(onePlus.pow(2), MC);
        assertThat(h.hessian().get(0).get(0).contains(exact)).as("%s contains %s", h.hessian(), exact).isTrue();
        assertThat(h.gradient().get(0).contains(BigDecimal.ONE.negate().divide(onePlus, MC))).isTrue();
    }

    @Test
    void theDirectionalDerivativeIsTheGradientAlongV() {
        double[] x = {0.5, -2};
        Enclosures<Interval> e = Enclosures.intervals(Formula.parse("x*y^2 + sin(x)"));
        Interval d = e.directionalDerivative(Enclosures.points(x), Enclosures.points(3, 4), x);
        // 3(y² + cos x) + 4(2xy) = 3(4 + cos 0.5) − 8
        assertThat(d.contains(3 * (4 + Math.cos(0.5)) - 8)).isTrue();
        assertThat(d.certainDigits()).isGreaterThanOrEqualTo(14);
    }

    /** Outside the domain: the sub-expression and the point are named; across its edge: cannot certify. */
    @Test
    void domainErrorsNameTheSubExpressionAndUndecidedOnesSaySo() {
        Enclosures<Interval> e = Enclosures.intervals(Formula.parse("log(x - 2) + x"));
        assertThatThrownBy(() -> e.value(Enclosures.points(1), new double[] {1}))
                .isInstanceOf(DomainException.class).hasMessageContaining("log(x - 2)").hasMessageContaining("[1.0]");
        assertThatThrownBy(() -> e.value(new Interval[] {Interval.of(1, 3)}, null))
                .isInstanceOf(UndecidedException.class).hasMessageContaining("log(x - 2)");
        Enclosures<Interval> branches = Enclosures.intervals(Formula.parse("if(x > 0, x, -x)"));
        assertThat(branches.value(new Interval[] {Interval.of(-1, 2)}, null)).isEqualTo(Interval.of(-2, 2));
        assertThat(branches.value(Enclosures.points(-3), null)).isEqualTo(Interval.of(3));
        Enclosures<Interval> undefined = Enclosures.intervals(Formula.parse("if(x > 0, log(x), 0)"));
        assertThatThrownBy(() -> undefined.value(new Interval[] {Interval.of(-1, 2)}, null))
                .isInstanceOf(UndecidedException.class);
        assertThat(undefined.value(new Interval[] {Interval.of(1, 2)}, null).contains(Math.log(1.5))).isTrue();
    }

    @Test
    void constantsPiAndEAreEnclosed() {
        Interval v = Enclosures.intervals(Formula.parse("pi*x + e", List.of("x"))).value(Enclosures.points(1), null);
        BigDecimal exact = new BigDecimal("3.14159265358979323846264338327950288419716939937510")
                .add(new BigDecimal("2.71828182845904523536028747135266249775724709369995"));
        assertThat(v.contains(exact)).isTrue();
        assertThat(v.certainDigits()).isGreaterThanOrEqualTo(14);
    }

    /**
     * The issue's other cases at double precision: log(eˣ + eʸ) at (800, 801) is [709.78, +∞] ∋ 801.3132 (e⁸⁰⁰
     * overflows: not finite, said so); tanh'(20) = 1 − tanh² 20 = 1.6993e-17 lies in [0, 8.9e-16] (no digit
     * certain); asinh'(1e200) = 1/hypot(1, 1e200) = 1e-200 to 15 digits; atan2's gradient at (1e-200, 1e-200)
     * needs hypot² = 2e-400, below double's range: cannot certify (the high-precision path can).
     */
    @Test
    void theIssuesOtherCasesAreContainedOrRefused() {
        CertifiedGradient<Interval> lse = gradient("log(exp(x) + exp(y))", 800, 801);
        assertThat(lse.value().contains(new BigDecimal("801.3132616875182")) && !lse.value().isFinite()).isTrue();
        CertifiedGradient<Interval> tanh = gradient("tanh(x)", 20);
        assertThat(tanh.gradient().get(0).contains(new BigDecimal("1.6993417021166355e-17"))).isTrue();
        assertThat(tanh.gradient().get(0).certainDigits()).isZero();
        CertifiedGradient<Interval> asinh = gradient("asinh(x)", 1e200);
        assertThat(asinh.gradient().get(0).contains(new BigDecimal("1e-200"))).isTrue();
        assertThat(asinh.gradient().get(0).certainDigits()).isGreaterThanOrEqualTo(15);
        assertThatThrownBy(() -> gradient("atan2(y, x)", 1e-200, 1e-200)).isInstanceOf(UndecidedException.class);
    }

    /** Typed constants are enclosed as typed: 0.1·x at 3 contains 3/10 (not the binary 0.1's product only). */
    @Test
    void typedConstantsAreEnclosedExactly() {
        Interval v = Enclosures.intervals(Formula.parse("0.1*x + 1/3")).value(Enclosures.points(3), null);
        BigDecimal exact = new BigDecimal("0.3").add(BigDecimal.ONE.divide(BigDecimal.valueOf(3), MC));
        assertThat(v.contains(exact)).as("%s contains %s", v, exact).isTrue();
        assertThat(v.certainDigits()).isGreaterThanOrEqualTo(15);
    }
}
