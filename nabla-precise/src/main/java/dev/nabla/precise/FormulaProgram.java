package dev.nabla.precise;

import dev.nabla.core.prim.Elementary;
import dev.nabla.core.prim.Primitive;
import dev.nabla.core.prim.UndecidedException;
import dev.nabla.symbolic.expr.Expr;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Formulas evaluated over any {@link Elementary} algebra (enclosures of doubles, {@link BigIntervals}): every
 * node through the algebra's operations and {@link Primitive#define}, shared sub-expressions once, the untaken
 * branch of an {@code if} never (both, as a hull, when the enclosure cannot decide the condition).
 */
final class FormulaProgram {
    private FormulaProgram() {
    }

    /** The values of the expressions at x (variables named in {@code names}). */
    static <T> List<T> evaluate(List<Expr> expressions, List<String> names, Elementary<T> A, List<T> x) {
        Run<T> run = new Run<>(A, names, x);
        return expressions.stream().map(run::value).toList();
    }

    private enum Truth { TRUE, FALSE, UNKNOWN }

    private static final class Run<T> {
        private final Elementary<T> A;
        private final List<String> names;
        private final List<T> x;
        private final Map<Expr, T> memo = new IdentityHashMap<>();

        Run(Elementary<T> A, List<String> names, List<T> x) {
            this.A = A;
            this.names = names;
            this.x = x;
        }

        T value(Expr e) {
            T v = memo.get(e);
            if (v == null) {
                v = compute(e);
                memo.put(e, v);
            }
            return v;
        }

        private T compute(Expr e) {
            switch (e.kind()) {
                case NUMBER:
                    return e.rational().in(A); // exact: 0.1 is 1/10, 1/3 is 1/3
                case CONSTANT:
                    return "pi".equals(e.name()) ? A.pi() : A.exp(A.constant(1));
                case VARIABLE: {
                    int i = names.indexOf(e.name());
                    if (i < 0) {
                        throw new IllegalArgumentException("unknown variable " + e.name());
                    }
                    return x.get(i);
                }
                case SUM: {
                    T s = e.rational().in(A);
                    for (Expr a : e.args()) {
                        s = A.add(s, value(a));
                    }
                    return s;
                }
                case PRODUCT: {
                    T p = null;
                    for (Expr a : e.args()) {
                        p = p == null ? value(a) : A.multiply(p, value(a));
                    }
                    return e.number() == 1 ? p : A.multiply(e.rational().in(A), p);
                }
                case POWER:
                    return A.apply(Primitive.POW, value(e.arg(0)), value(e.arg(1)));
                case CALL: {
                    Primitive p = e.function().primitive();
                    return e.arity() == 1 ? A.apply(p, value(e.arg(0))) : A.apply(p, value(e.arg(0)), value(e.arg(1)));
                }
                case IF: {
                    Truth t = truth(e.arg(0));
                    return t == Truth.TRUE ? value(e.arg(1)) : t == Truth.FALSE ? value(e.arg(2))
                            : A.hull(value(e.arg(1)), value(e.arg(2)));
                }
                default:
                    throw new IllegalArgumentException("not a number: " + e);
            }
        }

        private Truth truth(Expr c) {
            switch (c.kind()) {
                case TRUE:
                    return Truth.TRUE;
                case FALSE:
                    return Truth.FALSE;
                case NOT: {
                    Truth t = truth(c.arg(0));
                    return t == Truth.UNKNOWN ? t : t == Truth.TRUE ? Truth.FALSE : Truth.TRUE;
                }
                case AND: case OR: {
                    boolean and = c.kind() == Expr.Kind.AND;
                    Truth p = truth(c.arg(0));
                    Truth decisive = and ? Truth.FALSE : Truth.TRUE;
                    if (p == decisive) {
                        return p;
                    }
                    Truth q = truth(c.arg(1));
                    if (q == decisive) {
                        return q;
                    }
                    return p == Truth.UNKNOWN || q == Truth.UNKNOWN ? Truth.UNKNOWN : p;
                }
                case COMPARE: {
                    Elementary.Signs s = A.signs(A.subtract(value(c.arg(0)), value(c.arg(1))));
                    switch (c.relation()) {
                        case GT: return s.positiveOnly() ? Truth.TRUE : s.nonPositive() ? Truth.FALSE : Truth.UNKNOWN;
                        case GE: return s.nonNegative() ? Truth.TRUE : s.negativeOnly() ? Truth.FALSE : Truth.UNKNOWN;
                        case LT: return s.negativeOnly() ? Truth.TRUE : s.nonNegative() ? Truth.FALSE : Truth.UNKNOWN;
                        case LE: return s.nonPositive() ? Truth.TRUE : s.positiveOnly() ? Truth.FALSE : Truth.UNKNOWN;
                        case EQ: return s.zeroOnly() ? Truth.TRUE : !s.zero() ? Truth.FALSE : Truth.UNKNOWN;
                        default: return s.zeroOnly() ? Truth.FALSE : !s.zero() ? Truth.TRUE : Truth.UNKNOWN;
                    }
                }
                default:
                    throw new UndecidedException("not a condition: " + c);
            }
        }
    }
}
