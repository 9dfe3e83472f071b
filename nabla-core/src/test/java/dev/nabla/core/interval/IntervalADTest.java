package dev.nabla.core.interval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nabla.core.ad.AD;
import dev.nabla.core.ad.RealFunction;
import dev.nabla.core.prim.BigReference;
import dev.nabla.core.prim.Primitive;
import dev.nabla.core.prim.TablePoints;
import dev.nabla.core.prim.UndecidedException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Enclosures of f and ∇f for Java code ({@link IntervalAD}): the same {@link RealFunction}s AD differentiates,
 * on interval dual numbers. References are hand-derived series and closed forms in BigDecimal, and the 60-digit
 * values of {@link BigReference}.
 */
class IntervalADTest {
    private static final MathContext MC = new MathContext(50);

    /** (eˣ − 1)/x at 1e-8: value Σ xⁿ/(n+1)! = 1.000000005…, slope Σ (n+1)xⁿ/(n+2)! = 0.5000000033…. */
    @Test
    void cancellationIsContained() {
        double x = 1e-8;
        CertifiedGradient<Interval> g = IntervalAD.gradient(v -> v[0].exp().subtract(1).divide(v[0]), x);
        BigDecimal bx = new BigDecimal(x);
        BigDecimal value = BigDecimal.ONE.add(bx.divide(BigDecimal.valueOf(2), MC)).add(bx.pow(2).divide(
                BigDecimal.valueOf(6), MC)); // + x³/24 < 1e-25: inside the enclosure's width
        BigDecimal slope = new BigDecimal("0.5").add(bx.divide(BigDecimal.valueOf(3), MC));
        assertThat(g.value().contains(value)).as("%s", g.value()).isTrue();
        assertThat(g.gradient().get(0).contains(slope)).as("%s", g.gradient()).isTrue();
        // AD's double slope 1.6077470928430557 is noise, and the enclosure says so: it certifies no digit
        assertThat(g.gradient().get(0).certainDigits()).isZero();
    }

    /** √(x² + y²) at (3e200, 4e200): x² overflows, the enclosure holds 5e200 and says it is not finite. */
    @Test
    void overflowIsHonest() {
        CertifiedGradient<Interval> g = IntervalAD.gradient(v -> v[0].square().add(v[1].square()).sqrt(), 3e200, 4e200);
        assertThat(g.value().contains(5e200) && !g.value().isFinite()).isTrue();
        assertThat(g.gradient().get(0).contains(0.6) && g.gradient().get(1).contains(0.8)).isTrue();
        CertifiedGradient<Interval> h = IntervalAD.gradient(v -> v[0].hypot(v[1]), 3e200, 4e200);
        assertThat(h.value().contains(new BigDecimal("5e200")) && h.value().certainDigits() >= 14).isTrue();
        assertThat(h.gradient().get(1).contains(new BigDecimal("0.8")) && h.gradient().get(1).certainDigits() >= 14)
                .isTrue();
    }

    /** Every unary primitive at the table's points: f = p(x) has value and slope enclosures holding the value. */
    @ParameterizedTest
    @EnumSource(Primitive.class)
    void everyPrimitivesValueIsContained(Primitive p) {
        RealFunction f = p.arity() == 1 ? v -> v[0].apply(p) : v -> v[0].apply(p, v[1]);
        int checked = 0;
        for (double[] x : TablePoints.points(p, 40)) {
            double a = x[0] + 0.0;
            double b = x[1] + 0.0;
            BigReference.Bracket r = BigReference.value(p, a, b);
            if (r == null || r.value() == null) {
                continue;
            }
            CertifiedGradient<Interval> g;
            try {
                g = IntervalAD.gradient(f, p.arity() == 1 ? new double[] {a} : new double[] {a, b});
            } catch (UndecidedException | dev.nabla.core.prim.OutsideDomainException derivativeUndefined) {
                continue; // e.g. the slope of √ at 0
            }
            assertThat(IntervalTest.encloses(g.value(), r)).as("%s(%s, %s) = %s", p, a, b, g.value()).isTrue();
            checked++;
        }
        assertThat(checked).isGreaterThan(10);
    }

    /** The slope enclosures hold the double slope of AD wherever AD's value is accurate and f is smooth. */
    @Test
    void slopesAgreeWithAdWhereItIsWellConditioned() {
        Random r = new Random(3);
        RealFunction f = v -> v[0].sin().multiply(v[1].exp()).add(v[0].atan2(v[1])).subtract(v[1].square().log1p());
        for (int k = 0; k < 200; k++) {
            double[] x = {-3 + 6 * r.nextDouble(), -3 + 6 * r.nextDouble()};
            CertifiedGradient<Interval> g = IntervalAD.gradient(f, x);
            double[] ad = AD.valueAndGrad(f, x).gradient();
            for (int i = 0; i < 2; i++) {
                Interval e = g.gradient().get(i);
                double tolerance = 64 * Math.ulp(Math.max(Math.abs(ad[i]), 10)); // AD's own rounding
                assertThat(e.lo() - tolerance <= ad[i] && ad[i] <= e.hi() + tolerance).as("%s vs %s", e, ad[i]).isTrue();
                assertThat(e.width()).isLessThan(1e-12 * Math.max(1, Math.abs(ad[i])));
            }
        }
    }

    @Test
    void aBranchOnAnUncertainValueCannotBeCertified() {
        RealFunction branchy = v -> v[0].multiply(0.1).value() > 0.05 ? v[0] : v[0].negate();
        assertThatThrownBy(() -> IntervalAD.gradient(branchy, 0.7)).isInstanceOf(UndecidedException.class);
        RealFunction table = v -> v[0].multiply(0.1).max(v[0].constant(0.05));
        assertThat(IntervalAD.value(table, 0.7).contains(0.07)).isTrue();
        Interval d = IntervalAD.directionalDerivative(v -> v[0].multiply(v[1]), new double[] {2, 3}, new double[] {1, -1});
        assertThat(d).isEqualTo(Interval.of(1));
    }

    /**
     * Issue 14's Hessian of atan(1/x) at 1e-8, as AD's second-order engines compute it from the table:
     * f'' = atan''(u) u'² + atan'(u) u'' with u = 1/x. The two terms are −2e8 and +2e8 and the answer is
     * 2x/(1 + x²)² = 1.99999999999999996e-8, so the relative cancellation is 1e16: no form of the rules makes
     * double arithmetic give a digit of it (AD printed 2.98e-8, the formula engine −2.47e-8). Over intervals the
     * same rules contain the true value and are honestly wider than it; higher precision gives the digits.
     */
    @Test
    void theChainRulesHessianOfAtanOfTheReciprocalIsContainedNotPretended() {
        Intervals I = Intervals.ALGEBRA;
        Interval x = Interval.of(1e-8);
        Interval one = Interval.of(1);
        Interval u = Primitive.DIVIDE.define(I, one, x);
        Interval du = Primitive.DIVIDE.partial(I, 1, one, x, u);
        Interval ddu = Primitive.DIVIDE.second(I, 1, 1, one, x, u);
        Interval atan = Primitive.ATAN.define(I, u, null);
        Interval h = I.add(I.multiply(Primitive.ATAN.second(I, 0, 0, u, null, atan), I.multiply(du, du)),
                I.multiply(Primitive.ATAN.partial(I, 0, u, null, atan), ddu));
        BigDecimal bx = new BigDecimal(1e-8);
        BigDecimal exact = bx.multiply(BigDecimal.valueOf(2)).divide(BigDecimal.ONE.add(bx.pow(2)).pow(2), MC);
        assertThat(h.contains(exact)).as("%s contains %s", h, exact).isTrue();
        assertThat(h.certainDigits()).isZero();
        assertThat(h.width()).isGreaterThan(2e-8);
    }
}
