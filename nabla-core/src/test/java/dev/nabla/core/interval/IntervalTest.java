package dev.nabla.core.interval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nabla.core.prim.BigReference;
import dev.nabla.core.prim.OutsideDomainException;
import dev.nabla.core.prim.Primitive;
import dev.nabla.core.prim.TablePoints;
import dev.nabla.core.prim.UndecidedException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Enclosures of every primitive of the table, from its one definition over {@link Intervals}: at the seeded points
 * of {@link TablePoints} (tiny, huge, next to kinks and domain edges) and on small random intervals around them,
 * the enclosure contains the 60-digit reference of {@link BigReference} at every point checked, and point
 * arguments give tight enclosures (width bounds stated per primitive in {@link #tightness}).
 */
class IntervalTest {
    private static final Intervals I = Intervals.ALGEBRA;

    /**
     * The width, in ulps of the result, that a point argument may give: 1 for the correctly rounded operations
     * (2 below 2⁻⁹⁶⁸), 4 for the StrictMath kernels (1 ulp documented, widened 2 each side; 8 ulps of a result
     * just below a power of two), 8 for erf (16 likewise), and for the definitions
     * composed of several steps the sum of their steps' widths, each magnified by the condition of the steps after
     * it: 32 (the measured worst cases, printed by the test, are at most 15 ulps, log10).
     */
    static double tightness(Primitive p, double a, double b) {
        return switch (p) {
            case ADD, SUBTRACT, MULTIPLY, DIVIDE, NEGATE, ABS, SIGN, MIN, MAX, SQRT -> 2;
            case EXP, LOG, LOG1P, EXPM1, SIN, COS, ATAN -> 8;
            case ERF -> 16;
            // exp(b log a): the exponent's rounding magnified by |b log a|; integer powers up to 64 by squaring
            case POW -> a == 0 ? 0 : 16 + 8 * Math.abs(b * Math.log(Math.abs(a))) + (Math.abs(b) <= 64 ? 4 * Math.abs(b) : 0);
            default -> 32;
        };
    }

    @ParameterizedTest
    @EnumSource(Primitive.class)
    void pointEnclosuresContainTheReferenceAndAreTight(Primitive p) {
        int checked = 0;
        double worst = 0;
        for (double[] x : TablePoints.points(p, 200)) {
            double a = x[0] + 0.0; // numbers that stand for sets have no −0
            double b = x[1] + 0.0;
            Interval e = Intervals.eval(p, Interval.of(a), Interval.of(b));
            BigReference.Bracket r = BigReference.value(p, a, b);
            if (r == null) {
                continue;
            }
            String what = p + "(" + a + ", " + b + ") = " + e;
            assertThat(encloses(e, r)).as(what + " contains " + r).isTrue();
            double v = r.lo().doubleValue();
            if (r.value() != null && v != 0 && Math.abs(v) > 0x1p-900 && Double.isFinite(v) && e.isFinite()) {
                double ulps = (e.hi() - e.lo()) / Math.ulp(v);
                worst = Math.max(worst, ulps);
                assertThat(ulps).as(what + " width in ulps").isLessThanOrEqualTo(tightness(p, a, b));
            }
            checked++;
        }
        System.out.printf("%s: %d points, widest %.1f ulps%n", p, checked, worst);
        assertThat(checked).isGreaterThan(20);
    }

    /**
     * Small random intervals (relative widths 1e-15 to 1e-3) around the table's points: the enclosure contains the
     * reference at both end points and three points inside; where a sampled point is outside the domain the
     * enclosure is refused (undecided or a domain error), never given.
     */
    @ParameterizedTest
    @EnumSource(Primitive.class)
    void intervalEnclosuresContainEveryPointOfTheirArguments(Primitive p) {
        Random random = new Random(99 + p.ordinal());
        int decided = 0;
        int total = 0;
        for (double[] x : TablePoints.points(p, 80)) {
            if (p.arity() == 2 && random.nextInt(3) > 0) {
                continue; // a third of the 1,156 pairs of special values
            }
            Interval a = around(x[0], random);
            Interval b = around(x[1], random);
            double[][] samples = samples(a, b, random);
            boolean outside = Arrays.stream(samples).anyMatch(s -> p.domainViolation(s[0], s[1]) != null);
            total++;
            Interval e;
            try {
                e = Intervals.eval(p, a, b);
            } catch (UndecidedException | OutsideDomainException refused) {
                continue;
            }
            assertThat(outside).as("%s(%s, %s) = %s given though some point is outside the domain", p, a, b, e)
                    .isFalse();
            decided++;
            for (double[] s : samples) {
                BigReference.Bracket r = BigReference.value(p, s[0], s[1]);
                if (r != null) {
                    assertThat(encloses(e, r))
                            .as("%s(%s, %s) = %s contains %s at %s", p, a, b, e, r, Arrays.toString(s)).isTrue();
                }
            }
        }
        assertThat(decided).as(p + ": decided").isGreaterThan(total / 2);
    }

    /**
     * e holds the reference: [lo, hi] of a bracket, or the 60-digit value up to its own rounding (a relative
     * 1e-55, forty orders below a double's resolution, so that a point enclosure of an exact result passes).
     */
    static boolean encloses(Interval e, BigReference.Bracket r) {
        BigDecimal slack = r.value() == null ? BigDecimal.ZERO : r.lo().abs().multiply(new BigDecimal("1e-55"));
        return below(e.lo(), r.lo().add(slack)) && below(r.hi().subtract(slack), e.hi());
    }

    private static boolean below(double x, BigDecimal y) {
        return x == Double.NEGATIVE_INFINITY || x != Double.POSITIVE_INFINITY && new BigDecimal(x).compareTo(y) <= 0;
    }

    private static boolean below(BigDecimal x, double y) {
        return y == Double.POSITIVE_INFINITY || y != Double.NEGATIVE_INFINITY && x.compareTo(new BigDecimal(y)) <= 0;
    }

    private static Interval around(double x, Random r) {
        x = x + 0.0;
        if (r.nextInt(5) == 0) {
            return Interval.of(x);
        }
        double w = Math.abs(x) * Math.pow(10, -15 + 12 * r.nextDouble());
        if (w == 0) {
            w = Math.pow(10, -300 * r.nextDouble());
        }
        return switch (r.nextInt(3)) {
            case 0 -> Interval.of(x, x + w);
            case 1 -> Interval.of(x - w, x);
            default -> Interval.of(x - w, x + w);
        };
    }

    private static double[][] samples(Interval a, Interval b, Random r) {
        double[][] s = new double[5][];
        s[0] = new double[] {a.lo(), b.lo()};
        s[1] = new double[] {a.hi(), b.hi()};
        for (int k = 2; k < 5; k++) {
            s[k] = new double[] {inside(a, r), inside(b, r)};
        }
        return s;
    }

    private static double inside(Interval a, Random r) {
        double t = a.lo() + r.nextDouble() * (a.hi() - a.lo());
        return Math.min(a.hi(), Math.max(a.lo(), t)) + 0.0;
    }

    /**
     * The four operations and √ on random doubles: the exact result inside (for ÷ and √ checked exactly by
     * multiplying back: lo·y ≤ x ≤ hi·y, lo² ≤ x ≤ hi²), a point when exact, else one ulp wide.
     */
    @Test
    void arithmeticIsOutwardRoundedAndExactWhereExact() {
        Random r = new Random(5);
        for (int k = 0; k < 5000; k++) {
            double x = TablePoints.draw(r);
            double y = r.nextInt(4) == 0 ? Math.scalb((double) r.nextInt(64), r.nextInt(8) - 4) : TablePoints.draw(r);
            Interval a = Interval.of(x);
            Interval b = Interval.of(y);
            BigDecimal bx = new BigDecimal(x);
            BigDecimal by = new BigDecimal(y);
            check(I.add(a, b), bx.add(by));
            check(I.subtract(a, b), bx.subtract(by));
            check(I.multiply(a, b), bx.multiply(by));
            if (y != 0) {
                Interval q = I.divide(a, b);
                BigDecimal lo = new BigDecimal(q.lo()).multiply(by);
                BigDecimal hi = new BigDecimal(q.hi()).multiply(by);
                assertThat(y > 0 ? lo.compareTo(bx) <= 0 && bx.compareTo(hi) <= 0
                        : hi.compareTo(bx) <= 0 && bx.compareTo(lo) <= 0).as("%s / %s = %s", x, y, q).isTrue();
                tight(q, x / y, lo.compareTo(bx) == 0);
            }
            if (x > 0) {
                Interval s = I.sqrt(a);
                BigDecimal lo = new BigDecimal(s.lo()).pow(2);
                assertThat(lo.compareTo(bx) <= 0 && bx.compareTo(new BigDecimal(s.hi()).pow(2)) <= 0)
                        .as("sqrt %s = %s", x, s).isTrue();
                tight(s, Math.sqrt(x), lo.compareTo(bx) == 0);
            }
        }
        assertThat(I.subtract(Interval.of(1), Interval.of(1))).isEqualTo(Interval.of(0));
        assertThat(I.multiply(Interval.of(3), Interval.of(0.5))).isEqualTo(Interval.of(1.5));
        assertThat(I.sqrt(Interval.of(4))).isEqualTo(Interval.of(2));
        assertThat(I.divide(Interval.of(1), Interval.of(3)).contains(new BigDecimal(1).divide(new BigDecimal(3),
                new java.math.MathContext(50)))).isTrue();
    }

    private static void check(Interval e, BigDecimal exact) {
        assertThat(e.contains(exact)).as("%s contains %s", e, exact).isTrue();
        double d = exact.doubleValue();
        tight(e, d, Double.isFinite(d) && new BigDecimal(d).compareTo(exact) == 0);
    }

    /** A point when the result is exact, else one ulp wide (above 2⁻⁹⁶⁸). */
    private static void tight(Interval e, double d, boolean exact) {
        if (Math.abs(d) > 0x1p-968 && Double.isFinite(d)) {
            assertThat(e.hi() - e.lo()).as("%s one ulp of %s", e, d).isLessThanOrEqualTo(Math.ulp(d));
            assertThat(e.isPoint()).as("%s exact: %s", e, exact).isEqualTo(exact);
        }
    }

    @Test
    void theSquareOfAnIntervalIsNeverNegative() {
        Interval a = Interval.of(-1, 2);
        assertThat(I.multiply(a, a)).isEqualTo(Interval.of(0, 4));
        assertThat(I.multiply(a, Interval.of(-1, 2))).isEqualTo(Interval.of(-2, 4));
        assertThat(Intervals.eval(Primitive.POW, a, Interval.of(2))).isEqualTo(Interval.of(0, 4));
        assertThat(Intervals.eval(Primitive.ABS, a)).isEqualTo(Interval.of(0, 2));
    }

    @Test
    void sineAndCosineReachTheirExtremaInside() {
        assertThat(I.sin(Interval.of(1, 2)).hi()).isEqualTo(1);
        assertThat(I.sin(Interval.of(4, 5)).lo()).isEqualTo(-1);
        assertThat(I.cos(Interval.of(3, 3.3)).lo()).isEqualTo(-1);
        assertThat(I.cos(Interval.of(-0.1, 0.1)).hi()).isEqualTo(1);
        assertThat(I.sin(Interval.of(0.1, 0.2)).hi()).isLessThan(0.2);
        assertThat(I.sin(Interval.of(0, 100))).isEqualTo(Interval.of(-1, 1));
        assertThat(I.sin(Interval.of(0))).isEqualTo(Interval.of(0));
        assertThat(I.cos(Interval.of(0))).isEqualTo(Interval.of(1));
    }

    @Test
    void piAndExactRationalsAreEnclosed() {
        BigDecimal pi = new BigDecimal("3.14159265358979323846264338327950288419716939937510582097494459");
        assertThat(I.pi().contains(pi)).isTrue();
        assertThat(I.pi().hi()).isEqualTo(Math.nextUp(I.pi().lo()));
        Interval third = I.exact(BigInteger.ONE, BigInteger.valueOf(3));
        assertThat(third.contains(BigDecimal.ONE.divide(BigDecimal.valueOf(3), new java.math.MathContext(60))))
                .isTrue();
        assertThat(third.hi()).isEqualTo(Math.nextUp(third.lo()));
        assertThat(I.exact(BigInteger.ONE, BigInteger.valueOf(4))).isEqualTo(Interval.of(0.25));
        Interval tenth = I.exact(BigInteger.ONE, BigInteger.TEN);
        assertThat(tenth.contains(new BigDecimal("0.1"))).isTrue();
        assertThat(tenth.isPoint()).isFalse();
    }

    /** Wholly outside the domain: a domain error; straddling its edge: cannot certify. */
    @Test
    void domainsAreErrorsOutsideAndUndecidedAcrossTheirEdges() {
        assertThatThrownBy(() -> Intervals.eval(Primitive.LOG, Interval.of(-2, -1)))
                .isInstanceOf(OutsideDomainException.class).hasMessage("log of [-2, -1] (argument must be > 0)");
        assertThatThrownBy(() -> Intervals.eval(Primitive.LOG, Interval.of(-1, 1)))
                .isInstanceOf(UndecidedException.class).hasMessageContaining("log of [-1, 1]");
        assertThatThrownBy(() -> Intervals.eval(Primitive.LOG, Interval.of(0, 1)))
                .isInstanceOf(UndecidedException.class);
        assertThatThrownBy(() -> Intervals.eval(Primitive.DIVIDE, Interval.of(1), Interval.of(-1, 1)))
                .isInstanceOf(UndecidedException.class);
        assertThatThrownBy(() -> Intervals.eval(Primitive.DIVIDE, Interval.of(1), Interval.of(0)))
                .isInstanceOf(OutsideDomainException.class).hasMessage("division by zero (1 / 0)");
        assertThatThrownBy(() -> Intervals.eval(Primitive.CSC, Interval.of(0)))
                .isInstanceOf(OutsideDomainException.class);
        assertThatThrownBy(() -> Intervals.eval(Primitive.TAN, Interval.of(1.5, 1.6)))
                .isInstanceOf(UndecidedException.class);
        assertThatThrownBy(() -> Intervals.eval(Primitive.ASIN, Interval.of(0.5, 1.5)))
                .isInstanceOf(UndecidedException.class);
        assertThatThrownBy(() -> Intervals.eval(Primitive.ASIN, Interval.of(1.5, 2)))
                .isInstanceOf(OutsideDomainException.class);
        assertThatThrownBy(() -> Intervals.eval(Primitive.ATAN2, Interval.of(-1e-9, 1e-9), Interval.of(-1, 1)))
                .isInstanceOf(UndecidedException.class);
        assertThatThrownBy(() -> Intervals.eval(Primitive.ATAN2, Interval.of(0), Interval.of(0)))
                .isInstanceOf(OutsideDomainException.class);
        assertThatThrownBy(() -> Intervals.eval(Primitive.POW, Interval.of(-2), Interval.of(0.5)))
                .isInstanceOf(OutsideDomainException.class);
        assertThat(Intervals.eval(Primitive.SQRT, Interval.of(0, 4))).isEqualTo(Interval.of(0, 2));
        assertThat(Intervals.eval(Primitive.ASIN, Interval.of(1))).matches(e -> e.contains(Math.PI / 2));
        assertThat(Intervals.eval(Primitive.ACOS, Interval.of(-1))).matches(e -> e.contains(Math.PI));
    }

    /** Jumps and cuts inside the argument give the hull of the values on either side. */
    @Test
    void discontinuitiesInsideGiveTheHull() {
        assertThat(Intervals.eval(Primitive.SIGN, Interval.of(-1, 1))).isEqualTo(Interval.of(-1, 1));
        assertThat(Intervals.eval(Primitive.SIGN, Interval.of(0, 1))).isEqualTo(Interval.of(0, 1));
        Interval cut = Intervals.eval(Primitive.ATAN2, Interval.of(-1e-3, 1e-3), Interval.of(-1));
        assertThat(cut.contains(Math.PI) && cut.contains(-Math.PI + 1e-3)).isTrue();
        assertThat(Intervals.eval(Primitive.MAX, Interval.of(0, 2), Interval.of(1, 3))).matches(
                e -> e.contains(Interval.of(1, 3)));
    }

    /**
     * Overflow is honest: x² at 3e200 is [MAX_VALUE, +∞] (a finite number too large for a double), so √(x² + y²)
     * contains 5e200 and says it is not finite; hypot, scaled, gives 5e200 tightly.
     */
    @Test
    void overflowIsContainedAndReportedNotFinite() {
        Interval x = Interval.of(3e200);
        Interval y = Interval.of(4e200);
        Interval x2 = I.multiply(x, x);
        assertThat(x2.lo()).isEqualTo(Double.MAX_VALUE);
        assertThat(x2.isFinite()).isFalse();
        Interval r = Intervals.eval(Primitive.SQRT, I.add(x2, I.multiply(y, y)));
        assertThat(r.contains(5e200)).isTrue();
        assertThat(r.isFinite()).isFalse();
        Interval h = Intervals.eval(Primitive.HYPOT, x, y);
        assertThat(h.contains(new BigDecimal("5e200"))).isTrue();
        assertThat(h.ulps()).isLessThanOrEqualTo(40);
    }
}
