package dev.nabla.precise;

import dev.nabla.core.prim.Elementary;
import dev.nabla.core.prim.OutsideDomainException;
import dev.nabla.core.prim.UndecidedException;
import dev.nabla.symbolic.Formula;
import dev.nabla.symbolic.expr.Expr;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Precision on demand, as SymPy's {@code evalf} and mpmath do it: the numbers of a formula at a point (its value,
 * gradient, D_v f, Hessian) are enclosed over {@link BigIntervals} at 30 digits, and where an enclosure is
 * wider than the digits wanted they are evaluated again at doubling precision (60, 120, … digits) until the
 * digits are certain or the budget is spent (2000 digits or 5 s by default). A number that never gets there is
 * returned with the digits that are certain (perhaps none), never with digits that are not.
 *
 * <p>The derivatives are the formula engine's symbolic derivatives (exact formulas, from the primitive table's
 * rules) evaluated in interval arithmetic, so an enclosure of ∂f/∂xᵢ is rigorous wherever the formula's
 * derivative is. Point coordinates are read as exact decimals ({@code 1e-8} is 10⁻⁸, not the double nearest
 * it); a coordinate that is an expression ({@code pi/4}) is itself enclosed.
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
        List<Expr> expressions = new ArrayList<>();
        expressions.add(f.expression());
        List<Formula> partials = request.gradient() || request.direction() != null ? f.gradientFormulas() : List.of();
        partials.forEach(p -> expressions.add(p.expression()));
        if (request.hessian()) {
            f.hessianFormulas().forEach(row -> row.forEach(h -> expressions.add(h.expression())));
        }
        Certified[] out = numbers(expressions, f.variables(), request.point(), request.direction(), goal, budget);
        int k = 0;
        Certified value = out[k++];
        List<Certified> gradient = null;
        if (!partials.isEmpty()) {
            gradient = Arrays.asList(out).subList(k, k + n);
            k += n;
        }
        List<List<Certified>> hessian = null;
        if (request.hessian()) {
            hessian = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                hessian.add(Arrays.asList(out).subList(k, k + n));
                k += n;
            }
        }
        Certified directional = request.direction() == null ? null : out[out.length - 1];
        int precision = Arrays.stream(out).mapToInt(Certified::precision).max().orElse(0);
        return new Report(value, request.gradient() ? gradient : null, directional, hessian, precision);
    }

    /**
     * The expressions at the point, and (if {@code direction} is not null) last Σ vᵢ·eᵢ₊₁ over the expressions
     * 1…n (the gradient's entries), each escalated separately until it reaches the goal.
     */
    static Certified[] numbers(List<Expr> expressions, List<String> names, List<String> point, List<String> direction,
                               Goal goal, Budget budget) {
        int count = expressions.size() + (direction == null ? 0 : 1);
        Certified[] out = new Certified[count];
        long deadline = System.nanoTime() + budget.time().toNanos();
        for (int precision = goal.start(); ; precision *= 2) {
            int digits = precision;
            List<Integer> open = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                if (out[i] == null || !goal.reached(out[i])) {
                    open.add(i);
                }
            }
            if (open.isEmpty()) {
                break;
            }
            BigIntervals A = new BigIntervals(digits);
            List<BigInterval> x = coordinates(A, point);
            List<Integer> values = open.stream().filter(i -> i < expressions.size()).toList();
            List<Certified> found;
            try { // together, so that shared sub-expressions are evaluated once
                found = attempt(A, values.stream().map(expressions::get).toList(), names, x, digits);
            } catch (UndecidedException oneOfThem) {
                found = values.stream().map(i -> attemptOne(A, expressions.get(i), names, x, digits)).toList();
            }
            for (int j = 0; j < values.size(); j++) {
                keepBetter(out, values.get(j), found.get(j));
            }
            if (direction != null && open.contains(count - 1)) {
                keepBetter(out, count - 1, directional(A, expressions.subList(1, 1 + names.size()), names, x, direction, digits));
            }
            if (precision * 2 > budget.maxDigits() || System.nanoTime() > deadline) {
                break;
            }
        }
        return out;
    }

    /** The expressions enclosed at one precision (domain errors and undecided enclosures propagate). */
    private static List<Certified> attempt(BigIntervals A, List<Expr> es, List<String> names, List<BigInterval> x,
                                           int digits) {
        return FormulaProgram.evaluate(es, names, A, x).stream().map(v -> Certified.of(v, digits)).toList();
    }

    /** One expression enclosed at one precision, or an undecided number saying why not. */
    private static Certified attemptOne(BigIntervals A, Expr e, List<String> names, List<BigInterval> x, int digits) {
        try {
            return attempt(A, List.of(e), names, x, digits).get(0);
        } catch (UndecidedException undecided) {
            return Certified.undecided(undecided.getMessage(), digits);
        }
    }

    /** A later attempt replaces an earlier one unless it is undecided where the earlier was not. */
    private static void keepBetter(Certified[] out, int i, Certified c) {
        if (out[i] == null || c.enclosure() != null || out[i].enclosure() == null) {
            out[i] = c;
        }
    }

    private static Certified directional(BigIntervals A, List<Expr> gradient, List<String> names, List<BigInterval> x,
                                         List<String> direction, int digits) {
        try {
            List<BigInterval> g = FormulaProgram.evaluate(gradient, names, A, x);
            List<BigInterval> v = coordinates(A, direction);
            BigInterval sum = A.constant(0);
            for (int i = 0; i < g.size(); i++) {
                sum = A.add(sum, A.multiply(g.get(i), v.get(i)));
            }
            return Certified.of(sum, digits);
        } catch (UndecidedException undecided) {
            return Certified.undecided(undecided.getMessage(), digits);
        }
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
            Formula c = Formula.parse(t, List.of());
            return FormulaProgram.evaluate(List.of(c.expression()), List.of(), A, List.<T>of()).get(0);
        }
    }
}
