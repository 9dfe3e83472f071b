package dev.nabla.symbolic.certify;

import dev.nabla.core.interval.CertifiedGradient;
import dev.nabla.core.interval.CertifiedHessian;
import dev.nabla.core.interval.Interval;
import dev.nabla.core.interval.Intervals;
import dev.nabla.core.prim.Elementary;
import dev.nabla.core.prim.OutsideDomainException;
import dev.nabla.core.prim.UndecidedException;
import dev.nabla.symbolic.Formula;
import dev.nabla.symbolic.diff.Differentiator;
import dev.nabla.symbolic.expr.AlgebraEvaluator;
import dev.nabla.symbolic.expr.Expr;
import dev.nabla.symbolic.expr.Relation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Certified value, gradient, directional derivative and Hessian of a formula at a point: the formula and its
 * symbolic derivatives (from the {@link Differentiator}, the table's rules) evaluated in one pass over an
 * {@link Elementary} kind of number whose results contain the exact ones — intervals of doubles
 * ({@link #intervals}) or, in {@code nabla-precise}, arbitrary-precision intervals ({@link #over}). Every
 * primitive is evaluated by its one definition ({@link dev.nabla.core.prim.Primitive#define}).
 *
 * <p>What is certified: each result contains the exact value of the formula (with its typed constants taken exactly as
 * written, through {@link Elementary#exact}) and of its derivative formulas at the point. The derivative formulas are the
 * derivatives of f where f is differentiable; at a kink they give the table's conventional partials, so a caller
 * that certifies a gradient also asks whether f is differentiable there ({@link Formula#differentiability}).
 * A result may be wide (cancellation at double precision: (exp(x) − 1)/x at 1e-8 is [0.99999995, 1.00000004]) —
 * that is correct, and the caller escalates the precision — or unbounded where a bound overflowed
 * ({@link Interval#isFinite()} false for x² at 3e200).
 *
 * <p>Errors: a primitive wholly outside its domain throws {@link dev.nabla.core.field.DomainException} naming
 * the sub-expression and the point; an argument that straddles a domain's edge, or an {@code if} that cannot be
 * decided while one of its branches is undefined, throws {@link UndecidedException} ("cannot certify").
 *
 * <p>Cost: one evaluation of the shared DAG of f and its derivative formulas in the chosen arithmetic
 * (intervals: roughly 5 to 15 times the interpreter's double gradient, measured on a 2-core machine with a
 * timing loop); the derivative formulas are built once per
 * formula and cached. Never used by the fast paths.
 *
 * @param <T> the kind of enclosure
 */
public final class Enclosures<T> {
    private final Formula formula;
    private final Derivatives derivatives;
    private final Elementary<T> numbers;
    private final AlgebraEvaluator.Decider<T> decider;

    private Enclosures(Derivatives derivatives, Elementary<T> numbers) {
        this.formula = derivatives.formula;
        this.derivatives = derivatives;
        this.numbers = numbers;
        this.decider = decider(numbers);
    }

    /** Enclosures of formula by intervals of doubles ({@link Intervals}). */
    public static Enclosures<Interval> intervals(Formula formula) {
        return over(formula, Intervals.ALGEBRA);
    }

    /** Enclosures of formula by any kind of enclosure (arbitrary precision in {@code nabla-precise}). */
    public static <T> Enclosures<T> over(Formula formula, Elementary<T> numbers) {
        return new Enclosures<>(new Derivatives(formula), numbers);
    }

    /**
     * The same formula in another kind of enclosure (the next working precision), sharing the derivative
     * formulas already built.
     */
    public <U> Enclosures<U> in(Elementary<U> other) {
        return new Enclosures<>(derivatives, other);
    }

    /** The formula. */
    public Formula formula() {
        return formula;
    }

    /** The points of a double point: [x_i, x_i]. */
    public static Interval[] points(double... x) {
        Interval[] r = new Interval[x.length];
        for (int i = 0; i < x.length; i++) {
            r[i] = Interval.of(x[i]);
        }
        return r;
    }

    /**
     * An enclosure of f(x).
     *
     * @param x  the point, as numbers of this kind (points, or boxes)
     * @param at the point as doubles, for messages (may be null)
     */
    public T value(T[] x, double[] at) {
        return evaluator(x, at).value(formula.expression());
    }

    /** Enclosures of f(x) and ∇f(x), from one pass. */
    public CertifiedGradient<T> gradient(T[] x, double[] at) {
        AlgebraEvaluator<T> run = evaluator(x, at);
        T value = run.value(formula.expression());
        return new CertifiedGradient<>(value, each(run, gradientFormulas()));
    }

    /** An enclosure of D_v f(x) = Σ ∂f/∂x_i(x) v_i (where f is differentiable at x). */
    public T directionalDerivative(T[] x, T[] v, double[] at) {
        if (v.length != x.length) {
            throw new IllegalArgumentException("the direction has " + v.length + " components, expected " + x.length);
        }
        return along(numbers, gradient(x, at).gradient(), List.of(v));
    }

    /** D_v f = Σ g_i v_i from an enclosure g of ∇f, in the numbers' arithmetic. */
    public static <T> T along(Elementary<T> numbers, List<T> g, List<T> v) {
        T sum = numbers.constant(0);
        for (int i = 0; i < v.size(); i++) {
            sum = numbers.add(sum, numbers.multiply(g.get(i), v.get(i)));
        }
        return sum;
    }

    /** Enclosures of f(x), ∇f(x) and the Hessian, from one pass. */
    public CertifiedHessian<T> hessian(T[] x, double[] at) {
        AlgebraEvaluator<T> run = evaluator(x, at);
        T value = run.value(formula.expression());
        List<T> g = each(run, gradientFormulas());
        List<List<T>> h = new ArrayList<>();
        for (List<Expr> row : hessianFormulas()) {
            h.add(each(run, row));
        }
        return new CertifiedHessian<>(value, g, h);
    }

    private AlgebraEvaluator<T> evaluator(T[] x, double[] at) {
        return new AlgebraEvaluator<>(numbers, decider, formula.variables(), x, at);
    }

    private static <T> List<T> each(AlgebraEvaluator<T> run, List<Expr> roots) {
        List<T> out = new ArrayList<>(roots.size());
        for (Expr e : roots) {
            out.add(run.value(e));
        }
        return out;
    }

    private List<Expr> gradientFormulas() {
        return derivatives.gradient();
    }

    private List<List<Expr>> hessianFormulas() {
        return derivatives.hessian();
    }

    /** A formula's gradient and Hessian formulas, built once, when first asked, and shared by every kind. */
    private static final class Derivatives {
        final Formula formula;
        private volatile List<Expr> gradient;
        private volatile List<List<Expr>> hessian;

        Derivatives(Formula formula) {
            this.formula = formula;
        }

        List<Expr> gradient() {
            List<Expr> g = gradient;
            if (g == null) {
                g = Differentiator.gradient(formula.expression(), formula.variables());
                gradient = g;
            }
            return g;
        }

        List<List<Expr>> hessian() {
            List<List<Expr>> h = hessian;
            if (h == null) {
                h = new ArrayList<>();
                for (Expr g : gradient()) {
                    h.add(Differentiator.gradient(g, formula.variables()));
                }
                hessian = h;
            }
            return h;
        }
    }

    /**
     * Comparisons decided for every point the enclosures stand for (by the signs of a − b), undecided otherwise;
     * an undecided {@code if} is the hull of its branches, or cannot be certified when a branch is undefined.
     */
    static <T> AlgebraEvaluator.Decider<T> decider(Elementary<T> numbers) {
        return new AlgebraEvaluator.Decider<>() {
            @Override
            public Boolean holds(Expr comparison, Relation relation, T a, T b) {
                Elementary.Signs s = numbers.signs(numbers.subtract(a, b));
                return switch (relation) {
                    case GE -> s.nonNegative() ? Boolean.TRUE : s.negativeOnly() ? Boolean.FALSE : null;
                    case GT -> s.positiveOnly() ? Boolean.TRUE : s.nonPositive() ? Boolean.FALSE : null;
                    case LE -> s.nonPositive() ? Boolean.TRUE : s.positiveOnly() ? Boolean.FALSE : null;
                    case LT -> s.negativeOnly() ? Boolean.TRUE : s.nonNegative() ? Boolean.FALSE : null;
                    case EQ -> s.zeroOnly() ? Boolean.TRUE : !s.zero() ? Boolean.FALSE : null;
                    case NE -> !s.zero() ? Boolean.TRUE : s.zeroOnly() ? Boolean.FALSE : null;
                };
            }

            @Override
            public T either(Expr condition, Supplier<T> then, Supplier<T> otherwise) {
                try {
                    return numbers.hull(then.get(), otherwise.get());
                } catch (OutsideDomainException | UndecidedException | dev.nabla.core.field.DomainException e) {
                    throw new UndecidedException("cannot decide " + condition + " and a branch is undefined: "
                            + e.getMessage());
                }
            }
        };
    }
}
