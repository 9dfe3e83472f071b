package dev.nabla.symbolic.expr;

import dev.nabla.core.field.DomainException;
import dev.nabla.core.prim.Algebra;
import dev.nabla.core.prim.Elementary;
import dev.nabla.core.prim.OutsideDomainException;
import dev.nabla.core.prim.Primitive;
import dev.nabla.core.prim.UndecidedException;
import dev.nabla.symbolic.print.PlainPrinter;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Expressions evaluated over any {@link Algebra} of numbers, each shared node once (one evaluator keeps its
 * values, so the roots of one pass — a formula, its gradient, its Hessian — share their common nodes): on
 * doubles, on the numbers of automatic differentiation and the one-sided expansions, on enclosures and high
 * precision. Every call goes through the table ({@link Algebra#apply}), numbers are the algebra's constants
 * (exact rationals, {@link Algebra#exact}, for the kinds that enclose),
 * π is {@link Algebra#pi()}, and e is exp(1) in an {@link Elementary} algebra (an enclosure of e).
 *
 * <p>Conditions are decided by a {@link Decider}: {@code if} evaluates only the branch taken, and
 * {@code and}/{@code or} short-circuit, as in the interpreter; where the kind of number cannot decide a
 * comparison (an interval that straddles it), {@code and}/{@code or}/{@code not} follow three-valued logic and
 * an undecided {@code if} is {@link Decider#either} of its branches.
 *
 * @param <T> the numbers
 */
public final class AlgebraEvaluator<T> {

    /**
     * How a kind of number decides a comparison.
     *
     * @param <T> the numbers
     */
    public interface Decider<T> {
        /**
         * Whether a relation b holds at every point a and b stand for: true, false, or null when it cannot be
         * decided.
         *
         * @param comparison the comparison's expression (for messages and kinks)
         */
        Boolean holds(Expr comparison, Relation relation, T a, T b);

        /**
         * The value of an {@code if} whose condition cannot be decided: by default it is not defined
         * (throws {@link IllegalStateException}); enclosures give the hull of both branches.
         */
        default T either(Expr condition, Supplier<T> then, Supplier<T> otherwise) {
            throw new IllegalStateException("undecided condition " + condition);
        }
    }

    private final Algebra<T> algebra;
    private final Decider<T> decider;
    private final List<String> variables;
    private final T[] x;
    private final Map<Expr, T> memo = new IdentityHashMap<>();
    private final Map<Expr, Boolean> conditions = new IdentityHashMap<>();
    private final double[] at;
    /** The exception already naming its sub-expression, passed on unchanged by the nodes above it. */
    private RuntimeException named;

    /**
     * @param algebra   the numbers
     * @param decider   how they decide comparisons
     * @param variables the variables' order
     * @param x         the value of each variable, in that order
     * @param at        the point x stands for, named in domain errors (null when there is none)
     */
    public AlgebraEvaluator(Algebra<T> algebra, Decider<T> decider, List<String> variables, T[] x, double[] at) {
        if (x.length != variables.size()) {
            throw new IllegalArgumentException("the point has " + x.length + " components, expected " + variables.size());
        }
        this.algebra = algebra;
        this.decider = decider;
        this.variables = variables;
        this.x = x.clone();
        this.at = at == null ? null : at.clone();
    }

    /**
     * The value of e (shared nodes evaluated once across calls). A primitive applied outside its domain throws
     * a {@link DomainException} naming the innermost sub-expression and the point; one whose argument straddles
     * its domain's edge throws {@link UndecidedException}, likewise named.
     */
    public T value(Expr e) {
        T r = memo.get(e);
        if (r == null) {
            try {
                r = compute(e);
            } catch (OutsideDomainException ex) {
                throw named(new DomainException(PlainPrinter.abbreviate(e, 120), ex.getMessage(), at));
            } catch (UndecidedException ex) {
                if (ex == named) {
                    throw ex;
                }
                throw named(new UndecidedException(ex.getMessage() + " in " + PlainPrinter.abbreviate(e, 120)
                        + (at == null ? "" : " at " + java.util.Arrays.toString(at))));
            }
            memo.put(e, r);
        }
        return r;
    }

    private RuntimeException named(RuntimeException ex) {
        named = ex;
        return ex;
    }

    private T compute(Expr n) {
        Algebra<T> a = algebra;
        switch (n.kind()) {
            case NUMBER:
                return number(n);
            case CONSTANT:
                if ("pi".equals(n.name())) {
                    return a.pi();
                }
                // e enclosed as exp(1) by the kinds that enclose; the double Math.E for the others
                return "e".equals(n.name()) && a instanceof Elementary ? a.apply(Primitive.EXP, a.constant(1))
                        : a.constant(n.number());
            case VARIABLE:
                return x[variables.indexOf(n.name())];
            case SUM: { // c + t1 + … + tk, in the interpreter's order
                T s = number(n);
                for (Expr t : n.args()) {
                    s = a.apply(Primitive.ADD, s, value(t));
                }
                return s;
            }
            case PRODUCT: { // f1 · … · fk · c
                T p = null;
                for (Expr f : n.args()) {
                    p = p == null ? value(f) : a.apply(Primitive.MULTIPLY, p, value(f));
                }
                return n.number() == 1 ? p : a.apply(Primitive.MULTIPLY, p, number(n));
            }
            case POWER: {
                Expr e = n.arg(1);
                return e.isNumber() ? a.pow(value(n.arg(0)), e.number())
                        : a.apply(Primitive.POW, value(n.arg(0)), value(e));
            }
            case CALL: {
                Primitive p = n.function().primitive();
                return n.arity() == 1 ? a.apply(p, value(n.arg(0))) : a.apply(p, value(n.arg(0)), value(n.arg(1)));
            }
            case IF: {
                Boolean c = holds(n.arg(0));
                if (c == null) {
                    return decider.either(n.arg(0), () -> value(n.arg(1)), () -> value(n.arg(2)));
                }
                return value(c ? n.arg(1) : n.arg(2));
            }
            default:
                throw new IllegalStateException("not a number: " + n.kind());
        }
    }

    /**
     * The number of a NUMBER, the constant of a SUM, the coefficient of a PRODUCT: exactly as typed
     * ({@link Algebra#exact}: 0.1 is 1/10) for the kinds that enclose, the double for the others.
     */
    private T number(Expr n) {
        return algebra instanceof Elementary ? n.rational().in(algebra) : algebra.constant(n.number());
    }

    /** Whether condition c holds: true, false, or null when the numbers cannot decide it. */
    public Boolean holds(Expr c) {
        if (conditions.containsKey(c)) {
            return conditions.get(c);
        }
        Boolean r = decide(c);
        conditions.put(c, r);
        return r;
    }

    private Boolean decide(Expr c) {
        switch (c.kind()) {
            case TRUE:
                return true;
            case FALSE:
                return false;
            case NOT: {
                Boolean p = holds(c.arg(0));
                return p == null ? null : !p;
            }
            case AND:
            case OR: {
                boolean and = c.kind() == Expr.Kind.AND;
                Boolean p = holds(c.arg(0));
                if (p != null && p != and) {
                    return p; // false and …, true or …
                }
                Boolean q = holds(c.arg(1));
                if (q != null && q != and) {
                    return q;
                }
                return p == null || q == null ? null : and;
            }
            case COMPARE:
                return decider.holds(c, c.relation(), value(c.arg(0)), value(c.arg(1)));
            default:
                throw new IllegalStateException("not a condition: " + c.kind());
        }
    }
}
