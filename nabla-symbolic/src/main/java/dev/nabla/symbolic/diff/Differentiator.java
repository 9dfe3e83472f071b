package dev.nabla.symbolic.diff;

import dev.nabla.symbolic.expr.Expr;
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
 * <p>Derivatives away from kinks: d|u| = sign(u) du, d max(a, b) = if(a >= b, da, db),
 * d min(a, b) = if(a <= b, da, db), d sign(u) = 0, d if(c, a, b) = if(c, da, db).
 */
public final class Differentiator {
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
                    List<Expr> others = new ArrayList<>(factors.size() + 1);
                    others.add(a);
                    others.add(number(n.number()));
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
                contribute(contributions, b, Expr.product(List.of(a, p, power(b, add(p, MINUS_ONE)))));
                contribute(contributions, p, Expr.product(List.of(a, n, call(Function.LOG, b))));
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

    private static void callPartials(Expr n, Expr a, Map<Expr, List<Expr>> contributions) {
        Expr u = n.arg(0);
        Expr w = n.arity() > 1 ? n.arg(1) : null;
        Expr d;
        switch (n.function()) {
            case SIN: d = call(Function.COS, u); break;
            case COS: d = negate(call(Function.SIN, u)); break;
            case TAN: d = power(call(Function.COS, u), number(-2)); break;
            case SEC: d = multiply(n, call(Function.TAN, u)); break;
            case CSC: d = negate(multiply(n, call(Function.COT, u))); break;
            case COT: d = negate(power(call(Function.SIN, u), number(-2))); break;
            case ASIN: d = power(subtract(ONE, power(u, number(2))), number(-0.5)); break;
            case ACOS: d = negate(power(subtract(ONE, power(u, number(2))), number(-0.5))); break;
            case ATAN: d = divide(ONE, add(ONE, power(u, number(2)))); break;
            case ATAN2: {
                Expr r2 = add(power(u, number(2)), power(w, number(2)));
                contribute(contributions, u, Expr.product(List.of(a, w, power(r2, MINUS_ONE))));
                contribute(contributions, w, Expr.product(List.of(a, MINUS_ONE, u, power(r2, MINUS_ONE))));
                return;
            }
            case SINH: d = call(Function.COSH, u); break;
            case COSH: d = call(Function.SINH, u); break;
            case TANH: d = subtract(ONE, power(n, number(2))); break;
            case ASINH: d = power(add(power(u, number(2)), ONE), number(-0.5)); break;
            case ACOSH: d = power(subtract(power(u, number(2)), ONE), number(-0.5)); break;
            case ATANH: d = divide(ONE, subtract(ONE, power(u, number(2)))); break;
            case EXP: d = n; break;
            case LOG: d = power(u, MINUS_ONE); break;
            case LOG10: d = divide(ONE, multiply(u, call(Function.LOG, number(10)))); break;
            case LOG2: d = divide(ONE, multiply(u, call(Function.LOG, number(2)))); break;
            case SQRT: d = divide(number(0.5), n); break;
            case CBRT: d = divide(ONE, multiply(number(3), power(n, number(2)))); break;
            case ABS: d = call(Function.SIGN, u); break;
            case SIGN: return;
            case MIN: case MAX: {
                Expr first = Expr.compare(n.function() == Function.MIN ? dev.nabla.symbolic.expr.Relation.LE
                        : dev.nabla.symbolic.expr.Relation.GE, u, w);
                contribute(contributions, u, Expr.ifThenElse(first, a, ZERO));
                contribute(contributions, w, Expr.ifThenElse(first, ZERO, a));
                return;
            }
            case HYPOT:
                contribute(contributions, u, Expr.product(List.of(a, u, power(n, MINUS_ONE))));
                contribute(contributions, w, Expr.product(List.of(a, w, power(n, MINUS_ONE))));
                return;
            default: throw new AssertionError(n.function());
        }
        contribute(contributions, u, multiply(a, d));
    }
}
