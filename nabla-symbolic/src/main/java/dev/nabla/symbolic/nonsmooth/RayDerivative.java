package dev.nabla.symbolic.nonsmooth;

import dev.nabla.core.field.DomainException;
import dev.nabla.symbolic.Formula;
import dev.nabla.symbolic.diff.Differentiator;
import dev.nabla.symbolic.expr.Expr;
import dev.nabla.symbolic.expr.Function;
import dev.nabla.symbolic.print.PlainPrinter;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one-sided directional derivative from its definition, symbolically:
 * D_v⁺ f(x) = lim_{t↓0} (f(x + t v) − f(x)) / t.
 *
 * <p>The formula is rewritten along the ray, x ↦ x + t v with x a numeric point, node by node from the leaves.
 * Each non-smooth node is replaced by the smooth piece that agrees with it to first order for small t &gt; 0,
 * decided by the sign of its switching function h(t) — the sign of h(0), or if h(0) = 0 of h'(0) (when both
 * vanish every piece has the same first-order behaviour):
 * <ul>
 * <li>|h| → ±h; max(a, b), min(a, b) → a or b; if(p ⋚ q, a, b) → a or b (conditions with ==, !=, and, or,
 * not are decided the same way, so the documents' counterexample {@code if(x == 0 and y == 0, 0, …)} takes
 * the second branch along every ray);</li>
 * <li>sqrt(h) with h(0) = h'(0) = 0 → sqrt(h''(0)/2)·t; hypot(a, b) at a = b = 0 → ‖(a'(0), b'(0))‖·t (the
 * Euclidean norm at 0: D_v⁺‖x‖(0) = ‖v‖);</li>
 * <li>sqrt(h), cbrt(h), h^p (0 &lt; p &lt; 1) with h(0) = 0 but h'(0) ≠ 0: infinite slope, no derivative;
 * sign(h) jumping at t = 0: no derivative.</li>
 * </ul>
 * The result is d/dt of the rewritten expression at t = 0, provided its value at t = 0 is f(x) (otherwise f jumps
 * along the ray). Exact up to the rounding of one evaluation: no step sizes.
 */
public final class RayDerivative {

    private RayDerivative() {
    }

    /** D_v⁺ f(x) = lim_{t↓0} (f(x + t v) − f(x)) / t. */
    public static RayLimit right(Formula f, double[] x, double[] v) {
        return new Ray(f, x, v).limit();
    }

    /** D_v⁻ f(x) = lim_{t↑0} (f(x + t v) − f(x)) / t = −D_{−v}⁺ f(x). */
    public static RayLimit left(Formula f, double[] x, double[] v) {
        double[] minus = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            minus[i] = -v[i];
        }
        return right(f, x, minus).scaled(-1);
    }

    /** Thrown inside the rewrite when the ray has no first-order piece. */
    private static final class NoLimit extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NoLimit(String message) {
            super(message, null, false, false);
        }
    }

    private static final class Ray {
        final Formula f;
        final double[] x;
        final double[] v;
        final String tName;
        final Expr t;
        final Map<Expr, Expr> memo = new IdentityHashMap<>();

        Ray(Formula f, double[] x, double[] v) {
            if (x.length != f.dimension() || v.length != f.dimension()) {
                throw new IllegalArgumentException("point and direction need " + f.dimension() + " components");
            }
            this.f = f;
            this.x = x.clone();
            this.v = v.clone();
            String name = "t";
            while (f.variables().contains(name)) {
                name = name + "_";
            }
            this.tName = name;
            this.t = Expr.variable(name);
        }

        RayLimit limit() {
            Expr piece;
            try {
                for (Expr n : f.expression().topologicalOrder()) {
                    memo.put(n, rewrite(n));
                }
                piece = memo.get(f.expression());
                double f0 = f.value(x);
                double p0 = at0(piece);
                if (Math.abs(p0 - f0) > 1e-12 * Math.max(1, Math.abs(f0))) {
                    return RayLimit.failed("f(x + t v) tends to " + p0 + " as t ↓ 0, not to f(x) = " + f0
                            + ": f jumps along v");
                }
                return RayLimit.of(at0(Differentiator.derivative(piece, tName)), PlainPrinter.print(piece));
            } catch (NoLimit e) {
                return RayLimit.failed(e.getMessage());
            } catch (DomainException e) {
                return RayLimit.failed("undefined along the ray at t = 0: " + e.getMessage());
            }
        }

        private Expr rewrite(Expr n) {
            switch (n.kind()) {
                case VARIABLE: {
                    int i = f.variables().indexOf(n.name());
                    return Expr.add(Expr.number(x[i]), Expr.multiply(Expr.number(v[i]), t));
                }
                case NUMBER: case CONSTANT: case TRUE: case FALSE:
                    return n;
                case IF: {
                    Boolean c = truth(memo.get(n.arg(0)));
                    return c ? memo.get(n.arg(1)) : memo.get(n.arg(2));
                }
                case CALL:
                    return call(n);
                case POWER:
                    return power(n);
                default:
                    return rebuilt(n);
            }
        }

        private Expr rebuilt(Expr n) {
            List<Expr> args = new ArrayList<>(n.arity());
            for (Expr a : n.args()) {
                args.add(memo.get(a));
            }
            return n.withArgs(args);
        }

        private Expr call(Expr n) {
            Function fn = n.function();
            Expr a = memo.get(n.arg(0));
            switch (fn) {
                case ABS:
                    return sign(a) >= 0 ? a : Expr.negate(a);
                case MAX: case MIN: {
                    Expr b = memo.get(n.arg(1));
                    int s = sign(Expr.subtract(a, b));
                    return (fn == Function.MAX) == (s >= 0) ? a : b;
                }
                case SIGN: {
                    double h0 = at0(a);
                    if (h0 != 0 || a.isNumber()) {
                        return Expr.number(Math.signum(h0));
                    }
                    int s = sign(a);
                    if (s != 0) {
                        throw new NoLimit(PlainPrinter.abbreviate(n, 60) + " jumps from 0 to " + s + " along v");
                    }
                    throw new NoLimit(PlainPrinter.abbreviate(n, 60) + ": its argument vanishes to second order"
                            + " along v; sign not decided");
                }
                case SQRT: {
                    if (at0(a) != 0 || a.isNumber()) {
                        return rebuilt(n);
                    }
                    double h1 = at0(d(a));
                    if (h1 != 0) {
                        throw new NoLimit(PlainPrinter.abbreviate(n, 60) + " has infinite slope along v (its argument"
                                + " vanishes to first order)");
                    }
                    double h2 = at0(d(d(a)));
                    if (h2 < 0) {
                        throw new NoLimit(PlainPrinter.abbreviate(n, 60) + " is undefined along v (negative argument)");
                    }
                    return Expr.multiply(Expr.number(Math.sqrt(h2 / 2)), t);
                }
                case HYPOT: {
                    Expr b = memo.get(n.arg(1));
                    if (at0(a) != 0 || at0(b) != 0) {
                        return rebuilt(n);
                    }
                    return Expr.multiply(Expr.number(Math.hypot(at0(d(a)), at0(d(b)))), t);
                }
                case CBRT: {
                    if (at0(a) != 0 || a.isNumber()) {
                        return rebuilt(n);
                    }
                    throw new NoLimit(PlainPrinter.abbreviate(n, 60) + " has infinite slope along v at 0");
                }
                default:
                    return rebuilt(n);
            }
        }

        private Expr power(Expr n) {
            Expr base = memo.get(n.arg(0));
            Expr exponent = n.arg(1);
            if (exponent.isNumber() && !isInteger(exponent.number()) && !base.isNumber() && at0(base) == 0) {
                double p = exponent.number();
                if (p > 1) {
                    return Expr.ZERO; // |h|^p = o(t): value 0, derivative 0
                }
                if (p > 0 && at0(d(base)) != 0) {
                    throw new NoLimit(PlainPrinter.abbreviate(n, 60) + " has infinite slope along v at 0");
                }
            }
            return rebuilt(n);
        }

        /** The truth of a (rewritten) condition for all small t &gt; 0. */
        private boolean truth(Expr c) {
            switch (c.kind()) {
                case TRUE:
                    return true;
                case FALSE:
                    return false;
                case NOT:
                    return !truth(c.arg(0));
                case AND:
                    return truth(c.arg(0)) && truth(c.arg(1));
                case OR:
                    return truth(c.arg(0)) || truth(c.arg(1));
                case COMPARE: {
                    Expr h = Expr.subtract(c.arg(0), c.arg(1));
                    if (h.isNumber()) {
                        return c.relation().holds(h.number(), 0);
                    }
                    int s = sign(h);
                    if (s == 0) {
                        throw new NoLimit("the condition " + PlainPrinter.abbreviate(c, 60) + " is tangent to v;"
                                + " which branch applies is not decided to first order");
                    }
                    return c.relation().holds(s, 0);
                }
                default:
                    throw new IllegalStateException("not a condition: " + c.kind());
            }
        }

        /** The sign of h(t) for small t &gt; 0 to first order: sign h(0), else sign h'(0), else 0. */
        private int sign(Expr h) {
            if (h.isNumber()) {
                return (int) Math.signum(h.number());
            }
            double h0 = at0(h);
            if (h0 != 0) {
                return (int) Math.signum(h0);
            }
            return (int) Math.signum(at0(d(h)));
        }

        private Expr d(Expr e) {
            return Differentiator.derivative(e, tName);
        }

        private double at0(Expr e) {
            if (e.isNumber()) {
                return e.number();
            }
            return Formula.of(e, List.of(tName)).value(new double[] {0});
        }

        private static boolean isInteger(double p) {
            return p == Math.rint(p);
        }
    }
}
