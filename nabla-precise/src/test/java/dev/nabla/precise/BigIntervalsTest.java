package dev.nabla.precise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;
import dev.nabla.core.prim.OutsideDomainException;
import dev.nabla.core.prim.UndecidedException;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The nine kernels of {@link BigIntervals} against apfloat (an independent arbitrary-precision library), exact
 * values, identities and series derived by hand; the outward rounding of + − × ÷; the domain errors.
 *
 * <p>Each kernel's enclosure at p digits must contain apfloat's value computed with p + 40 (+ lost) digits
 * (apfloat's own error, a few units of its last digit, is 10^−35 of our width) and be tight: its width at most
 * 10^(3−p) of the value's magnitude (the kernels promise ≈ 1 unit of the p-th digit; 100 leaves room for the
 * two outward roundings).
 */
class BigIntervalsTest {

    /** A kernel under test: our enclosure, and apfloat's value at a given precision. */
    record Kernel(String name, BiFunction<BigIntervals, BigInterval, BigInterval> ours,
            BiFunction<Apfloat, Long, Apfloat> reference, Function<Random, BigDecimal> points) {
        @Override
        public String toString() {
            return name;
        }
    }

    static BigDecimal randomMagnitude(Random r, int minExp, int maxExp, boolean signed) {
        BigDecimal mantissa = BigDecimal.valueOf(1 + 9 * r.nextDouble()).round(new MathContext(1 + r.nextInt(25)));
        int e = minExp + r.nextInt(maxExp - minExp + 1);
        BigDecimal x = mantissa.scaleByPowerOfTen(e);
        return signed && r.nextBoolean() ? x.negate() : x;
    }

    static Apfloat ap(BigDecimal x, long precision) {
        return new Apfloat(x, precision);
    }

    static List<Kernel> kernels() {
        return List.of(
                new Kernel("sqrt", BigIntervals::sqrt, (x, p) -> ApfloatMath.sqrt(x),
                        r -> randomMagnitude(r, -300, 300, false)),
                new Kernel("exp", BigIntervals::exp, (x, p) -> ApfloatMath.exp(x),
                        r -> randomMagnitude(r, -40, 3, true)),
                new Kernel("expm1", BigIntervals::expm1, (x, p) -> ApfloatMath.exp(x).subtract(new Apfloat(1)),
                        r -> randomMagnitude(r, -80, 1, true)),
                new Kernel("log", BigIntervals::log, (x, p) -> ApfloatMath.log(x),
                        r -> r.nextInt(3) == 0 ? BigDecimal.ONE.add(randomMagnitude(r, -60, -1, true))
                                : randomMagnitude(r, -300, 300, false)),
                new Kernel("log1p", BigIntervals::log1p, (x, p) -> ApfloatMath.log(x.add(new Apfloat(1))),
                        r -> randomMagnitude(r, -80, 5, false).multiply(BigDecimal.valueOf(r.nextBoolean() ? 1 : -1))
                                .max(new BigDecimal("-0.999"))),
                new Kernel("sin", BigIntervals::sin, (x, p) -> ApfloatMath.sin(x),
                        r -> randomMagnitude(r, -60, 25, true)),
                new Kernel("cos", BigIntervals::cos, (x, p) -> ApfloatMath.cos(x),
                        r -> randomMagnitude(r, -60, 25, true)),
                new Kernel("atan", BigIntervals::atan, (x, p) -> ApfloatMath.atan(x),
                        r -> randomMagnitude(r, -80, 80, true)),
                new Kernel("erf", BigIntervals::erf, (x, p) -> ApfloatMath.erf(x),
                        r -> randomMagnitude(r, -40, 1, true)));
    }

    static Stream<Arguments> kernelsAtPrecisions() {
        List<Arguments> cases = new ArrayList<>();
        for (Kernel k : kernels()) {
            for (int digits : new int[] {20, 45, 100}) {
                cases.add(Arguments.of(k, digits));
            }
        }
        return cases.stream();
    }

    /** The reference's precision: p + 40 digits, plus the digits cancellation costs (x near 1 in log, tiny u). */
    static long referencePrecision(BigDecimal x, int digits) {
        int e = BigInterval.exponent(x.abs());
        return digits + 40L + Math.abs(e) + x.precision();
    }

    @ParameterizedTest(name = "{0} at {1} digits")
    @MethodSource("kernelsAtPrecisions")
    void eachKernelEnclosesTheOtherLibrarysValueTightly(Kernel k, int digits) {
        Random random = new Random(20_000L + digits * 31L + k.name().hashCode());
        BigIntervals A = new BigIntervals(digits);
        for (int i = 0; i < 15; i++) {
            BigDecimal x = k.points().apply(random);
            BigInterval ours = k.ours().apply(A, BigInterval.of(x));
            long precision = referencePrecision(x, digits);
            BigDecimal reference = new BigDecimal(k.reference().apply(ap(x, precision), precision).toString(true));
            BigDecimal slack = reference.abs().scaleByPowerOfTen(-digits - 20);
            assertThat(ours.lo().subtract(slack)).as("%s(%s) lower end", k, x).isLessThanOrEqualTo(reference);
            assertThat(ours.hi().add(slack)).as("%s(%s) upper end", k, x).isGreaterThanOrEqualTo(reference);
            assertThat(ours.width()).as("%s(%s) width of %s", k, x, ours)
                    .isLessThanOrEqualTo(reference.abs().scaleByPowerOfTen(3 - digits));
        }
    }

    @ParameterizedTest(name = "{0} over intervals")
    @MethodSource("kernels")
    void anIntervalsEnclosureContainsTheValueAtEveryPointInside(Kernel k) {
        Random random = new Random(21_000L + k.name().hashCode());
        BigIntervals A = new BigIntervals(25);
        for (int i = 0; i < 12; i++) {
            BigDecimal a = k.points().apply(random);
            BigDecimal b = k.points().apply(random);
            BigInterval x = new BigInterval(a.min(b), a.max(b));
            BigInterval ours = k.ours().apply(A, x);
            for (int j = 0; j <= 4; j++) {
                // points spread over [a, b], and the extrema of sin/cos when they are inside
                BigDecimal t = x.lo().add(x.width().multiply(BigDecimal.valueOf(j / 4.0)));
                long precision = referencePrecision(t, 25);
                BigDecimal v = new BigDecimal(k.reference().apply(ap(t, precision), precision).toString(true));
                BigDecimal slack = v.abs().scaleByPowerOfTen(-40);
                assertThat(ours.lo().subtract(slack)).as("%s over %s at %s", k, x, t).isLessThanOrEqualTo(v);
                assertThat(ours.hi().add(slack)).as("%s over %s at %s", k, x, t).isGreaterThanOrEqualTo(v);
            }
        }
    }

    @Test
    void sinAndCosOverAnIntervalContainingAnExtremumReachOne() {
        BigIntervals A = new BigIntervals(30);
        BigInterval aroundHalfPi = new BigInterval(new BigDecimal("1.5"), new BigDecimal("1.6"));
        assertThat(A.sin(aroundHalfPi).hi()).isEqualByComparingTo("1");
        BigInterval aroundPi = new BigInterval(new BigDecimal("3.1"), new BigDecimal("3.2"));
        assertThat(A.cos(aroundPi).lo()).isEqualByComparingTo("-1");
        assertThat(A.cos(new BigInterval(new BigDecimal("-0.1"), new BigDecimal("0.2"))).hi()).isEqualByComparingTo("1");
        // a period or more: all of [−1, 1]
        BigInterval wide = A.sin(new BigInterval(BigDecimal.ZERO, BigDecimal.TEN));
        assertThat(wide.lo()).isEqualByComparingTo("-1");
        assertThat(wide.hi()).isEqualByComparingTo("1");
    }

    /** sin(10²²) to 22 digits, from K. C. Ng, "Argument reduction for huge arguments: good to the last bit" (1992). */
    @Test
    void sinOfAHugeArgumentIsReducedWithEnoughDigitsOfPi() {
        BigInterval s = new BigIntervals(30).sin(BigInterval.of(new BigDecimal("1e22")));
        assertThat(s.contains(new BigDecimal("-0.8522008497671888017727"))
                || s.lo().round(new MathContext(22, RoundingMode.HALF_EVEN))
                        .compareTo(new BigDecimal("-0.8522008497671888017727")) == 0).isTrue();
        assertThat(s.certainDigits(30)).isGreaterThanOrEqualTo(28);
    }

    @Test
    void exactValuesAndIdentities() {
        BigIntervals A = new BigIntervals(40);
        assertThat(A.exp(BigInterval.of(BigDecimal.ZERO))).isEqualTo(BigInterval.of(BigDecimal.ONE));
        assertThat(A.log(BigInterval.of(BigDecimal.ONE))).isEqualTo(BigInterval.of(BigDecimal.ZERO));
        assertThat(A.sqrt(BigInterval.of(new BigDecimal("2.25"))).contains(new BigDecimal("1.5"))).isTrue();
        // 4·atan 1 = π, sin π = 0, cos π = −1
        BigInterval pi = A.pi();
        assertThat(A.multiply(A.constant(4), A.atan(A.constant(1))).contains(new BigDecimal(
                "3.14159265358979323846264338327950288419716939937510"))).isTrue();
        assertThat(A.sin(pi).containsZero()).isTrue();
        assertThat(A.sin(pi).magnitude()).isLessThan(new BigDecimal("1e-37"));
        assertThat(A.cos(pi).contains(BigDecimal.ONE.negate())).isTrue();
        // exp(log x) ∋ x, sin² + cos² ∋ 1, erf(−x) = −erf(x)
        Random random = new Random(22_000);
        for (int i = 0; i < 30; i++) {
            BigDecimal x = randomMagnitude(random, -20, 20, false);
            assertThat(A.exp(A.log(BigInterval.of(x))).contains(x)).as("exp(log %s)", x).isTrue();
            BigInterval s = A.sin(BigInterval.of(x));
            BigInterval c = A.cos(BigInterval.of(x));
            assertThat(A.add(A.multiply(s, s), A.multiply(c, c)).contains(BigDecimal.ONE)).as("sin²+cos² at %s", x).isTrue();
            BigInterval e = A.erf(BigInterval.of(x));
            assertThat(A.erf(BigInterval.of(x.negate()))).isEqualTo(A.negate(e));
        }
    }

    /**
     * Tiny arguments, against the series derived by hand with an explicit remainder, evaluated exactly: for
     * |u| ≤ 10⁻¹⁰, expm1 u = u + u²/2 + u³/6 + ρ, |ρ| ≤ u⁴; log1p u = u − u²/2 + u³/3 + ρ, |ρ| ≤ u⁴;
     * sin u = u − u³/6 + ρ, |ρ| ≤ u⁵/120; atan u = u − u³/3 + ρ, |ρ| ≤ u⁵/5; erf u = (2/√π)(u − u³/3 + ρ), |ρ| ≤ u⁵/10.
     * Every enclosure must be relatively tight (the leading digits are not lost to cancellation) and agree with
     * the series to within its remainder.
     */
    @ParameterizedTest(name = "u = {0}")
    @MethodSource("tinyArguments")
    void tinyArgumentsKeepTheirRelativeAccuracy(BigDecimal u) {
        int digits = 30;
        BigIntervals A = new BigIntervals(digits);
        BigInterval x = BigInterval.of(u);
        BigDecimal u2 = u.multiply(u);
        BigDecimal u3 = u2.multiply(u);
        BigDecimal u4 = u2.multiply(u2);
        BigDecimal u5 = u4.multiply(u);
        MathContext mc = new MathContext(200);
        assertSeries(A.expm1(x), u.add(u2.divide(BigDecimal.valueOf(2))).add(u3.divide(BigDecimal.valueOf(6), mc)), u4, digits);
        assertSeries(A.log1p(x), u.subtract(u2.divide(BigDecimal.valueOf(2))).add(u3.divide(BigDecimal.valueOf(3), mc)), u4, digits);
        assertSeries(A.sin(x), u.subtract(u3.divide(BigDecimal.valueOf(6), mc)), u5.abs(), digits);
        assertSeries(A.atan(x), u.subtract(u3.divide(BigDecimal.valueOf(3), mc)), u5.abs(), digits);
        BigDecimal twoOverSqrtPi = new BigDecimal("1.1283791670955125738961589031215451716881012586580");
        BigDecimal erfSeries = twoOverSqrtPi.multiply(u.subtract(u3.divide(BigDecimal.valueOf(3), mc)));
        assertSeries(A.erf(x), erfSeries, u5.abs().add(u.abs().scaleByPowerOfTen(-48)), digits);
    }

    static Stream<BigDecimal> tinyArguments() {
        return Stream.of("1e-10", "-3.7e-12", "1e-17", "-2.5e-25", "1e-40", "7e-100", "-1e-400").map(BigDecimal::new);
    }

    private static void assertSeries(BigInterval ours, BigDecimal series, BigDecimal remainder, int digits) {
        assertThat(ours.lo().subtract(remainder)).as("%s vs series %s", ours, series).isLessThanOrEqualTo(series);
        assertThat(ours.hi().add(remainder)).as("%s vs series %s", ours, series).isGreaterThanOrEqualTo(series);
        assertThat(ours.certainDigits(digits)).as("certain digits of %s", ours).isGreaterThanOrEqualTo(digits - 3);
    }

    @Test
    void arithmeticRoundsOutwardAndKeepsTheExponentRange() {
        BigIntervals A = new BigIntervals(20);
        BigInterval third = A.exact(BigInteger.ONE, BigInteger.valueOf(3));
        assertThat(third.lo().multiply(BigDecimal.valueOf(3))).isLessThan(BigDecimal.ONE);
        assertThat(third.hi().multiply(BigDecimal.valueOf(3))).isGreaterThan(BigDecimal.ONE);
        assertThat(A.divide(A.constant(1), A.constant(3))).isEqualTo(third);
        // x² + y² at (3e200, 4e200) is 2.5e401, far beyond double's range, and √ of it 5e200
        BigInterval x = BigInterval.of(new BigDecimal("3e200"));
        BigInterval y = BigInterval.of(new BigDecimal("4e200"));
        BigInterval r = A.sqrt(A.add(A.multiply(x, x), A.multiply(y, y)));
        assertThat(r.contains(new BigDecimal("5e200"))).isTrue();
        assertThat(A.exp(A.constant(800)).lo()).isGreaterThan(new BigDecimal("1e347"));
        // subtraction is exact before rounding: (1 + 1e-30) − 1 at 40 digits
        BigIntervals B = new BigIntervals(40);
        assertThat(B.subtract(B.of(new BigDecimal("1.000000000000000000000000000001")), B.constant(1)))
                .isEqualTo(BigInterval.of(new BigDecimal("1e-30")));
    }

    @Test
    void whollyOutsideTheDomainIsAnErrorPartlyOutsideIsUndecided() {
        BigIntervals A = new BigIntervals(20);
        BigInterval negative = new BigInterval(new BigDecimal("-2"), new BigDecimal("-1"));
        BigInterval straddling = new BigInterval(new BigDecimal("-1e-40"), new BigDecimal("1e-30"));
        assertThatThrownBy(() -> A.log(negative)).isInstanceOf(OutsideDomainException.class)
                .hasMessageContaining("log");
        assertThatThrownBy(() -> A.sqrt(negative)).isInstanceOf(OutsideDomainException.class).hasMessageContaining("sqrt");
        assertThatThrownBy(() -> A.log1p(negative)).isInstanceOf(OutsideDomainException.class);
        assertThatThrownBy(() -> A.sqrt(straddling)).isInstanceOf(UndecidedException.class);
        assertThatThrownBy(() -> A.log(straddling)).isInstanceOf(UndecidedException.class);
        assertThatThrownBy(() -> A.divide(A.constant(1), straddling)).isInstanceOf(UndecidedException.class);
        assertThatThrownBy(() -> A.log(negative)).isInstanceOf(OutsideDomainException.class);
    }

    @Test
    void certainDigitsAreTheDigitsEveryPointRoundsTo() {
        BigInterval i = new BigInterval(new BigDecimal("0.1499999"), new BigDecimal("0.1500001"));
        assertThat(i.certainDigits(30)).isEqualTo(6); // 0.150000; at 1 digit 0.1 and 0.2 differ, at 2 both are 0.15
        assertThat(new BigInterval(new BigDecimal("2.71828"), new BigDecimal("2.71829")).certainDigits(30)).isEqualTo(5);
        assertThat(new BigInterval(new BigDecimal("-1e-30"), new BigDecimal("1e-30")).certainDigits(30)).isZero();
        assertThat(BigInterval.of(new BigDecimal("0.1")).certainDigits(17)).isEqualTo(17);
    }
}
