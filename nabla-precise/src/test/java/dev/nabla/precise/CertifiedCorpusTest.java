package dev.nabla.precise;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nabla.symbolic.Formula;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A corpus of cancellation-prone, extreme-range and ill-conditioned formulas: values, gradient components and
 * Hessian entries, each certified by {@link Certify} and compared with a reference that does not come from the
 * code under test: exact rational arithmetic (BigDecimal's exact + − ×), the derivative derived by hand and
 * evaluated with apfloat (an independent arbitrary-precision library) at 100 digits, series with their first
 * terms, the literature (sin 10²², Rump's example).
 *
 * <p>Pass criterion, for every number: either the correctly rounded double is certified and equals the double
 * nearest the reference, or the digits printed as certain (possibly none) are the reference's digits. No
 * tolerance: a digit is right or it is not.
 */
class CertifiedCorpusTest {
    private static final long P = 100;
    private static final MathContext MC = new MathContext(100);

    /** Which number of the formula at the point: the value, ∂f/∂xᵢ, ∂²f/∂xᵢ∂xⱼ (variables in sorted order). */
    record Target(int order, int i, int j) {
        static final Target VALUE = new Target(0, 0, 0);

        static Target d(int i) {
            return new Target(1, i, 0);
        }

        static Target h(int i, int j) {
            return new Target(2, i, j);
        }
    }

    record Case(String formula, String point, Target target, Supplier<BigDecimal> reference) {
        @Override
        public String toString() {
            String what = target.order() == 0 ? "f" : target.order() == 1 ? "∂" + target.i() : "∂²" + target.i() + target.j();
            return what + " of " + formula + " at " + point;
        }
    }

    static Apfloat a(String x) {
        return new Apfloat(new BigDecimal(x), P);
    }

    static Apfloat a(long x) {
        return new Apfloat(x, P);
    }

    static BigDecimal big(Apfloat x) {
        return new BigDecimal(x.toString(true));
    }

    static BigDecimal d(String x) {
        return new BigDecimal(x);
    }

    static Case c(String formula, String point, Target t, Supplier<BigDecimal> reference) {
        return new Case(formula, point, t, reference);
    }

    static Stream<Case> corpus() {
        List<Case> cs = new ArrayList<>();
        Apfloat one = a(1);
        Apfloat two = a(2);
        // ---- cancellation: references by identities, series or exact arithmetic
        for (String x : new String[] {"1e-8", "1e-15", "-1e-12", "1e-30"}) {
            // (eˣ − 1)/x, derivative (x eˣ − eˣ + 1)/x²
            cs.add(c("(exp(x) - 1)/x", x, Target.VALUE, () -> big(ApfloatMath.exp(a(x)).subtract(one).divide(a(x)))));
            cs.add(c("(exp(x) - 1)/x", x, Target.d(0), () -> {
                // the numerator cancels to x²/2: 200 digits leave more than 100
                Apfloat xx = new Apfloat(new BigDecimal(x), 2 * P);
                Apfloat ex = ApfloatMath.exp(xx);
                return big(xx.multiply(ex).subtract(ex).add(new Apfloat(1, 2 * P)).divide(xx.multiply(xx)));
            }));
        }
        for (String x : new String[] {"1e-4", "1e-7", "3e-10"}) {
            // (1 − cos x)/x² = 2 sin²(x/2)/x², derivative by hand: (x sin x − 2(1 − cos x))/x³ = (x sin x − 4 sin²(x/2))/x³
            cs.add(c("(1 - cos(x))/x^2", x, Target.VALUE, () -> {
                Apfloat s = ApfloatMath.sin(a(x).divide(two));
                return big(two.multiply(s).multiply(s).divide(a(x).multiply(a(x))));
            }));
            cs.add(c("(1 - cos(x))/x^2", x, Target.d(0), () -> {
                Apfloat s = ApfloatMath.sin(a(x).divide(two));
                Apfloat num = a(x).multiply(ApfloatMath.sin(a(x))).subtract(a(4).multiply(s).multiply(s));
                return big(num.divide(ApfloatMath.pow(a(x), 3)));
            }));
        }
        for (String x : new String[] {"1e-9", "1e-14"}) {
            // 1/(√(1 + x) + 1), derivative −1/(2√(1 + x)(√(1 + x) + 1)²), with the JDK's correctly rounded √
            BigDecimal s = BigDecimal.ONE.add(d(x)).sqrt(MC);
            cs.add(c("(sqrt(1 + x) - 1)/x", x, Target.VALUE, () -> BigDecimal.ONE.divide(s.add(BigDecimal.ONE), MC)));
            cs.add(c("(sqrt(1 + x) - 1)/x", x, Target.d(0), () -> BigDecimal.ONE.negate()
                    .divide(BigDecimal.valueOf(2).multiply(s).multiply(s.add(BigDecimal.ONE).pow(2)), MC)));
        }
        // log(1 + x)/x, x sin: (x − sin x)/x³ = 1/6 − x²/120 + …, (tan x − sin x)/x³
        cs.add(c("log(1 + x)/x", "1e-10", Target.VALUE, () -> big(ApfloatMath.log(one.add(a("1e-10"))).divide(a("1e-10")))));
        cs.add(c("(x - sin(x))/x^3", "1e-3", Target.VALUE, () -> big(a("1e-3").subtract(ApfloatMath.sin(a("1e-3"))).divide(ApfloatMath.pow(a("1e-3"), 3)))));
        cs.add(c("(x - sin(x))/x^3", "1e-6", Target.VALUE, () -> {
            BigDecimal x = d("1e-6");
            // 1/6 − x²/120 + x⁴/5040 − …: three terms leave < 1e-40
            return BigDecimal.ONE.divide(BigDecimal.valueOf(6), MC).subtract(x.pow(2).divide(BigDecimal.valueOf(120), MC))
                    .add(x.pow(4).divide(BigDecimal.valueOf(5040), MC));
        }));
        cs.add(c("(tan(x) - sin(x))/x^3", "1e-4", Target.VALUE, () -> big(ApfloatMath.tan(a("1e-4")).subtract(ApfloatMath.sin(a("1e-4"))).divide(ApfloatMath.pow(a("1e-4"), 3)))));
        // √(x + 1) − √x = 1/(√(x + 1) + √x); derivative (1/(2√(x+1)) − 1/(2√x))
        for (String x : new String[] {"1e12", "1e20"}) {
            BigDecimal s1 = d(x).add(BigDecimal.ONE).sqrt(MC);
            BigDecimal s0 = d(x).sqrt(MC);
            cs.add(c("sqrt(x + 1) - sqrt(x)", x, Target.VALUE, () -> BigDecimal.ONE.divide(s1.add(s0), MC)));
            cs.add(c("sqrt(x + 1) - sqrt(x)", x, Target.d(0), () -> BigDecimal.ONE.divide(s1.multiply(BigDecimal.valueOf(2)), MC)
                    .subtract(BigDecimal.ONE.divide(s0.multiply(BigDecimal.valueOf(2)), MC))));
        }
        cs.add(c("x*(sqrt(x^2 + 1) - x)", "1e8", Target.VALUE, () -> {
            BigDecimal x = d("1e8");
            return x.divide(x.pow(2).add(BigDecimal.ONE).sqrt(MC).add(x), MC);
        }));
        // exact rational arithmetic
        cs.add(c("(1 + x)^3 - 1 - 3*x - 3*x^2", "1e-6", Target.VALUE, () -> d("1e-6").pow(3)));
        cs.add(c("(x + 1)^2 - x^2", "1e9", Target.VALUE, () -> d("2000000001")));
        cs.add(c("x^2 - y^2", "100000001,100000000", Target.VALUE, () -> d("200000001")));
        cs.add(c("1/(1 - x) - 1/(1 + x)", "1e-9", Target.VALUE, () -> d("2e-9").divide(BigDecimal.ONE.subtract(d("1e-18")), MC)));
        cs.add(c("x^3 - 3*x^2 + 3*x - 1", "1.000001", Target.VALUE, () -> d("1e-18")));
        cs.add(c("x^3 - 3*x^2 + 3*x - 1", "1.000001", Target.d(0), () -> d("3e-12")));
        cs.add(c("x^3 - 3*x^2 + 3*x - 1", "1.000001", Target.h(0, 0), () -> d("6e-6")));
        cs.add(c("x^3 - 6*x^2 + 11*x - 6", "1.00000001", Target.VALUE, () -> {
            BigDecimal x = d("1.00000001");
            return x.subtract(BigDecimal.ONE).multiply(x.subtract(BigDecimal.valueOf(2))).multiply(x.subtract(BigDecimal.valueOf(3)));
        }));
        // Rump's example: 333.75y⁶ + x²(11x²y² − y⁶ − 121y⁴ − 2) + 5.5y⁸ + x/(2y) at (77617, 33096) = −0.8273960599…
        cs.add(c("333.75*y^6 + x^2*(11*x^2*y^2 - y^6 - 121*y^4 - 2) + 5.5*y^8 + x/(2*y)", "77617,33096", Target.VALUE, () -> {
            BigDecimal x = d("77617");
            BigDecimal y = d("33096");
            BigDecimal poly = d("333.75").multiply(y.pow(6)).add(x.pow(2).multiply(BigDecimal.valueOf(11).multiply(x.pow(2))
                    .multiply(y.pow(2)).subtract(y.pow(6)).subtract(BigDecimal.valueOf(121).multiply(y.pow(4)))
                    .subtract(BigDecimal.valueOf(2)))).add(d("5.5").multiply(y.pow(8)));
            return poly.add(x.divide(y.multiply(BigDecimal.valueOf(2)), MC));
        }));
        cs.add(c("log(x) - log(y)", "1.000000000001,1", Target.VALUE, () -> big(ApfloatMath.log(a("1.000000000001")))));
        cs.add(c("exp(x) - exp(y)", "1e-10,-1e-10", Target.VALUE, () -> big(ApfloatMath.exp(a("1e-10")).subtract(ApfloatMath.exp(a("-1e-10"))))));
        cs.add(c("cos(x) - cos(y)", "1,1.000000001", Target.VALUE, () -> big(ApfloatMath.cos(one).subtract(ApfloatMath.cos(a("1.000000001"))))));
        cs.add(c("atan(x) - atan(y)", "100000001,100000000", Target.VALUE, () -> big(ApfloatMath.atan(one.divide(a("10000000100000001"))))));
        // ---- extreme range
        cs.add(c("sqrt(x^2 + y^2)", "3e200,4e200", Target.VALUE, () -> d("5e200")));
        cs.add(c("sqrt(x^2 + y^2)", "3e200,4e200", Target.d(1), () -> d("0.8")));
        cs.add(c("sqrt(x^2 + y^2)", "3e-200,4e-200", Target.VALUE, () -> d("5e-200")));
        cs.add(c("sqrt(x^2 + y^2)", "3e-200,4e-200", Target.h(0, 0), () -> d("16e-400").divide(d("125e-600"), MC))); // y²/r³
        cs.add(c("log(exp(x) + exp(y))", "800,801", Target.VALUE, () -> big(a(801).add(ApfloatMath.log(one.add(one.divide(ApfloatMath.exp(one))))))));
        cs.add(c("log(exp(x) + exp(y))", "800,801", Target.d(0), () -> big(one.divide(one.add(ApfloatMath.exp(one))))));
        cs.add(c("log(exp(x) + exp(y))", "800,801", Target.h(0, 1), () -> {
            Apfloat e = ApfloatMath.exp(one); // −e/(1 + e)²
            return big(e.negate().divide(one.add(e).multiply(one.add(e))));
        }));
        cs.add(c("exp(x)/(1 + exp(x))", "800", Target.VALUE, () -> big(one.divide(one.add(ApfloatMath.exp(a(-800)))))));
        cs.add(c("exp(x)/(1 + exp(x))", "-800", Target.VALUE, () -> big(one.divide(one.add(ApfloatMath.exp(a(800)))))));
        cs.add(c("tanh(x)", "20", Target.d(0), () -> {
            Apfloat ch = ApfloatMath.cosh(a(20));
            return big(one.divide(ch.multiply(ch)));
        }));
        cs.add(c("tanh(x)", "-30", Target.d(0), () -> {
            Apfloat ch = ApfloatMath.cosh(a(30));
            return big(one.divide(ch.multiply(ch)));
        }));
        cs.add(c("asinh(x)", "1e200", Target.d(0), () -> BigDecimal.ONE.divide(BigDecimal.ONE.add(d("1e400")).sqrt(MC), MC)));
        cs.add(c("asinh(x)", "1e-10", Target.VALUE, () -> big(ApfloatMath.asinh(a("1e-10")))));
        cs.add(c("atan2(y, x)", "1e-200,1e-200", Target.d(0), () -> d("-5e199")));
        cs.add(c("x*exp(-x)", "1000", Target.VALUE, () -> big(a(1000).multiply(ApfloatMath.exp(a(-1000))))));
        cs.add(c("log(x)", "1e-300", Target.d(0), () -> d("1e300")));
        cs.add(c("1/x", "1e-320", Target.VALUE, () -> d("1e320")));
        cs.add(c("x^2", "1e300", Target.VALUE, () -> d("1e600")));
        cs.add(c("erf(x)", "1e-10", Target.VALUE, () -> big(ApfloatMath.erf(a("1e-10")))));
        cs.add(c("erf(x)", "-3", Target.VALUE, () -> big(ApfloatMath.erf(a(-3)))));
        cs.add(c("erf(x)", "6", Target.d(0), () -> big(two.divide(ApfloatMath.sqrt(ApfloatMath.pi(P))).multiply(ApfloatMath.exp(a(-36))))));
        cs.add(c("sin(x)", "1e22", Target.VALUE, () -> big(ApfloatMath.sin(new Apfloat(new BigDecimal("1e22"), 150)))));
        cs.add(c("cos(x)", "1e10", Target.VALUE, () -> big(ApfloatMath.cos(new Apfloat(new BigDecimal("1e10"), 120)))));
        cs.add(c("atanh(x)", "0.999999999999999", Target.VALUE, () -> big(ApfloatMath.atanh(a("0.999999999999999")))));
        cs.add(c("acosh(x)", "1.000000000001", Target.VALUE, () -> big(ApfloatMath.acosh(a("1.000000000001")))));
        cs.add(c("expm1(x)", "1e-20", Target.VALUE, () -> big(ApfloatMath.exp(a("1e-20")).subtract(one))));
        // ---- ill-conditioned Hessians near singular points: by hand
        for (String x : new String[] {"1e-8", "1e-4"}) {
            // atan(1/x): f′ = −1/(1 + x²), f″ = 2x/(1 + x²)²
            BigDecimal xx = d(x);
            BigDecimal q = BigDecimal.ONE.add(xx.pow(2));
            cs.add(c("atan(1/x)", x, Target.d(0), () -> BigDecimal.ONE.negate().divide(q, MC)));
            cs.add(c("atan(1/x)", x, Target.h(0, 0), () -> xx.multiply(BigDecimal.valueOf(2)).divide(q.pow(2), MC)));
        }
        cs.add(c("log(x)", "1e-10", Target.h(0, 0), () -> d("-1e20")));
        cs.add(c("1/(x^2 + y^2)", "1e-5,2e-5", Target.h(0, 1), () -> {
            // ∂²/∂x∂y (x² + y²)⁻¹ = 8xy/(x² + y²)³
            BigDecimal x = d("1e-5");
            BigDecimal y = d("2e-5");
            return BigDecimal.valueOf(8).multiply(x).multiply(y).divide(x.pow(2).add(y.pow(2)).pow(3), MC);
        }));
        cs.add(c("sqrt(x)", "1e-30", Target.h(0, 0), () -> d("-0.25").divide(d("1e-30").pow(3).sqrt(MC), MC)));
        cs.add(c("x^y", "2,50", Target.d(1), () -> big(ApfloatMath.pow(two, 50).multiply(ApfloatMath.log(two)))));
        cs.add(c("exp(x*y)", "10,10", Target.h(0, 1), () -> big(ApfloatMath.exp(a(100)).multiply(a(101)))));
        cs.add(c("sin(x)/x", "1e-5", Target.h(0, 0), () -> {
            Apfloat x = a("1e-5"); // (sin x/x)″ = −sin x/x − 2cos x/x² + 2 sin x/x³
            Apfloat s = ApfloatMath.sin(x);
            Apfloat co = ApfloatMath.cos(x);
            return big(s.negate().divide(x).subtract(two.multiply(co).divide(x.multiply(x))).add(two.multiply(s).divide(ApfloatMath.pow(x, 3))));
        }));
        cs.add(c("(exp(x) - 1 - x)/x^2", "1e-5", Target.VALUE, () -> big(ApfloatMath.exp(a("1e-5")).subtract(one).subtract(a("1e-5")).divide(a("1e-10")))));
        cs.add(c("hypot(x, y)", "1e-300,1e-300", Target.d(0), () -> BigDecimal.ONE.divide(BigDecimal.valueOf(2).sqrt(MC), MC)));
        // ---- deep compositions
        cs.add(c("sin(sin(sin(sin(x))))", "0.5", Target.VALUE, () -> big(ApfloatMath.sin(ApfloatMath.sin(ApfloatMath.sin(ApfloatMath.sin(a("0.5"))))))));
        cs.add(c("exp(exp(exp(x)))", "1", Target.d(0), () -> {
            Apfloat e1 = ApfloatMath.exp(one); // d/dx e^(e^(eˣ)) = e^(e^(eˣ))·e^(eˣ)·eˣ
            Apfloat e2 = ApfloatMath.exp(e1);
            return big(ApfloatMath.exp(e2).multiply(e2).multiply(e1));
        }));
        cs.add(c("log(log(log(x)))", "1e10", Target.VALUE, () -> big(ApfloatMath.log(ApfloatMath.log(ApfloatMath.log(a("1e10")))))));
        cs.add(c("sqrt(sqrt(sqrt(x)))", "1e-100", Target.d(0), () -> {
            BigDecimal x = d("1e-100"); // (1/8) x^(−7/8) = (1/8)·10^87.5
            return BigDecimal.TEN.sqrt(MC).multiply(d("1e87")).divide(BigDecimal.valueOf(8), MC);
        }));
        cs.add(c("((x + 1)^10 - 1)/x", "1e-10", Target.VALUE, () -> {
            BigDecimal x = d("1e-10");
            return BigDecimal.ONE.add(x).pow(10).subtract(BigDecimal.ONE).divide(x, MC);
        }));
        return cs.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void everyDigitPrintedIsRight(Case k) {
        Formula f = Formula.parse(k.formula());
        Certify.Request request = new Certify.Request(f, List.of(k.point().split(",")), k.target().order() == 1, null,
                k.target().order() == 2);
        Certify.Report r = Certify.of(request, Certify.Goal.DOUBLE);
        Certified c = switch (k.target().order()) {
            case 0 -> r.value();
            case 1 -> r.gradient().get(k.target().i());
            default -> r.hessian().get(k.target().i()).get(k.target().j());
        };
        BigDecimal reference = k.reference().get();
        assertThat(c.enclosure()).as("%s is enclosed", k).isNotNull();
        BigDecimal slack = reference.abs().scaleByPowerOfTen(-60);
        assertThat(c.enclosure().lo().subtract(slack)).as("%s: %s ∋ %s", k, c.enclosure(), reference).isLessThanOrEqualTo(reference);
        assertThat(c.enclosure().hi().add(slack)).as("%s: %s ∋ %s", k, c.enclosure(), reference).isGreaterThanOrEqualTo(reference);
        if (c.isCorrectlyRoundedDouble()) {
            assertThat(c.correctlyRoundedDouble().getAsDouble()).as("%s", k).isEqualTo(Double.parseDouble(reference.toString()));
        } else {
            int digits = Math.min(c.digits(), 17);
            assertThat(c.note()).as("%s says how many digits are certain", k).isNotNull();
            if (digits > 0) {
                assertThat(new BigDecimal(c.text()).round(new MathContext(digits, RoundingMode.HALF_EVEN)))
                        .as("%s: %s", k, c.text())
                        .isEqualByComparingTo(reference.round(new MathContext(digits, RoundingMode.HALF_EVEN)));
            }
        }
    }

    @Test
    void theCorpusIsLargeEnough() {
        assertThat(corpus().count()).isGreaterThanOrEqualTo(60);
    }
}
