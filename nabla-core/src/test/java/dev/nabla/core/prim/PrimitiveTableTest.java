package dev.nabla.core.prim;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The table of primitives, entry by entry: every test iterates {@link Primitive#values()}, so a primitive added
 * to the table is checked here at once, at the seeded points of {@link TablePoints}.
 */
class PrimitiveTableTest {
    private static boolean same(double x, double y) {
        return x == y || Double.isNaN(x) && Double.isNaN(y);
    }

    @ParameterizedTest
    @EnumSource(Primitive.class)
    void theDoubleRuleIsTheGenericRuleOnDoublesBitForBit(Primitive p) {
        int checked = 0;
        for (double[] x : TablePoints.points(p, 400)) {
            if (p.kink(x[0], x[1]) != null) {
                continue; // the conventions: see the next test
            }
            double v = p.value(x[0], x[1]);
            for (int i = 0; i < p.arity(); i++) {
                if (p == Primitive.POW && i == 1 && x[0] == 0) {
                    continue; // a^b log a is 0·∞ at a = 0; the double rule takes its limit 0 (b > 0)
                }
                double specialised = p.partial(i, x[0], x[1], v);
                double generic = p.partial(Doubles.ALGEBRA, i, x[0], x[1], v);
                assertThat(same(specialised, generic)).as("%s partial %d at (%s, %s): %s vs %s", p, i, x[0], x[1],
                        specialised, generic).isTrue();
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(100);
    }

    @ParameterizedTest
    @EnumSource(Primitive.class)
    void atAKinkThePartialIsTheGenericRulesValueWhereFiniteElseZero(Primitive p) {
        for (double[] x : TablePoints.points(p, 400)) {
            if (p.kink(x[0], x[1]) == null) {
                continue;
            }
            double v = p.value(x[0], x[1]);
            for (int i = 0; i < p.arity(); i++) {
                double generic = p.partial(Doubles.ALGEBRA, i, x[0], x[1], v);
                assertThat(p.partial(i, x[0], x[1], v)).as("%s partial %d at the kink (%s, %s)", p, i, x[0], x[1])
                        .isEqualTo(Double.isFinite(generic) ? generic : 0);
            }
        }
    }

    @Test
    void everyPrimitiveWithAKinkDeclaresItAtItsKinkPoints() {
        assertThat(Primitive.ABS.kink(0, 0)).isEqualTo("abs at 0");
        assertThat(Primitive.SQRT.kink(0, 0)).isNotNull();
        assertThat(Primitive.MAX.kink(2, 2)).isEqualTo("max at a tie (both 2)");
        assertThat(Primitive.HYPOT.kink(0, 0)).isNotNull();
        assertThat(Primitive.SIN.kink(0, 0)).isNull();
        assertThat(Primitive.values()).filteredOn(Primitive::hasKinks).extracting(Primitive::name)
                .containsExactlyInAnyOrder("POW", "SQRT", "CBRT", "ASIN", "ACOS", "ACOSH", "ABS", "SIGN", "MIN",
                        "MAX", "HYPOT");
    }

    /** f(a) as a function of argument i at x. */
    private static double along(Primitive p, double[] x, int i, double t) {
        return i == 0 ? p.value(x[0] + t, x[1]) : p.value(x[0], x[1] + t);
    }

    private static double partialAlong(Primitive p, int i, double[] x, int j, double t) {
        double a = j == 0 ? x[0] + t : x[0];
        double b = j == 1 ? x[1] + t : x[1];
        return p.partial(i, a, b, p.value(a, b));
    }

    /** Smooth interior points of moderate size, where a Richardson-extrapolated central difference converges. */
    private static boolean interior(Primitive p, double[] x, double h) {
        if (Math.abs(x[0]) < 0.05 || Math.abs(x[0]) > 20 || p.arity() == 2 && (Math.abs(x[1]) < 0.05
                || Math.abs(x[1]) > 20)) {
            return false;
        }
        for (int k = -2; k <= 2; k++) {
            for (int j = 0; j < p.arity(); j++) {
                double a = j == 0 ? x[0] + k * h : x[0];
                double b = j == 1 ? x[1] + k * h : x[1];
                if (p.domainViolation(a, b) != null || p.kink(a, b) != null || Math.abs(p.value(a, b)) > 1e6) {
                    return false;
                }
            }
        }
        // no kink of max/min or abs/sign crossed between the samples
        return p != Primitive.MAX && p != Primitive.MIN || Math.abs(x[0] - x[1]) > 4 * h;
    }

    /**
     * The derivative of g at 0 by central differences with steps h and h/2, Richardson-extrapolated (truncation
     * error O(h⁴)).
     */
    private static double difference(java.util.function.DoubleUnaryOperator g, double h) {
        double d1 = (g.applyAsDouble(h) - g.applyAsDouble(-h)) / (2 * h);
        double d2 = (g.applyAsDouble(h / 2) - g.applyAsDouble(-h / 2)) / h;
        return (4 * d2 - d1) / 3;
    }

    /**
     * The derivative of g at 0 by {@link #difference} with h = 1e-3, or NaN when that estimate has not converged
     * (it differs from the one with h/8 by more than tol: a singularity is within a few h); then the point is
     * not a fair test of the rule.
     */
    private static double converged(java.util.function.DoubleUnaryOperator g, double tol) {
        double coarse = difference(g, 1e-3);
        double fine = difference(g, 1e-3 / 8);
        return Math.abs(coarse - fine) <= tol ? fine : Double.NaN;
    }

    /**
     * Each partial against a Richardson central difference of the value (converged: see {@link #converged}):
     * truncation ~h⁴|g⁽⁵⁾| and rounding ~1e-16|g|/h, so the tolerance is 1e-8 (1 + |g| + |g'|). An independent
     * path: only the values. At least 20 points of each primitive must be checked.
     */
    @ParameterizedTest
    @EnumSource(Primitive.class)
    void partialsAreTheDerivativesOfTheValues(Primitive p) {
        double h = 1e-3;
        int checked = 0;
        for (double[] x : TablePoints.points(p, 600)) {
            if (!interior(p, x, h)) {
                continue;
            }
            double v = p.value(x[0], x[1]);
            for (int i = 0; i < p.arity(); i++) {
                int arg = i;
                double d = p.partial(i, x[0], x[1], v);
                double tol = 1e-8 * (1 + Math.abs(v) + Math.abs(d));
                double fd = converged(t -> along(p, x, arg, t), tol);
                if (!Double.isNaN(fd)) {
                    assertThat(d).as("%s partial %d at (%s, %s)", p, i, x[0], x[1])
                            .isCloseTo(fd, org.assertj.core.api.Assertions.within(tol));
                    checked++;
                }
            }
        }
        assertThat(checked).as("interior points of " + p).isGreaterThan(20);
    }

    /** Each second partial (the generic rule on doubles) against a Richardson central difference of the partials. */
    @ParameterizedTest
    @EnumSource(Primitive.class)
    void secondPartialsAreTheDerivativesOfThePartials(Primitive p) {
        double h = 1e-3;
        int checked = 0;
        for (double[] x : TablePoints.points(p, 600)) {
            if (!interior(p, x, h)) {
                continue;
            }
            double v = p.value(x[0], x[1]);
            for (int i = 0; i < p.arity(); i++) {
                for (int j = 0; j < p.arity(); j++) {
                    int di = i;
                    int dj = j;
                    double d2 = p.second(Doubles.ALGEBRA, i, j, x[0], x[1], v);
                    double d = p.partial(i, x[0], x[1], v);
                    double tol = 1e-7 * (1 + Math.abs(d) + Math.abs(d2));
                    double fd = converged(t -> partialAlong(p, di, x, dj, t), tol);
                    if (!Double.isNaN(fd)) {
                        assertThat(d2).as("%s second %d%d at (%s, %s)", p, i, j, x[0], x[1]).isCloseTo(fd,
                                org.assertj.core.api.Assertions.within(tol));
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).as("interior points of " + p).isGreaterThan(20);
    }

    // ---- accuracy against 60-digit references ----

    static Stream<Double> erfPoints() {
        Random r = new Random(7);
        return Stream.concat(Stream.of(0.0, 1e-300, 1e-20, 0.5, 1.0, 2.4999999, 2.5, 3.0, 5.0, 5.9, 6.0, -1.0, -4.0),
                Stream.generate(() -> r.nextBoolean() ? -6.5 + 13 * r.nextDouble()
                        : Math.pow(10, -15 * r.nextDouble())).limit(600));
    }

    /** erf within half an ulp (plus a hair for the reference's rounding) of a 60-digit series everywhere. */
    @Test
    void erfIsAccurateToHalfAnUlp() {
        double worst = 0;
        for (double x : erfPoints().toList()) {
            double ulps = BigMath.ulps(Primitive.erf(x), BigMath.erf(BigMath.of(x)));
            worst = Math.max(worst, ulps);
            assertThat(ulps).as("erf(%s)", x).isLessThanOrEqualTo(0.51);
        }
        assertThat(Primitive.erf(Double.NaN)).isNaN();
        assertThat(Primitive.erf(Double.POSITIVE_INFINITY)).isEqualTo(1);
        assertThat(Primitive.erf(-0.0)).isEqualTo(-0.0);
        System.out.printf("erf: worst error %.3f ulp%n", worst);
    }

    /**
     * asinh, acosh, atanh within 2 ulps of log(a + √(a² ± 1)) and ½ log((1 + a)/(1 − a)) in 60 digits, from
     * 1e-300 to 1e300 and next to their edges; asinh(−1e8) in particular (the formula engine gave −∞).
     */
    @Test
    void inverseHyperbolicValuesAreAccurateEverywhere() {
        Random r = new Random(11);
        List<Double> xs = new ArrayList<>(List.of(-1e8, 1e8, -1e300, 1e-300, 0.5, 1 + 1e-12, 1e154, 1e155,
                1 - 1e-12, -1 + 1e-15));
        for (int k = 0; k < 300; k++) {
            xs.add((r.nextBoolean() ? 1 : -1) * Math.pow(10, -300 + 600 * r.nextDouble()));
            xs.add(1 + Math.pow(10, -15 * r.nextDouble()));
            xs.add((r.nextBoolean() ? 1 : -1) * (1 - Math.pow(10, -1 - 14 * r.nextDouble())));
        }
        for (double x : xs) {
            BigDecimal a = BigMath.of(x);
            assertThat(BigMath.ulps(Primitive.asinh(x), BigMath.asinh(a))).as("asinh(%s)", x).isLessThanOrEqualTo(2);
            if (x >= 1) {
                assertThat(BigMath.ulps(Primitive.acosh(x), BigMath.acosh(a))).as("acosh(%s)", x).isLessThanOrEqualTo(2);
            }
            if (Math.abs(x) < 1) {
                BigDecimal atanh = BigMath.atanh(a);
                assertThat(BigMath.ulps(Primitive.atanh(x), atanh)).as("atanh(%s)", x).isLessThanOrEqualTo(2);
            }
        }
    }

    /**
     * The rules written for their hard arguments: asinh' = 1/hypot(1, a) (1/√(a² + 1) is 0 for a &gt; 1e154),
     * atanh' = 1/((1 − a)(1 + a)) (1/(1 − a²) loses the digits of 1 − a near 1), acosh' = 1/(√(a−1)√(a+1))
     * (no overflow), hypot's a/h, atan2's (b/h)/h (no overflow or underflow of a² + b²), log1p' near −1.
     * Each within 3 ulps of its 60-digit value.
     */
    @Test
    void derivativesAreAccurateAtTheirHardArguments() {
        for (double a : new double[] {1e200, -1e300, 1e154, 3e-200, 0.7}) {
            BigDecimal x = BigMath.of(a);
            BigDecimal exact = BigDecimal.ONE.divide(BigMath.sqrt(x.multiply(x).add(BigDecimal.ONE)), BigMath.MC);
            assertThat(BigMath.ulps(Primitive.ASINH.partial(0, a, 0, Primitive.asinh(a)), exact)).as("asinh' at " + a)
                    .isLessThanOrEqualTo(3);
        }
        for (double a : new double[] {1 - 1e-10, -1 + 1e-13, 1 - Math.ulp(1.0), 0.3}) {
            BigDecimal x = BigMath.of(a);
            BigDecimal exact = BigDecimal.ONE.divide(BigDecimal.ONE.subtract(x.multiply(x)), BigMath.MC);
            assertThat(BigMath.ulps(Primitive.ATANH.partial(0, a, 0, Primitive.atanh(a)), exact)).as("atanh' at " + a)
                    .isLessThanOrEqualTo(3);
        }
        for (double a : new double[] {1e200, 1e300, 1 + 1e-10, 2}) {
            BigDecimal x = BigMath.of(a);
            BigDecimal exact = BigDecimal.ONE.divide(BigMath.sqrt(x.multiply(x).subtract(BigDecimal.ONE)), BigMath.MC);
            assertThat(BigMath.ulps(Primitive.ACOSH.partial(0, a, 0, Primitive.acosh(a)), exact)).as("acosh' at " + a)
                    .isLessThanOrEqualTo(3);
        }
        // atan2 at x = y = 1e-200: the gradient (∂/∂y, ∂/∂x) = (x, −y)/(x² + y²) = (5e199, −5e199)
        double t = 1e-200;
        double v = Math.atan2(t, t);
        BigDecimal r2 = BigMath.of(t).multiply(BigMath.of(t)).multiply(BigDecimal.valueOf(2));
        BigDecimal exact = BigMath.of(t).divide(r2, BigMath.MC);
        assertThat(BigMath.ulps(Primitive.ATAN2.partial(0, t, t, v), exact)).isLessThanOrEqualTo(3);
        assertThat(BigMath.ulps(-Primitive.ATAN2.partial(1, t, t, v), exact)).isLessThanOrEqualTo(3);
        for (double[] ab : new double[][] {{1e300, 1e300}, {1e-300, 3e-300}, {3, 4}}) {
            double h = Math.hypot(ab[0], ab[1]);
            BigDecimal a = BigMath.of(ab[0]);
            BigDecimal b = BigMath.of(ab[1]);
            BigDecimal exactH = BigMath.sqrt(a.multiply(a).add(b.multiply(b)));
            assertThat(BigMath.ulps(Primitive.HYPOT.partial(0, ab[0], ab[1], h), a.divide(exactH, BigMath.MC)))
                    .as("hypot partial at %s", java.util.Arrays.toString(ab)).isLessThanOrEqualTo(3);
        }
        double a = -1 + 1e-12;
        BigDecimal exactLog1p = BigDecimal.ONE.divide(BigDecimal.ONE.add(BigMath.of(a)), BigMath.MC);
        assertThat(BigMath.ulps(Primitive.LOG1P.partial(0, a, 0, Math.log1p(a)), exactLog1p)).isLessThanOrEqualTo(3);
    }

    @Test
    void erfsDerivativeIsTwoOverRootPiTimesTheGaussian() {
        for (double a : new double[] {0, 0.5, -1.5, 3, 5}) {
            BigDecimal x = BigMath.of(a);
            BigDecimal exact = BigMath.exp(x.multiply(x).negate()).multiply(BigDecimal.valueOf(2))
                    .divide(BigMath.sqrt(BigMath.PI), BigMath.MC);
            // e^(−a²) with a² rounded: relative error up to a²·2⁻⁵³, so 3 + a² ulps
            assertThat(BigMath.ulps(Primitive.ERF.partial(0, a, 0, Primitive.erf(a)), exact)).as("erf' at " + a)
                    .isLessThanOrEqualTo(3 + a * a);
        }
    }

    @Test
    void domainErrorsNameTheOperationAndItsArgument() {
        assertThat(Primitive.LOG.domainViolation(-1, 0)).isEqualTo("log of -1 (argument must be > 0)");
        assertThat(Primitive.SQRT.domainViolation(-2, 0)).isEqualTo("sqrt of -2 (argument must be >= 0)");
        assertThat(Primitive.ASIN.domainViolation(1.5, 0)).isEqualTo("asin of 1.5 (argument must be in [-1, 1])");
        assertThat(Primitive.DIVIDE.domainViolation(3, 0)).isEqualTo("division by zero (3 / 0)");
        assertThat(Primitive.LOG1P.domainViolation(-1, 0)).isEqualTo("log1p of -1 (argument must be > -1)");
        assertThat(Primitive.ATANH.domainViolation(1, 0)).isNotNull();
        assertThat(Primitive.SIN.domainViolation(1e300, 0)).isNull();
    }

    @Test
    void symbolsAreUniqueAndFindTheirPrimitive() {
        for (Primitive p : Primitive.values()) {
            assertThat(Primitive.bySymbol(p.symbol())).isEqualTo(p);
        }
    }
}
