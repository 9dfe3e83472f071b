package dev.nabla.symbolic.expr;

import dev.nabla.core.field.DomainException;
import dev.nabla.core.prim.Primitive;
import dev.nabla.core.field.Gradient;
import dev.nabla.core.field.Kink;
import dev.nabla.symbolic.print.PlainPrinter;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates expressions at a point, each shared node once, and their gradients by a numeric reverse sweep
 * over the DAG. The reference semantics of the language:
 * <ul>
 *   <li>{@code if} evaluates only the branch taken, and {@code and}/{@code or} short-circuit where the result
 *       is certain, so an undefined branch is never touched;</li>
 *   <li>an operation outside its domain throws a {@link DomainException} naming the sub-expression and the
 *       point ({@code log of -1 (argument must be > 0) in log(x - 2) at [1.0]});</li>
 *   <li>at a kink the gradient follows the documented one-sided convention and the kink is reported:
 *       the table's ({@link Primitive}): abs'(0) = 0, sqrt'(0) = cbrt'(0) = 0 (infinite slopes), min/max at a
 *       tie take the first argument, hypot'(0, 0) = (0, 0); an {@code if} whose condition lies on its boundary
 *       takes the branch the condition selects.
 *       Kinks whose adjoint is 0 at the point are not reported (the chain rule makes them harmless), except
 *       jumps (sign at 0, an {@code if} on its boundary), which are always reported.</li>
 * </ul>
 * Immutable and thread-safe: every call uses its own work arrays.
 */
public final class Interpreter {
    private final Expr[] nodes;
    private final int[][] children;
    private final int[] variable;
    private final int dimension;
    private final int[] roots;

    /**
     * @param roots     the expressions to evaluate
     * @param variables the variable order of points; every variable of the roots must be listed
     */
    public Interpreter(List<Expr> roots, List<String> variables) {
        List<Expr> order = Expr.topologicalOrder(roots);
        Map<Expr, Integer> index = new IdentityHashMap<>();
        nodes = order.toArray(new Expr[0]);
        children = new int[nodes.length][];
        variable = new int[nodes.length];
        Map<String, Integer> position = new java.util.HashMap<>();
        for (int k = 0; k < variables.size(); k++) {
            position.put(variables.get(k), k);
        }
        for (int i = 0; i < nodes.length; i++) {
            Expr e = nodes[i];
            index.put(e, i);
            children[i] = new int[e.arity()];
            for (int k = 0; k < e.arity(); k++) {
                children[i][k] = index.get(e.arg(k));
            }
            variable[i] = e.kind() == Expr.Kind.VARIABLE ? position.getOrDefault(e.name(), -1) : -1;
            if (e.kind() == Expr.Kind.VARIABLE && variable[i] < 0) {
                throw new IllegalArgumentException("variable " + e.name() + " is not in " + variables);
            }
        }
        this.roots = roots.stream().mapToInt(index::get).toArray();
        this.dimension = variables.size();
    }

    /** The value of root k at x. */
    public double value(int root, double[] x) {
        return new Run(x, false).eval(roots[root]);
    }

    /** The values of all roots at x (shared nodes evaluated once). */
    public double[] values(double[] x) {
        Run run = new Run(x, false);
        double[] out = new double[roots.length];
        for (int k = 0; k < roots.length; k++) {
            out[k] = run.eval(roots[k]);
        }
        return out;
    }

    /** Root 0's value and gradient at x by one reverse sweep, with the kinks met. */
    public Gradient valueAndGradient(double[] x) {
        Run run = new Run(x, true);
        double value = run.eval(roots[0]);
        double[] gradient = run.reverse(roots[0]);
        for (double g : gradient) {
            if (!Double.isFinite(g) && run.overflow >= 0 && Double.isFinite(value)) {
                throw run.domain(run.overflow, "overflow: its derivative exceeds the double range");
            }
        }
        return new Gradient(x, value, gradient, new ArrayList<>(run.kinks));
    }

    private final class Run {
        final double[] x;
        final double[] v = new double[nodes.length];
        final byte[] state = new byte[nodes.length]; // 0 not evaluated, 1 evaluated, 2 evaluated + on boundary
        final boolean recording;
        final Set<Kink> kinks = new LinkedHashSet<>();
        /** The first node whose partial overflowed at a finite value (reported if the gradient is not finite), or −1. */
        int overflow = -1;

        Run(double[] x, boolean recording) {
            if (x.length != dimension) {
                throw new IllegalArgumentException("point has " + x.length + " coordinates, expected " + dimension);
            }
            for (double c : x) {
                if (!Double.isFinite(c)) {
                    throw new IllegalArgumentException("point coordinates must be finite: " + java.util.Arrays.toString(x));
                }
            }
            this.x = x;
            this.recording = recording;
        }

        DomainException domain(int i, String reason) {
            return new DomainException(PlainPrinter.abbreviate(nodes[i], 120), reason, x);
        }

        void kink(int i, String primitive) {
            kinks.add(new Kink(primitive, PlainPrinter.abbreviate(nodes[i], 120)));
        }

        boolean onBoundary(int i) {
            return state[i] == 2;
        }

        double eval(int i) {
            if (state[i] != 0) {
                return v[i];
            }
            Expr e = nodes[i];
            int[] c = children[i];
            double r;
            boolean boundary = false;
            switch (e.kind()) {
                case NUMBER: case CONSTANT: r = e.number(); break;
                case VARIABLE: r = x[variable[i]]; break;
                case SUM: {
                    r = e.number();
                    for (int k : c) {
                        r += eval(k);
                    }
                    if (Double.isNaN(r)) {
                        throw domain(i, "undefined sum (infinity minus infinity)");
                    }
                    break;
                }
                case PRODUCT: {
                    r = e.number();
                    for (int k = 0; k < c.length; k++) {
                        Expr f = nodes[c[k]];
                        if (PlainPrinter.isReciprocalOf(f) && eval(children[c[k]][0]) == 0) {
                            throw domain(i, "division by zero (" + PlainPrinter.abbreviate(f.arg(0), 60) + " is 0)");
                        }
                        r *= eval(c[k]);
                    }
                    if (Double.isNaN(r)) {
                        throw domain(i, "undefined product (zero times infinity)");
                    }
                    break;
                }
                case POWER: {
                    double b = eval(c[0]);
                    double p = eval(c[1]);
                    if (b == 0 && p < 0) {
                        throw domain(i, "division by zero (" + PlainPrinter.abbreviate(e.arg(0), 60) + " is 0)");
                    }
                    if (b < 0 && !Numbers.isInteger(p)) {
                        throw domain(i, "power of negative base " + Numbers.format(b) + " with non-integer exponent "
                                + Numbers.format(p));
                    }
                    r = Math.pow(b, p);
                    if (Double.isNaN(r)) {
                        throw domain(i, "undefined power");
                    }
                    break;
                }
                case CALL: {
                    double a = eval(c[0]);
                    double b = c.length > 1 ? eval(c[1]) : 0;
                    String violation = e.function().domainViolation(a, b);
                    if (violation != null) {
                        throw domain(i, violation);
                    }
                    r = e.function().apply(a, b);
                    if (Double.isNaN(r)) {
                        throw domain(i, "undefined value");
                    }
                    if (recording && e.function() == Function.SIGN && a == 0) {
                        kink(i, "sign");
                    }
                    break;
                }
                case IF: {
                    boolean take = eval(c[0]) != 0;
                    if (recording && onBoundary(c[0])) {
                        kink(i, "if");
                    }
                    r = eval(take ? c[1] : c[2]);
                    break;
                }
                case COMPARE: {
                    double a = eval(c[0]);
                    double b = eval(c[1]);
                    r = e.relation().holds(a, b) ? 1 : 0;
                    boundary = a == b;
                    break;
                }
                case AND: case OR: {
                    boolean and = e.kind() == Expr.Kind.AND;
                    boolean p = eval(c[0]) != 0;
                    boolean certain = p != and && !onBoundary(c[0]);
                    if (certain) {
                        r = p ? 1 : 0;
                        break;
                    }
                    boolean q = eval(c[1]) != 0;
                    boolean value = and ? p && q : p || q;
                    r = value ? 1 : 0;
                    // on the boundary when flipping the uncertain operands can change the result
                    if (value == and) {
                        boundary = onBoundary(c[0]) || onBoundary(c[1]);
                    } else {
                        boundary = (p == and || onBoundary(c[0])) && (q == and || onBoundary(c[1]));
                    }
                    break;
                }
                case NOT: r = eval(c[0]) != 0 ? 0 : 1; boundary = onBoundary(c[0]); break;
                case TRUE: r = 1; break;
                case FALSE: r = 0; break;
                default: throw new AssertionError(e.kind());
            }
            v[i] = r;
            state[i] = (byte) (boundary ? 2 : 1);
            return r;
        }

        double[] reverse(int root) {
            double[] adj = new double[nodes.length];
            double[] gradient = new double[dimension];
            adj[root] = 1;
            for (int i = root; i >= 0; i--) {
                double a = adj[i];
                if (a == 0 || state[i] == 0) {
                    continue;
                }
                Expr e = nodes[i];
                int[] c = children[i];
                switch (e.kind()) {
                    case VARIABLE: gradient[variable[i]] += a; break;
                    case SUM: for (int k : c) { adj[k] += a; } break;
                    case PRODUCT: {
                        int n = c.length;
                        double[] suffix = new double[n + 1];
                        suffix[n] = 1;
                        for (int k = n - 1; k >= 0; k--) {
                            suffix[k] = suffix[k + 1] * v[c[k]];
                        }
                        double prefix = e.number();
                        for (int k = 0; k < n; k++) {
                            adj[c[k]] += a * prefix * suffix[k + 1];
                            prefix *= v[c[k]];
                        }
                        break;
                    }
                    case POWER: powerAdjoint(i, a, adj); break;
                    case CALL: callAdjoint(i, a, adj); break;
                    case IF: adj[v[c[0]] != 0 ? c[1] : c[2]] += a; break;
                    default: break;
                }
            }
            return gradient;
        }

        private void powerAdjoint(int i, double a, double[] adj) {
            Expr e = nodes[i];
            int[] c = children[i];
            double b = v[c[0]];
            double p = v[c[1]];
            if (Primitive.POW.kink(b, p) != null) {
                kink(i, "pow");
            }
            if (e.arg(0).hasVariables()) {
                adj[c[0]] += times(a, overflowed(i, Primitive.POW.partial(0, b, p, v[i])));
            }
            if (e.arg(1).hasVariables()) {
                if (b < 0) {
                    throw domain(i, "the derivative with respect to the exponent needs a positive base, base is "
                            + Numbers.format(b));
                }
                adj[c[1]] += times(a, overflowed(i, Primitive.POW.partial(1, b, p, v[i])));
            }
        }

        /** The adjoints of a call's arguments by the table's partials (the conventional ones at a kink, recorded). */
        private void callAdjoint(int i, double a, double[] adj) {
            Primitive p = nodes[i].function().primitive();
            int[] c = children[i];
            double u = v[c[0]];
            double w = c.length > 1 ? v[c[1]] : 0;
            if (p.hasKinks() && p.kink(u, w) != null) {
                kink(i, p.symbol());
            }
            adj[c[0]] += times(a, overflowed(i, p.partial(0, u, w, v[i])));
            if (c.length > 1) {
                adj[c[1]] += times(a, overflowed(i, p.partial(1, u, w, v[i])));
            }
        }

        /** a · d with an exactly zero partial d passing nothing on, even to an overflowed adjoint a (∞ · 0 = 0). */
        private double times(double a, double d) {
            return d == 0 ? 0 : a * d;
        }

        /**
         * The partial d of node i, noting node i when d overflowed while its value is finite (an infinite value
         * is the caller's to see: exp(710) = ∞ is not an error of the formula engine).
         */
        private double overflowed(int i, double d) {
            if (!Double.isFinite(d) && overflow < 0 && Double.isFinite(v[i])) {
                overflow = i;
            }
            return d;
        }
    }
}
