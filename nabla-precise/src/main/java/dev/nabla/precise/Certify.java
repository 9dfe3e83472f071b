package dev.nabla.precise;

import dev.nabla.core.interval.CertifiedGradient;
import dev.nabla.core.interval.CertifiedHessian;
import dev.nabla.core.interval.Interval;
import dev.nabla.core.interval.Intervals;
import dev.nabla.core.prim.Elementary;
import dev.nabla.core.prim.UndecidedException;
import dev.nabla.symbolic.Formula;
import dev.nabla.symbolic.certify.Enclosures;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Precision on demand, as SymPy's {@code evalf} and mpmath do it: the numbers of a formula at a point (its value,
 * gradient, D_v f, Hessian) are enclosed in intervals of doubles when at most 15 digits are wanted (the fast
 * path: {@link Intervals} through nabla-symbolic's {@link Enclosures}; an ulp wide, they cannot pin a correctly
 * rounded double), and otherwise, or where such an enclosure is too wide, over {@link BigIntervals} at doubling
 * precision (30, 60, 120, … digits) until the digits are certain or the budget is spent (2000 digits or 5 s by default). A number
 * that never gets there is returned with the digits that are certain (perhaps none), never with digits that are
 * not.
 *
 * <p>The derivatives are the formula engine's symbolic derivatives (exact formulas, from the primitive table's
 * rules) evaluated in interval arithmetic, so an enclosure of ∂f/∂xᵢ is rigorous wherever the formula's
 * derivative is. Point coordinates are read as exact decimals ({@code 1e-8} is 10⁻⁸, not the double nearest
 * it: the fast path encloses it between two doubles); a coordinate that is an expression ({@code pi/4}) is
 * itself enclosed. A number undecided at one precision (a divisor's enclosure contains 0) is retried at the
 * next; a domain error (log of −1) is thrown as {@link dev.nabla.core.field.DomainException}.
 */
public final class Certify {
    private Certify() {
    }

    /**
     * What must be certain: the correctly rounded double of each number ({@link #DOUBLE}), or {@code digits}
     * significant digits.
     *
     * @param digits the significant digits wanted; 0 for the correctly rounded double
     */
    public record Goal(int digits) {
        /** The correctly rounded double (or, outside double's range, 17 certain digits). */
        public static final Goal DOUBLE = new Goal(0);

        /** n significant digits. */
        public static Goal digits(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("at least one digit: " + n);
            }
            return new Goal(n);
        }

        boolean reached(Certified c) {
            if (c.enclosure() == null) {
                return false;
            }
            if (c.enclosure().isPoint()) {
                return true;
            }
            if (digits == 0) {
                return c.isCorrectlyRoundedDouble() || c.range() != Certified.Range.DOUBLE && c.digits() >= 17;
            }
            return c.digits() >= digits;
        }

        /** The first working precision of the high-precision path. */
        int start() {
            return Math.max(30, digits + 10);
        }
    }

    /**
     * How far to escalate.
     *
     * @param maxDigits the highest working precision tried
     * @param time      the wall-clock time after which no higher precision is started
     */
    public record Budget(int maxDigits, Duration time) {
        /** 2000 digits, 5 seconds. */
        public static final Budget DEFAULT = new Budget(2000, Duration.ofSeconds(5));

        /** The budget in words: {@code 2000 digits of working precision or 5 s}. */
        public String describe() {
            return maxDigits + " digits of working precision or " + time.toSeconds() + " s";
        }
    }

    /**
     * The certified numbers of a formula at a point.
     *
     * @param value       f(x)
     * @param gradient    ∇f(x), or null if not asked
     * @param directional D_v f(x) = ∇f·v, or null if not asked
     * @param hessian     the Hessian's entries (row by row), or null if not asked
     * @param precision   the highest working precision used (0: the first attempt sufficed)
     */
    public record Report(Certified value, List<Certified> gradient, Certified directional,
                         List<List<Certified>> hessian, int precision) {
        /** Whether every number reached the goal. */
        public boolean complete(Goal goal) {
            return all().stream().allMatch(goal::reached);
        }

        /** All numbers, value first. */
        public List<Certified> all() {
            List<Certified> all = new ArrayList<>();
            all.add(value);
            if (gradient != null) {
                all.addAll(gradient);
            }
            if (directional != null) {
                all.add(directional);
            }
            if (hessian != null) {
                hessian.forEach(all::addAll);
            }
            return all;
        }
    }

    /** What to compute: the value, and optionally ∇f, D_v f along v (typed decimals) and the Hessian. */
    public record Request(Formula formula, List<String> point, boolean gradient, List<String> direction,
                         boolean hessian) {
        /** Just f(x). */
        public static Request value(Formula f, List<String> point) {
            return new Request(f, point, false, null, false);
        }
    }

    /** The numbers of the request, each certified to the goal within the default budget. */
    public static Report of(Request request, Goal goal) {
        return of(request, goal, Budget.DEFAULT);
    }

    /** The numbers of the request, each certified to the goal within the budget. */
    public static Report of(Request request, Goal goal, Budget budget) {
        Formula f = request.formula();
        int n = f.dimension();
        boolean gradient = request.gradient() || request.direction() != null;
        // the fast path, intervals of doubles around the typed point, only where it can reach the goal: they are
        // an ulp or more wide, which pins a double's first 15 digits but hardly ever the correctly rounded double
        Enclosures<Interval> doubles = Enclosures.intervals(f); // its derivative formulas serve every precision
        Certified[] out = goal.digits() >= 1 && goal.digits() <= 15
                ? pass(doubles, Intervals.ALGEBRA, Certify::fromDoubles, DOUBLE_DIGITS, request)
                : null;
        long deadline = System.nanoTime() + budget.time().toNanos();
        for (int precision = goal.start(); out == null || !complete(out, goal); precision *= 2) {
            BigIntervals A = new BigIntervals(precision);
            Certified[] next = pass(doubles.in(A), A, b -> b, precision, request);
            if (out == null) {
                out = next;
            }
            for (int i = 0; i < out.length; i++) {
                if (!goal.reached(out[i]) && (next[i].enclosure() != null || out[i].enclosure() == null)) {
                    out[i] = next[i];
                }
            }
            if (precision * 2 > budget.maxDigits() || System.nanoTime() > deadline) {
                break;
            }
        }
        int k = 1;
        List<Certified> all = Arrays.asList(out);
        List<Certified> g = gradient ? all.subList(k, k + n) : null;
        k += gradient ? n : 0;
        List<List<Certified>> hessian = null;
        if (request.hessian()) {
            hessian = new ArrayList<>();
            for (int i = 0; i < n; i++, k += n) {
                hessian.add(all.subList(k, k + n));
            }
        }
        Certified directional = request.direction() == null ? null : out[out.length - 1];
        int precision = all.stream().mapToInt(Certified::precision).max().orElse(0);
        return new Report(out[0], request.gradient() ? g : null, directional, hessian, precision);
    }

    /** The working precision recorded for the fast path's intervals of doubles. */
    public static final int DOUBLE_DIGITS = 16;

    private static boolean complete(Certified[] out, Goal goal) {
        return Arrays.stream(out).allMatch(goal::reached);
    }

    /**
     * One evaluation of everything asked, in one kind of enclosure: [f, ∇f (if asked or for D_v f), the Hessian
     * row by row (if asked), D_v f (if asked)]; every number undecided, with the reason, if the pass cannot be
     * certified at this precision.
     */
    private static <T> Certified[] pass(Enclosures<T> e, Elementary<T> A, Function<T, BigInterval> big, int precision,
                                        Request request) {
        int n = e.formula().dimension();
        boolean gradient = request.gradient() || request.direction() != null;
        int count = 1 + (gradient ? n : 0) + (request.hessian() ? n * n : 0) + (request.direction() == null ? 0 : 1);
        Certified[] out = new Certified[count];
        try {
            T[] x = array(A, coordinates(A, request.point()));
            List<T> numbers = new ArrayList<>();
            List<T> g = null;
            if (request.hessian()) {
                CertifiedHessian<T> h = e.hessian(x, null);
                numbers.add(h.value());
                g = h.gradient();
                if (gradient) {
                    numbers.addAll(g);
                }
                h.hessian().forEach(numbers::addAll);
            } else if (gradient) {
                CertifiedGradient<T> cg = e.gradient(x, null);
                numbers.add(cg.value());
                g = cg.gradient();
                numbers.addAll(g);
            } else {
                numbers.add(e.value(x, null));
            }
            if (request.direction() != null) {
                numbers.add(Enclosures.along(A, g, coordinates(A, request.direction())));
            }
            for (int i = 0; i < count; i++) {
                BigInterval b = big.apply(numbers.get(i));
                out[i] = b == null ? Certified.undecided("an enclosure overflows double's range", precision)
                        : Certified.of(b, precision);
            }
        } catch (UndecidedException undecided) {
            Arrays.fill(out, Certified.undecided(undecided.getMessage(), precision));
        }
        return out;
    }

    /** An interval of doubles as a BigInterval; null if it is unbounded. */
    private static BigInterval fromDoubles(Interval i) {
        return i.isFinite() ? new BigInterval(new BigDecimal(i.lo()), new BigDecimal(i.hi())) : null;
    }

    @SuppressWarnings("unchecked")
    private static <T> T[] array(Elementary<T> A, List<T> xs) {
        return xs.toArray((T[]) java.lang.reflect.Array.newInstance(xs.isEmpty() ? Object.class : xs.get(0).getClass(), 0));
    }

    /** Each coordinate as an exact decimal, or, if it is an expression (pi/4), its enclosure. */
    static <T> List<T> coordinates(Elementary<T> A, List<String> texts) {
        List<T> x = new ArrayList<>();
        for (String t : texts) {
            x.add(coordinate(A, t));
        }
        return x;
    }

    private static <T> T coordinate(Elementary<T> A, String text) {
        String t = text.strip();
        try {
            BigDecimal d = new BigDecimal(t);
            // d = unscaled · 10^(−scale), exactly p/q
            BigInteger p = d.scale() < 0 ? d.unscaledValue().multiply(BigInteger.TEN.pow(-d.scale())) : d.unscaledValue();
            BigInteger q = d.scale() > 0 ? BigInteger.TEN.pow(d.scale()) : BigInteger.ONE;
            return A.exact(p, q);
        } catch (NumberFormatException expression) {
            return Enclosures.over(Formula.parse(t, List.of()), A).value(array(A, List.of()), null);
        }
    }
}
