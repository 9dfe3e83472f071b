package dev.nabla.symbolic.diff;

import dev.nabla.core.prim.Primitive;
import dev.nabla.symbolic.expr.Expr;
import dev.nabla.symbolic.expr.ExprAlgebra;
import dev.nabla.symbolic.expr.Function;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import static dev.nabla.symbolic.expr.Expr.MINUS_ONE;
import static dev.nabla.symbolic.expr.Expr.ONE;
import static dev.nabla.symbolic.expr.Expr.ZERO;
import static dev.nabla.symbolic.expr.Expr.add;
import static dev.nabla.symbolic.expr.Expr.call;
import static dev.nabla.symbolic.expr.Expr.divide;
import static dev.nabla.symbolic.expr.Expr.multiply;
import static dev.nabla.symbolic.expr.Expr.negate;
import static dev.nabla.symbolic.expr.Expr.number;
import static dev.nabla.symbolic.expr.Expr.power;
import static dev.nabla.symbolic.expr.Expr.subtract;

/**
 * Symbolic reverse-mode differentiation on the expression DAG. The adjoint ∂f/∂n of every node n is built
 * once, as an expression, by visiting the nodes parents-first and accumulating
 * ∂f/∂c += ∂f/∂n · ∂n/∂c into each child c. The gradient (∂f/∂x_1, …, ∂f/∂x_n) is then the adjoints of the
 * variables: one sweep for all partial derivatives, sharing every common factor, so the number of distinct
 * nodes of the gradient is proportional to that of f (no expression swell on long products or deep
 * compositions). The results are in canonical (simplified) form because every node is built through
 * the canonicalising factories of {@link Expr}.
 *
 * <p>The local partial of every function and of the power is the rule of the table of primitives
 * ({@link Primitive}) applied to expressions ({@link ExprAlgebra}), so it is the rule automatic
 * differentiation uses: d|u| = sign(u) du, d max(a, b) = if(a >= b, 1, 0) da + if(a >= b, 0, 1) db,
 * d sign(u) = 0; and d if(c, a, b) = if(c, da, db).
 */
public final class Differentiator {
    /**
     * Most operand references the partials of n-ary products may create in one gradient. A product of k
     * factors has k partials of k - 1 factors each (distinct nodes stay linear, references are quadratic), so
     * a product of ~3000 factors is the largest differentiated symbolically; the numeric reverse sweep of
     * {@code Formula.valueAndGradient} has no such limit.
     */
    public static final long MAX_PRODUCT_REFERENCES = 10_000_000;

    private Differentiator() {
    }

    /** (∂f/∂v_1, …, ∂f/∂v_n) for the given variables, by one reverse sweep. */
    public static List<Expr> gradient(Expr f, List<String> variables) {
        Map<Expr, Expr> adjoints = adjoints(f);
        List<Expr> out = new ArrayList<>();
        for (String v : variables) {
            out.add(adjoints.getOrDefault(Expr.variable(v), ZERO));
        }
        return out;
    }

    /** ∂f/∂variable. */
    public static Expr derivative(Expr f, String variable) {
        return gradient(f, List.of(variable)).get(0);
    }

    /** The adjoint ∂f/∂n of every node n of f on which f depends. */
    public static Map<Expr, Expr> adjoints(Expr f) {
        List<Expr> order = f.topologicalOrder();
        Map<Expr, List<Expr>> contributions = new IdentityHashMap<>();
        Map<Expr, Expr> adjoints = new IdentityHashMap<>();
        contributions.computeIfAbsent(f, k -> new ArrayList<>()).add(ONE);
        long references = 0;
        for (int i = order.size() - 1; i >= 0; i--) {
            Expr n = order.get(i);
            List<Expr> parts = contributions.remove(n);
            if (parts == null || !n.hasVariables() || n.isCondition()) {
                continue;
            }
            Expr a = parts.size() == 1 ? parts.get(0) : Expr.sum(parts);
            if (a == ZERO) {
                continue;
            }
            adjoints.put(n, a);
            if (n.kind() == Expr.Kind.PRODUCT) {
                references += (long) n.arity() * n.arity();
                if (references > MAX_PRODUCT_REFERENCES) {
                    throw new IllegalStateException("symbolic gradient too large: products with "
                            + n.arity() + " factors (limit " + MAX_PRODUCT_REFERENCES + " factor references);"
                            + " the numeric gradient (valueAndGradient) has no such limit");
                }
            }
            propagate(n, a, contributions);
        }
        return adjoints;
    }

    private static void contribute(Map<Expr, List<Expr>> contributions, Expr child, Expr amount) {
        if (child.hasVariables() && amount != ZERO) {
            contributions.computeIfAbsent(child, k -> new ArrayList<>()).add(amount);
        }
    }

    private static void propagate(Expr n, Expr a, Map<Expr, List<Expr>> contributions) {
        switch (n.kind()) {
            case SUM:
                for (Expr t : n.args()) {
                    contribute(contributions, t, a);
                }
                break;
            case PRODUCT: {
                List<Expr> factors = n.args();
                for (int k = 0; k < factors.size(); k++) {
                    if (!factors.get(k).hasVariables()) {
                        continue;
                    }
                    if (a.isNumber()) {
                        contribute(contributions, factors.get(k), Expr.withoutFactor(n, k, a.rational()));
                        continue;
                    }
                    List<Expr> others = new ArrayList<>(factors.size() + 1);
                    others.add(a);
                    others.add(Expr.number(n.rational()));
                    for (int j = 0; j < factors.size(); j++) {
                        if (j != k) {
                            others.add(factors.get(j));
                        }
                    }
                    contribute(contributions, factors.get(k), Expr.product(others));
                }
                break;
            }
            case POWER: {
                Expr b = n.arg(0);
                Expr p = n.arg(1);
                if (b.hasVariables()) {
                    contribute(contributions, b, multiply(a, Primitive.POW.partial(ExprAlgebra.INSTANCE, 0, b, p, n)));
                }
                if (p.hasVariables()) {
                    contribute(contributions, p, multiply(a, Primitive.POW.partial(ExprAlgebra.INSTANCE, 1, b, p, n)));
                }
                break;
            }
            case CALL:
                callPartials(n, a, contributions);
                break;
            case IF:
                contribute(contributions, n.arg(1), Expr.ifThenElse(n.arg(0), a, ZERO));
                contribute(contributions, n.arg(2), Expr.ifThenElse(n.arg(0), ZERO, a));
                break;
            default:
                break;
        }
    }

    /** ∂f/∂u_k += a · ∂n/∂u_k for the arguments u_k of a call n, by the table's rule over expressions. */
    private static void callPartials(Expr n, Expr a, Map<Expr, List<Expr>> contributions) {
        Primitive p = n.function().primitive();
        Expr u = n.arg(0);
        Expr w = n.arity() > 1 ? n.arg(1) : null;
        for (int k = 0; k < n.arity(); k++) {
            if (n.arg(k).hasVariables()) {
                contribute(contributions, n.arg(k), multiply(a, p.partial(ExprAlgebra.INSTANCE, k, u, w, n)));
            }
        }
    }
}
