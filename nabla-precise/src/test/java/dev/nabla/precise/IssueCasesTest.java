package dev.nabla.precise;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nabla.symbolic.Formula;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.List;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.junit.jupiter.api.Test;

/**
 * The cases of issue 20, where plain double evaluation prints sixteen confident digits of noise: certified,
 * every number is the correctly rounded double of the true value. The references come from elsewhere: series
 * derived by hand and summed exactly, identities evaluated with the JDK's BigDecimal, and apfloat.
 */
class IssueCasesTest {
    private static final MathContext MC = new MathContext(60);

    private static Certify.Report gradient(String formula, String... point) {
        Formula f = Formula.parse(formula);
        return Certify.of(new Certify.Request(f, List.of(point), true, null, false), Certify.Goal.DOUBLE);
    }

    /** The double nearest to the reference: what a certified number must print. */
    private static void assertCertified(Certified c, BigDecimal reference) {
        assertThat(c.correctlyRoundedDouble()).as("certified %s", c).isPresent();
        assertThat(c.correctlyRoundedDouble().getAsDouble()).as("%s vs %s", c, reference)
                .isEqualTo(Double.parseDouble(reference.toString()));
        assertThat(c.enclosure().contains(reference) || c.enclosure().width().compareTo(reference.abs().scaleByPowerOfTen(-50)) < 0)
                .as("%s contains %s", c.enclosure(), reference).isTrue();
    }

    /** (eˣ − 1)/x = Σ xᵏ/(k+1)!, its derivative Σ k xᵏ⁻¹/(k+1)!: at 10⁻⁸ twelve terms leave less than 10⁻⁹⁰. */
    @Test
    void expm1OverXAtOneHundredMillionth() {
        Certify.Report r = gradient("(exp(x) - 1)/x", "1e-8");
        BigDecimal x = new BigDecimal("1e-8");
        BigDecimal f = BigDecimal.ZERO;
        BigDecimal df = BigDecimal.ZERO;
        BigDecimal factorial = BigDecimal.ONE;
        for (int k = 0; k < 12; k++) {
            factorial = factorial.multiply(BigDecimal.valueOf(k + 1));
            f = f.add(x.pow(k).divide(factorial, MC));
            if (k > 0) {
                df = df.add(BigDecimal.valueOf(k).multiply(x.pow(k - 1)).divide(factorial, MC));
            }
        }
        assertCertified(r.value(), f);
        assertCertified(r.gradient().get(0), df);
        assertThat(r.value().text()).startsWith("1.000000005");
        assertThat(r.gradient().get(0).text()).startsWith("0.50000000333");
    }

    /** (√(1 + x) − 1)/x = 1/(√(1 + x) + 1); derivative −1/(2√(1 + x)(√(1 + x) + 1)²). */
    @Test
    void sqrtDifferenceAtOneBillionth() {
        Certify.Report r = gradient("(sqrt(1 + x) - 1)/x", "1e-9");
        BigDecimal s = BigDecimal.ONE.add(new BigDecimal("1e-9")).sqrt(MC);
        BigDecimal sp1 = s.add(BigDecimal.ONE);
        assertCertified(r.value(), BigDecimal.ONE.divide(sp1, MC));
        assertCertified(r.gradient().get(0), BigDecimal.ONE.negate().divide(BigDecimal.valueOf(2).multiply(s).multiply(sp1.pow(2)), MC));
        assertThat(r.gradient().get(0).text()).startsWith("-0.124999999875");
    }

    /** (1 − cos x)/x² = Σ (−1)ᵏ x²ᵏ/(2k+2)!; its derivative Σ (−1)ᵏ 2k x²ᵏ⁻¹/(2k+2)! = −x/12 + x³/180 − …. */
    @Test
    void oneMinusCosineOverXSquaredHasTheRightSign() {
        Certify.Report r = gradient("(1 - cos(x))/x^2", "1e-4");
        BigDecimal x = new BigDecimal("1e-4");
        BigDecimal f = BigDecimal.ZERO;
        BigDecimal df = BigDecimal.ZERO;
        for (int k = 0; k < 12; k++) {
            BigDecimal fact = factorial(2 * k + 2);
            BigDecimal sign = BigDecimal.valueOf(k % 2 == 0 ? 1 : -1);
            f = f.add(sign.multiply(x.pow(2 * k)).divide(fact, MC));
            if (k > 0) {
                df = df.add(sign.multiply(BigDecimal.valueOf(2L * k)).multiply(x.pow(2 * k - 1)).divide(fact, MC));
            }
        }
        assertCertified(r.value(), f);
        assertCertified(r.gradient().get(0), df);
        assertThat(r.gradient().get(0).text()).startsWith("-8.333333327");
    }

    @Test
    void theHypotenuseDoesNotOverflowOnTheWay() {
        Certify.Report r = gradient("sqrt(x^2 + y^2)", "3e200", "4e200");
        assertCertified(r.value(), new BigDecimal("5e200"));
        assertCertified(r.gradient().get(0), new BigDecimal("0.6"));
        assertCertified(r.gradient().get(1), new BigDecimal("0.8"));
        assertThat(r.value().text()).isEqualTo("5e200");
    }

    /** log(eˣ + eʸ) = 801 + log(1 + e⁻¹), ∇ = (1/(1 + e), e/(1 + e)), with e from apfloat. */
    @Test
    void logSumExpOfLargeArguments() {
        Certify.Report r = gradient("log(exp(x) + exp(y))", "800", "801");
        Apfloat e = ApfloatMath.exp(new Apfloat(1, 80));
        Apfloat one = new Apfloat(1, 80);
        assertCertified(r.value(), big(new Apfloat(801, 80).add(ApfloatMath.log(one.add(one.divide(e))))));
        assertCertified(r.gradient().get(0), big(one.divide(one.add(e))));
        assertCertified(r.gradient().get(1), big(e.divide(one.add(e))));
        assertThat(r.value().text()).startsWith("801.3132");
    }

    /** tanh′(20) = 4/(e²⁰ + e⁻²⁰)², with e from apfloat. */
    @Test
    void tanhDerivativeFarOut() {
        Certify.Report r = gradient("tanh(x)", "20");
        Apfloat e20 = ApfloatMath.exp(new Apfloat(20, 80));
        Apfloat cosh2 = e20.add(new Apfloat(1, 80).divide(e20));
        assertCertified(r.gradient().get(0), big(new Apfloat(4, 80).divide(cosh2.multiply(cosh2))));
        assertThat(r.gradient().get(0).text()).isEqualTo("1.6993417021166355e-17");
    }

    /** ∇atan2(y, x) = (−y, x)/(x² + y²) = (−5e199, 5e199) exactly at x = y = 1e-200. */
    @Test
    void atan2AtTinyArguments() {
        Certify.Report r = gradient("atan2(y, x)", "1e-200", "1e-200");
        List<String> names = Formula.parse("atan2(y, x)").variables();
        BigDecimal dx = new BigDecimal("-5e199");
        int ix = names.indexOf("x");
        assertCertified(r.gradient().get(ix), dx);
        assertCertified(r.gradient().get(1 - ix), dx.negate());
    }

    /** asinh′(x) = 1/√(1 + x²) at 1e200: 1e-200 to far more than 17 digits. */
    @Test
    void asinhDerivativeAtHugeArgument() {
        Certify.Report r = gradient("asinh(x)", "1e200");
        BigDecimal x = new BigDecimal("1e200");
        assertCertified(r.gradient().get(0), BigDecimal.ONE.divide(BigDecimal.ONE.add(x.pow(2)).sqrt(MC), MC));
        assertThat(r.gradient().get(0).text()).isEqualTo("1e-200");
    }

    @Test
    void valuesBeyondDoublesRangeAreSaidToBe() {
        Certify.Report r = Certify.of(Certify.Request.value(Formula.parse("exp(x)*exp(x)"), List.of("500")), Certify.Goal.DOUBLE);
        assertThat(r.value().range()).isEqualTo(Certified.Range.ABOVE);
        BigDecimal e1000 = big(ApfloatMath.exp(new Apfloat(1000, 60)));
        assertThat(r.value().enclosure().contains(e1000)).isTrue();
        assertThat(r.value().text()).isEqualTo(Decimals.significant(e1000, 17)).isEqualTo("1.9700711140170470e434");
        assertThat(r.value().note()).contains("beyond double's range");
    }

    private static BigDecimal big(Apfloat a) {
        return new BigDecimal(a.toString(true));
    }

    private static BigDecimal factorial(int n) {
        BigDecimal f = BigDecimal.ONE;
        for (int i = 2; i <= n; i++) {
            f = f.multiply(BigDecimal.valueOf(i));
        }
        return f;
    }

    @SuppressWarnings("unused")
    private static String show(Certify.Report r) {
        return Arrays.toString(r.all().stream().map(Certified::text).toArray());
    }
}
