package dev.nabla.symbolic.certify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nabla.core.field.DomainException;
import dev.nabla.core.interval.CertifiedGradient;
import dev.nabla.core.interval.CertifiedHessian;
import dev.nabla.core.interval.Interval;
import dev.nabla.core.interval.IntervalAD;
import dev.nabla.core.prim.Algebra;
import dev.nabla.core.prim.Primitive;
import dev.nabla.core.prim.UndecidedException;
import dev.nabla.symbolic.Formula;
import dev.nabla.symbolic.diff.Differentiator;
import dev.nabla.symbolic.expr.AlgebraEvaluator;
import dev.nabla.symbolic.expr.Expr;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded random formulas of real depth over x and y — + − × ÷, integer powers, √, |·|, min, max, hypot, sign and
 * {@code if} — at random points from 1e-6 to 1e6 in magnitude: the enclosures of the value and of every partial
 * contain the value of the same formulas in 80-digit BigDecimal arithmetic (the JDK's, exact for + − ×, √ and ÷
 * to 80 digits), evaluated by the one {@link AlgebraEvaluator}; so do the enclosures of the same formula run as
 * Java code on interval dual numbers ({@link IntervalAD}). Where the reference is undefined (a square root of a
 * negative, a division by zero) the enclosure must not be given either.
 */
class EnclosurePropertyTest {
    private static final MathContext MC = new MathContext(80);

    /** Exact (80-digit) arithmetic for the operations the generated formulas use. */
    static final class Exact implements Algebra<BigDecimal> {
        @Override
        public BigDecimal constant(double c) {
            return new BigDecimal(c);
        }

        @Override
        public BigDecimal add(BigDecimal a, BigDecimal b) {
            return a.add(b, MC);
        }

        @Override
        public BigDecimal subtract(BigDecimal a, BigDecimal b) {
            return a.subtract(b, MC);
        }

        @Override
        public BigDecimal multiply(BigDecimal a, BigDecimal b) {
            return a.multiply(b, MC);
        }

        @Override
        public BigDecimal divide(BigDecimal a, BigDecimal b) {
            return a.divide(b, MC);
        }

        @Override
        public BigDecimal negate(BigDecimal a) {
            return a.negate();
        }

        @Override
        public BigDecimal apply(Primitive p, BigDecimal a) {
            return switch (p) {
                case NEGATE -> a.negate();
                case SQRT -> a.sqrt(MC);
                case ABS -> a.abs();
                case SIGN -> BigDecimal.valueOf(a.signum());
                default -> throw new UnsupportedOperationException(p.toString());
            };
        }

        @Override
        public BigDecimal apply(Primitive p, BigDecimal a, BigDecimal b) {
            return switch (p) {
                case ADD -> add(a, b);
                case SUBTRACT -> subtract(a, b);
                case MULTIPLY -> multiply(a, b);
                case DIVIDE -> divide(a, b);
                case MIN -> a.min(b);
                case MAX -> a.max(b);
                case HYPOT -> a.multiply(a).add(b.multiply(b)).sqrt(MC);
                case POW -> {
                    if (b.stripTrailingZeros().scale() > 0) {
                        throw new UnsupportedOperationException("pow with exponent " + b);
                    }
                    yield a.pow(b.intValueExact(), MC);
                }
                default -> throw new UnsupportedOperationException(p.toString());
            };
        }

        @Override
        public BigDecimal ifAtLeast(BigDecimal a, BigDecimal b, BigDecimal then, BigDecimal otherwise) {
            return a.compareTo(b) >= 0 ? then : otherwise;
        }
    }

    private static final AlgebraEvaluator.Decider<BigDecimal> EXACTLY = (c, r, a, b) -> switch (r) {
        case LT -> a.compareTo(b) < 0;
        case LE -> a.compareTo(b) <= 0;
        case GT -> a.compareTo(b) > 0;
        case GE -> a.compareTo(b) >= 0;
        case EQ -> a.compareTo(b) == 0;
        case NE -> a.compareTo(b) != 0;
    };

    private static final java.util.concurrent.atomic.AtomicInteger CHECKED = new java.util.concurrent.atomic.AtomicInteger();
    private static final java.util.concurrent.atomic.AtomicInteger REFUSED = new java.util.concurrent.atomic.AtomicInteger();
    private static final java.util.concurrent.atomic.AtomicInteger AD_CHECKED = new java.util.concurrent.atomic.AtomicInteger();

    /** Most cases are checked, not skipped: the generator is worth its name. */
    @org.junit.jupiter.api.AfterAll
    static void mostCasesWereChecked() {
        System.out.printf("enclosures checked %d (IntervalAD %d), refused where undefined %d, of 300%n",
                CHECKED.get(), AD_CHECKED.get(), REFUSED.get());
        assertThat(CHECKED.get()).isGreaterThan(180);
        assertThat(AD_CHECKED.get()).isGreaterThan(120);
    }

    static Stream<Long> seeds() {
        return Stream.iterate(1L, s -> s + 1).limit(300);
    }

    private static String leaf(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> "x";
            case 1 -> "y";
            case 2 -> String.valueOf(1 + r.nextInt(5));
            default -> r.nextBoolean() ? "x" : "y";
        };
    }

    /** A random formula of depth up to d over x and y. */
    static String formula(Random r, int d) {
        if (d <= 0) {
            return leaf(r);
        }
        String a = formula(r, d - 1);
        String b = formula(r, d - 1 - r.nextInt(2));
        return switch (r.nextInt(14)) {
            case 0, 1 -> "(" + a + " + " + b + ")";
            case 2, 3 -> "(" + a + " - " + b + ")";
            case 4, 5 -> "(" + a + " * " + b + ")";
            case 6 -> "(" + a + " / " + b + ")";
            case 7 -> "(" + a + ")^" + (r.nextInt(5) - 1);
            case 8 -> "sqrt(" + (r.nextBoolean() ? "abs(" + a + ")" : a) + ")";
            case 9 -> "min(" + a + ", " + b + ")";
            case 10 -> "max(" + a + ", " + b + ")";
            case 11 -> "hypot(" + a + ", " + b + ")";
            case 12 -> "abs(" + a + ")";
            default -> "if(" + a + " > " + b + ", " + a + ", " + b + " * " + a + ")";
        };
    }

    private static double coordinate(Random r) {
        double m = Math.pow(10, -6 + 12 * r.nextDouble());
        return r.nextInt(3) == 0 ? -3 + 6 * r.nextDouble() : (r.nextBoolean() ? m : -m);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void enclosuresContainTheExactValueAndPartials(long seed) {
        Random r = new Random(seed);
        Formula f = Formula.parse(formula(r, 2 + r.nextInt(3)), List.of("x", "y"));
        double[] x = {coordinate(r), coordinate(r)};
        List<Expr> roots = new ArrayList<>();
        roots.add(f.expression());
        roots.addAll(Differentiator.gradient(f.expression(), f.variables()));
        List<BigDecimal> exact = new ArrayList<>();
        AlgebraEvaluator<BigDecimal> reference = new AlgebraEvaluator<>(new Exact(), EXACTLY, f.variables(),
                new BigDecimal[] {new BigDecimal(x[0]), new BigDecimal(x[1])}, x);
        try {
            for (Expr e : roots) {
                exact.add(reference.value(e));
            }
        } catch (ArithmeticException undefined) {
            // √ of a negative or ÷ 0 somewhere in f or its partials: the enclosure must refuse too
            assertThat(refuses(f, x)).as("%s at %s is undefined (%s)", f, java.util.Arrays.toString(x),
                    undefined.getMessage()).isTrue();
            REFUSED.incrementAndGet();
            return;
        } catch (UnsupportedOperationException other) {
            return; // a non-integer power after differentiation: no exact reference
        }
        CertifiedGradient<Interval> g;
        try {
            g = Enclosures.intervals(f).gradient(Enclosures.points(x), x);
        } catch (UndecidedException undecided) {
            return; // e.g. an overflow on the way reached a domain check; not a wrong answer
        }
        assertContains(f, x, g, exact, "formula enclosure");
        CHECKED.incrementAndGet();
        try { // the same formula as Java code, on interval dual numbers (IntervalAD)
            assertContains(f, x, IntervalAD.gradient(f.asRealFunction(), x), exact, "IntervalAD");
            AD_CHECKED.incrementAndGet();
        } catch (UndecidedException | DomainException branchOrKink) {
            // an if on an uncertain value, or a partial undefined at a kink the formula's rules skip
        }
    }

    private static void assertContains(Formula f, double[] x, CertifiedGradient<Interval> g, List<BigDecimal> exact,
                                       String path) {
        List<Interval> all = new ArrayList<>();
        all.add(g.value());
        all.addAll(g.gradient());
        for (int k = 0; k < all.size(); k++) {
            assertThat(contains(all.get(k), exact.get(k))).as("%s, %s: root %d at %s: %s contains %s", path, f, k,
                    java.util.Arrays.toString(x), all.get(k), exact.get(k)).isTrue();
        }
    }

    private static boolean refuses(Formula f, double[] x) {
        try {
            Enclosures.intervals(f).gradient(Enclosures.points(x), x);
            return false;
        } catch (DomainException | UndecidedException refused) {
            return true;
        }
    }

    /** e holds v up to v's own 80-digit rounding (so a point enclosure of an exact result passes). */
    private static boolean contains(Interval e, BigDecimal v) {
        BigDecimal slack = v.abs().multiply(new BigDecimal("1e-70"));
        boolean above = e.lo() == Double.NEGATIVE_INFINITY
                || e.lo() != Double.POSITIVE_INFINITY && new BigDecimal(e.lo()).compareTo(v.add(slack)) <= 0;
        boolean below = e.hi() == Double.POSITIVE_INFINITY
                || e.hi() != Double.NEGATIVE_INFINITY && new BigDecimal(e.hi()).compareTo(v.subtract(slack)) >= 0;
        return above && below;
    }
}
