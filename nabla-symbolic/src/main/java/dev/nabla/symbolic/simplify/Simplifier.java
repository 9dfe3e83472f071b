package dev.nabla.symbolic.simplify;

import dev.nabla.symbolic.expr.Expr;
import dev.nabla.symbolic.expr.Function;
import dev.nabla.symbolic.expr.Rational;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Simplification beyond the canonical form that {@link Expr}'s factories keep (constants folded, like terms
 * collected, powers combined): identities of the elementary functions that hold wherever both sides are
 * defined.
 * <ul>
 *   <li>log(exp(u)) = u, sqrt(u^2) = abs(u), abs(abs(u)) = abs(u), abs(c*u) = |c|*abs(u), abs(u^2) = u^2 for even powers;</li>
 *   <li>odd and even functions of a negated argument: sin(-u) = -sin(u), cos(-u) = cos(u), likewise tan, sinh,
 *       cosh, tanh, asin, atan, asinh, atanh, cbrt;</li>
 *   <li>k*M*sin(u)^2 + k*M*cos(u)^2 = k*M and k*M*cosh(u)^2 - k*M*sinh(u)^2 = k*M for any monomial M (so
 *       r^2*cos(θ)^2 + r^2*sin(θ)^2 = r^2, and a quotient of such sums cancels: the polar form of ln(x^2 + y^2)
 *       has f_r = 2/r).</li>
 * </ul>
 * Applied bottom-up, each shared node once, until nothing changes (at most a few passes).
 */
public final class Simplifier {
    private Simplifier() {
    }

    public static Expr simplify(Expr e) {
        return simplifyAll(List.of(e)).get(0);
    }

    /** Simplifies several expressions with one memo, so shared sub-expressions stay shared. */
    public static List<Expr> simplifyAll(List<Expr> roots) {
        List<Expr> current = roots;
        for (int pass = 0; pass < 4; pass++) {
            List<Expr> next = pass(current);
            if (next.equals(current)) {
                return next;
            }
            current = next;
        }
        return current;
    }

    private static List<Expr> pass(List<Expr> roots) {
        Map<Expr, Expr> memo = new IdentityHashMap<>();
        for (Expr n : Expr.topologicalOrder(roots)) {
            List<Expr> args = new ArrayList<>(n.arity());
            boolean changed = false;
            for (Expr a : n.args()) {
                Expr r = memo.get(a);
                changed |= r != a;
                args.add(r);
            }
            Expr rebuilt = changed ? n.withArgs(args) : n;
            memo.put(n, rewrite(rebuilt));
        }
        List<Expr> out = new ArrayList<>();
        for (Expr r : roots) {
            out.add(memo.get(r));
        }
        return out;
    }

    private static boolean isNegated(Expr u) {
        return u.kind() == Expr.Kind.PRODUCT && u.number() < 0;
    }

    private static Expr rewrite(Expr e) {
        if (e.kind() == Expr.Kind.SUM) {
            return pythagoras(e);
        }
        if (e.kind() != Expr.Kind.CALL || e.arity() != 1) {
            return e;
        }
        Expr u = e.arg(0);
        Function f = e.function();
        switch (f) {
            case LOG:
                return u.kind() == Expr.Kind.CALL && u.function() == Function.EXP ? u.arg(0) : e;
            case SQRT:
                if (u.kind() == Expr.Kind.POWER && u.arg(1).isNumber(2)) {
                    return Expr.call(Function.ABS, u.arg(0));
                }
                return e;
            case ABS:
                if (u.kind() == Expr.Kind.CALL && u.function() == Function.ABS) {
                    return u;
                }
                if (u.kind() == Expr.Kind.PRODUCT && !u.rational().equals(Rational.ONE)) {
                    return Expr.multiply(Expr.number(u.rational().abs()),
                            Expr.call(Function.ABS, Expr.divide(u, Expr.number(u.rational()))));
                }
                if (u.kind() == Expr.Kind.POWER && u.arg(1).isInteger() && !u.arg(1).rational().numerator().testBit(0)) {
                    return u;
                }
                return e;
            case SIN: case TAN: case SINH: case TANH: case ASIN: case ATAN: case ASINH: case ATANH: case CBRT:
                return isNegated(u) ? Expr.negate(Expr.call(f, Expr.negate(u))) : e;
            case COS: case COSH:
                return isNegated(u) ? Expr.call(f, Expr.negate(u)) : e;
            default:
                return e;
        }
    }

    /**
     * c*M*sin(u)^2 + c*M*cos(u)^2 → c*M and c*M*cosh(u)^2 - c*M*sinh(u)^2 → c*M for any coefficient c and
     * monomial M, so that r^2*cos(θ)^2 + r^2*sin(θ)^2 = r^2; repeated until no pair is left.
     */
    private static Expr pythagoras(Expr sum) {
        List<Expr> terms = new ArrayList<>(sum.args());
        boolean changed = false;
        search:
        for (int i = 0; i < terms.size(); i++) {
            Expr t = terms.get(i);
            List<Expr> factors = t.kind() == Expr.Kind.PRODUCT ? t.args() : List.of(t);
            Rational c = t.kind() == Expr.Kind.PRODUCT ? t.rational() : Rational.ONE;
            for (int k = 0; k < factors.size(); k++) {
                Expr square = factors.get(k);
                if (square.kind() != Expr.Kind.POWER || !square.arg(1).isNumber(2)
                        || square.arg(0).kind() != Expr.Kind.CALL) {
                    continue;
                }
                Expr call = square.arg(0);
                Function partner;
                Rational sign;
                switch (call.function()) {
                    case SIN: partner = Function.COS; sign = Rational.ONE; break;
                    case COS: partner = Function.SIN; sign = Rational.ONE; break;
                    case COSH: partner = Function.SINH; sign = Rational.of(-1); break;
                    default: continue;
                }
                List<Expr> rest = new ArrayList<>(factors);
                rest.remove(k);
                rest.add(Expr.number(c));
                Expr monomial = Expr.product(rest);
                Expr other = Expr.product(List.of(Expr.number(sign), monomial,
                        Expr.power(Expr.call(partner, call.arg(0)), Expr.number(2))));
                int j = terms.indexOf(other);
                if (j >= 0 && j != i) {
                    terms.remove(Math.max(i, j));
                    terms.remove(Math.min(i, j));
                    terms.add(monomial);
                    changed = true;
                    i = -1;
                    continue search;
                }
            }
        }
        if (!changed) {
            return sum;
        }
        terms.add(Expr.number(sum.rational()));
        return Expr.sum(terms);
    }
}
