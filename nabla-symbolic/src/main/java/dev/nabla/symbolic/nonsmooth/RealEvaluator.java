package dev.nabla.symbolic.nonsmooth;

import dev.nabla.core.ad.Real;
import dev.nabla.core.onesided.OneSided;
import dev.nabla.symbolic.expr.Expr;
import dev.nabla.symbolic.print.PlainPrinter;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A formula's expression DAG evaluated on any kind of {@link Real} (each shared node once), so that a formula
 * runs on the same numbers as Java code: in particular on {@link dev.nabla.core.onesided.Expansion}s, for the
 * exact one-sided directional derivative. Semantics as the interpreter's: {@code if} evaluates only the branch
 * taken and {@code and}/{@code or} short-circuit. A comparison p ⋚ q is decided by
 * {@link OneSided#signForSmallT}(p − q): on expansions, the relation that holds for all small t &gt; 0.
 */
public final class RealEvaluator {
    private final List<String> variables;
    private final Real[] x;
    private final Map<Expr, Real> memo = new IdentityHashMap<>();

    private RealEvaluator(List<String> variables, Real[] x) {
        this.variables = variables;
        this.x = x;
    }

    /** The value of root with variables[i] = x[i]. */
    public static Real evaluate(Expr root, List<String> variables, Real[] x) {
        if (x.length != variables.size()) {
            throw new IllegalArgumentException("the point has " + x.length + " components, expected " + variables.size());
        }
        return new RealEvaluator(variables, x).eval(root);
    }

    private Real eval(Expr n) {
        Real r = memo.get(n);
        if (r == null) {
            r = compute(n);
            memo.put(n, r);
        }
        return r;
    }

    private Real constant(double c) {
        return x.length > 0 ? x[0].constant(c) : dev.nabla.core.ad.Reals.of(c)[0];
    }

    private Real compute(Expr n) {
        switch (n.kind()) {
            case NUMBER:
            case CONSTANT:
                return constant(n.number());
            case VARIABLE:
                return x[variables.indexOf(n.name())];
            case SUM: {
                Real s = constant(n.number());
                for (Expr a : n.args()) {
                    s = s.add(eval(a));
                }
                return s;
            }
            case PRODUCT: {
                Real p = eval(n.arg(0));
                for (int i = 1; i < n.arity(); i++) {
                    p = p.multiply(eval(n.arg(i)));
                }
                return n.number() == 1 ? p : p.multiply(n.number());
            }
            case POWER: {
                Real base = eval(n.arg(0));
                Expr e = n.arg(1);
                return e.isNumber() ? base.pow(e.number()) : base.pow(eval(e));
            }
            case CALL:
                return call(n);
            case IF:
                return holds(n.arg(0)) ? eval(n.arg(1)) : eval(n.arg(2));
            default:
                throw new IllegalStateException("not a number: " + n.kind());
        }
    }

    private boolean holds(Expr c) {
        switch (c.kind()) {
            case TRUE:
                return true;
            case FALSE:
                return false;
            case NOT:
                return !holds(c.arg(0));
            case AND:
                return holds(c.arg(0)) && holds(c.arg(1));
            case OR:
                return holds(c.arg(0)) || holds(c.arg(1));
            case COMPARE: {
                Real h = eval(c.arg(0)).subtract(eval(c.arg(1)));
                if (h.value() == 0) {
                    OneSided.recordKink(h, PlainPrinter.abbreviate(c, 60) + " on its boundary");
                }
                return c.relation().holds(OneSided.signForSmallT(h), 0);
            }
            default:
                throw new IllegalStateException("not a condition: " + c.kind());
        }
    }

    /** A call by the table's entry for its function, so every primitive of the language is available. */
    private Real call(Expr n) {
        Real a = eval(n.arg(0));
        dev.nabla.core.prim.Primitive p = n.function().primitive();
        return n.arity() == 1 ? a.apply(p) : a.apply(p, eval(n.arg(1)));
    }
}
