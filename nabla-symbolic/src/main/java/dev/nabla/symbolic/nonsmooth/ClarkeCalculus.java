package dev.nabla.symbolic.nonsmooth;

import dev.nabla.core.field.DomainException;
import dev.nabla.core.field.Gradient;
import dev.nabla.core.nonsmooth.ClarkeSet;
import dev.nabla.core.nonsmooth.ClarkeSubdifferential;
import dev.nabla.core.nonsmooth.ClarkeSubdifferential.Kind;
import dev.nabla.core.nonsmooth.GradientSampling;
import dev.nabla.core.numeric.Numbers;
import dev.nabla.symbolic.Formula;
import dev.nabla.symbolic.expr.Expr;
import dev.nabla.symbolic.expr.Function;
import dev.nabla.symbolic.expr.Relation;
import dev.nabla.symbolic.print.PlainPrinter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Clarke subdifferential of a formula at a point, exact where the calculus is.
 *
 * <p>First the <em>active kinks</em>: the sub-expressions that the evaluation at x actually uses and that sit on
 * their switching surface — abs(u) with u = 0, max/min(a, b) with a = b, if(p ⋚ q, a, b) with p = q, a
 * Euclidean norm sqrt(Σ c_i u_i²) or hypot(u, w) with every u_i = 0, and the non-Lipschitz ones (sign(u) at
 * u = 0, sqrt/cbrt/u^p (0 &lt; p &lt; 1) of a vanishing non-square).
 * <ul>
 * <li>No active kink: f is continuously differentiable at x and ∂f(x) = {∇f(x)} (exact).</li>
 * <li>Only abs/max/min/if kinks (at most 10): f is piecewise smooth near x with the 2^k <em>selections</em>
 * obtained by replacing each kink by one of its pieces (|u| → u or −u, max(a, b) → a or b, …), and
 * ∂f(x) ⊆ conv{∇f_σ(x)}. Equality (exact) holds when every selection is active near x, which is the case when
 * the switching gradients ∇u, ∇(a − b), ∇(p − q) are linearly independent (all sign patterns occur next to
 * x), or when the hull is a single point. Otherwise the hull is reported as an enclosure. This is the chain rule
 * for a kink inside a smooth context: |u| → ∂f = ∇_x F + [−1, 1]·(∂F/∂|u|)·∇u.</li>
 * <li>One Euclidean-norm kink N = ‖U(x)‖ and nothing else: with F the formula with N replaced by a variable z,
 * ∂f(x) = ∇_x F + (∂F/∂z)·J_U(x)ᵀ B (B the unit ball), exact when J_U(x) has full row rank. Shown as a ball
 * when (∂F/∂z)² J_Uᵀ J_U is a multiple of the identity (e.g. sqrt(x² + y²) at 0: the unit ball), otherwise as
 * the enclosing ball of radius σ_max.</li>
 * <li>Anything else (a norm together with other kinks, a kink of an equality or compound condition such as
 * the documents' counterexample, more than 10 kinks): an estimate by gradient sampling, labelled so.</li>
 * </ul>
 */
public final class ClarkeCalculus {

    /** At most this many abs/max/min/if kinks are expanded into selections (2^10 gradients). */
    public static final int MAX_SELECTION_KINKS = 10;

    private ClarkeCalculus() {
    }

    /** The kinks of f at x and its Clarke subdifferential there. */
    public static KinkAnalysis at(Formula f, double[] x) {
        if (x.length != f.dimension()) {
            throw new IllegalArgumentException("the point needs " + f.dimension() + " coordinates");
        }
        f.value(x); // a DomainException here is the caller's to report
        List<Expr> selectionKinks = new ArrayList<>();
        List<Expr> normKinks = new ArrayList<>();
        List<Expr> otherKinks = new ArrayList<>();
        List<Expr> jumps = new ArrayList<>();
        for (Expr n : liveNodes(f, x)) {
            switch (classify(n, f.variables(), x)) {
                case SELECTION -> selectionKinks.add(n);
                case NORM -> normKinks.add(n);
                case OTHER -> otherKinks.add(n);
                case NOT_LIPSCHITZ -> jumps.add(n);
                case SMOOTH -> { }
            }
        }
        List<String> names = new ArrayList<>();
        for (List<Expr> group : List.of(selectionKinks, normKinks, otherKinks, jumps)) {
            for (Expr n : group) {
                names.add(PlainPrinter.abbreviate(n, 80));
            }
        }
        if (!jumps.isEmpty()) {
            return new KinkAnalysis(x, names, null, describeNonLipschitz(jumps.get(0)));
        }
        ClarkeSubdifferential s;
        if (names.isEmpty()) {
            Gradient g = f.valueAndGradient(x);
            s = new ClarkeSubdifferential(x, ClarkeSet.point(g.gradient()), Kind.EXACT,
                    "f is continuously differentiable at the point: ∂f = {∇f}");
        } else if (normKinks.isEmpty() && otherKinks.isEmpty() && selectionKinks.size() <= MAX_SELECTION_KINKS) {
            s = selections(f, x, selectionKinks);
        } else if (normKinks.size() == 1 && selectionKinks.isEmpty() && otherKinks.isEmpty()) {
            s = norm(f, x, normKinks.get(0));
        } else {
            ClarkeSubdifferential sampled = ClarkeSubdifferential.estimate(GradientSampling.sample(f, x));
            s = new ClarkeSubdifferential(x, sampled.set(), Kind.ESTIMATE, "no exact rule for "
                    + String.join(", ", names) + "; " + sampled.explanation());
        }
        return new KinkAnalysis(x, names, s, null);
    }

    private enum Type { SMOOTH, SELECTION, NORM, OTHER, NOT_LIPSCHITZ }

    /**
     * The nodes the evaluation at x depends on: at an if whose condition is decided strictly (no comparison on
     * its boundary) only the branch taken, not the condition nor the other branch.
     */
    private static List<Expr> liveNodes(Formula f, double[] x) {
        Set<Expr> live = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Expr> stack = new ArrayDeque<>();
        stack.push(f.expression());
        while (!stack.isEmpty()) {
            Expr n = stack.pop();
            if (!live.add(n)) {
                continue;
            }
            if (n.kind() == Expr.Kind.IF && !onBoundary(n.arg(0), f.variables(), x)) {
                stack.push(holds(n.arg(0), f.variables(), x) ? n.arg(1) : n.arg(2));
                continue;
            }
            for (Expr a : n.args()) {
                stack.push(a);
            }
        }
        List<Expr> ordered = new ArrayList<>();
        for (Expr n : f.expression().topologicalOrder()) {
            if (live.contains(n)) {
                ordered.add(n);
            }
        }
        return ordered;
    }

    private static boolean onBoundary(Expr c, List<String> vars, double[] x) {
        return switch (c.kind()) {
            case COMPARE -> Points.value(c.arg(0), vars, x) == Points.value(c.arg(1), vars, x);
            case AND, OR, NOT -> c.args().stream().anyMatch(a -> onBoundary(a, vars, x));
            default -> false;
        };
    }

    private static boolean holds(Expr c, List<String> vars, double[] x) {
        return switch (c.kind()) {
            case TRUE -> true;
            case FALSE -> false;
            case NOT -> !holds(c.arg(0), vars, x);
            case AND -> holds(c.arg(0), vars, x) && holds(c.arg(1), vars, x);
            case OR -> holds(c.arg(0), vars, x) || holds(c.arg(1), vars, x);
            case COMPARE -> c.relation().holds(Points.value(c.arg(0), vars, x), Points.value(c.arg(1), vars, x));
            default -> throw new IllegalStateException("not a condition: " + c.kind());
        };
    }

    private static Type classify(Expr n, List<String> vars, double[] x) {
        try {
            if (n.kind() == Expr.Kind.IF) {
                Expr c = n.arg(0);
                if (!onBoundary(c, vars, x)) {
                    return Type.SMOOTH;
                }
                boolean inequality = c.kind() == Expr.Kind.COMPARE && c.relation() != Relation.EQ
                        && c.relation() != Relation.NE;
                if (!inequality) {
                    return Type.OTHER;
                }
                // both pieces must meet at x, else f jumps across the boundary
                return Points.value(n.arg(1), vars, x) == Points.value(n.arg(2), vars, x)
                        ? Type.SELECTION : Type.NOT_LIPSCHITZ;
            }
            if (n.kind() == Expr.Kind.POWER) {
                Expr e = n.arg(1);
                boolean fractional = e.isNumber() && e.number() > 0 && e.number() < 1;
                return fractional && Points.value(n.arg(0), vars, x) == 0 ? Type.NOT_LIPSCHITZ : Type.SMOOTH;
            }
            if (n.kind() != Expr.Kind.CALL) {
                return Type.SMOOTH;
            }
            double a = Points.value(n.arg(0), vars, x);
            return switch (n.function()) {
                case ABS -> a == 0 ? Type.SELECTION : Type.SMOOTH;
                case MAX, MIN -> a == Points.value(n.arg(1), vars, x) ? Type.SELECTION : Type.SMOOTH;
                case SIGN, CBRT -> a == 0 ? Type.NOT_LIPSCHITZ : Type.SMOOTH;
                case HYPOT -> a == 0 && Points.value(n.arg(1), vars, x) == 0 ? Type.NORM : Type.SMOOTH;
                case SQRT -> a != 0 ? Type.SMOOTH : squares(n.arg(0)) != null ? Type.NORM : Type.NOT_LIPSCHITZ;
                default -> Type.SMOOTH;
            };
        } catch (DomainException outsideDomain) {
            return Type.SMOOTH;
        }
    }

    private static String describeNonLipschitz(Expr n) {
        String what = PlainPrinter.abbreviate(n, 80);
        if (n.kind() == Expr.Kind.CALL && n.function() == Function.SIGN) {
            return what + ": sign jumps at 0";
        }
        if (n.kind() == Expr.Kind.IF) {
            return what + ": the two branches differ on the boundary, f jumps";
        }
        return what + ": infinite slope where its argument vanishes";
    }

    /**
     * The components U_i of a sum of squares Σ c_i u_i² (c_i &gt; 0, no constant term) as U_i = √c_i·u_i, or
     * null when e is not of that form.
     */
    static List<Expr> squares(Expr e) {
        List<Expr> terms = e.kind() == Expr.Kind.SUM && e.number() == 0 ? e.args() : List.of(e);
        if (e.kind() == Expr.Kind.SUM && e.number() != 0) {
            return null;
        }
        List<Expr> components = new ArrayList<>();
        for (Expr term : terms) {
            double c = 1;
            Expr square = term;
            if (term.kind() == Expr.Kind.PRODUCT && term.arity() == 1) {
                c = term.number();
                square = term.arg(0);
            }
            if (!(c > 0) || square.kind() != Expr.Kind.POWER || !square.arg(1).isNumber(2)) {
                return null;
            }
            components.add(Expr.multiply(Expr.number(Math.sqrt(c)), square.arg(0)));
        }
        return components;
    }

    /** The hull of the selection gradients, exact when the switching gradients are independent. */
    private static ClarkeSubdifferential selections(Formula f, double[] x, List<Expr> kinks) {
        List<String> vars = f.variables();
        int k = kinks.size();
        List<double[]> gradients = new ArrayList<>();
        for (int mask = 0; mask < (1 << k); mask++) {
            Map<Expr, Integer> choice = new IdentityHashMap<>();
            for (int i = 0; i < k; i++) {
                choice.put(kinks.get(i), (mask >> i) & 1);
            }
            gradients.add(Points.gradient(select(f.expression(), choice), vars, x).gradient());
        }
        ClarkeSet hull = ClarkeSet.hull(gradients);
        String names = String.join(", ", kinks.stream().map(n -> PlainPrinter.abbreviate(n, 60)).toList());
        String rule = "convex hull of the gradients of the " + (1 << k) + " smooth selections at " + names;
        if (isPoint(hull)) {
            return new ClarkeSubdifferential(x, hull, Kind.EXACT, rule + " (all equal)");
        }
        List<double[]> switching = new ArrayList<>();
        boolean nested = false;
        for (Expr n : kinks) {
            Gradient g = Points.gradient(switchingFunction(n), vars, x);
            nested |= !g.isSmooth();
            switching.add(g.gradient());
        }
        if (!nested && rank(switching) == k) {
            return new ClarkeSubdifferential(x, hull, Kind.EXACT, rule
                    + " (exact: the switching gradients are linearly independent, every selection is active)");
        }
        return new ClarkeSubdifferential(x, hull, Kind.ENCLOSURE, rule + " (enclosure: the switching "
                + (nested ? "surfaces are themselves non-smooth" : "gradients are linearly dependent")
                + ", not every selection need be active)");
    }

    private static boolean isPoint(ClarkeSet s) {
        if (s instanceof ClarkeSet.Interval i) {
            return i.lower() == i.upper();
        }
        return s instanceof ClarkeSet.Polytope p && p.vertices().size() == 1;
    }

    /** u for abs(u), a − b for max/min(a, b), p − q for if(p ⋚ q, …). */
    private static Expr switchingFunction(Expr n) {
        if (n.kind() == Expr.Kind.IF) {
            return Expr.subtract(n.arg(0).arg(0), n.arg(0).arg(1));
        }
        return n.function() == Function.ABS ? n.arg(0) : Expr.subtract(n.arg(0), n.arg(1));
    }

    /** The formula with each kink replaced by its chosen piece (0: u, a, then; 1: −u, b, else). */
    static Expr select(Expr root, Map<Expr, Integer> choice) {
        Map<Expr, Expr> memo = new IdentityHashMap<>();
        for (Expr n : root.topologicalOrder()) {
            List<Expr> args = new ArrayList<>(n.arity());
            for (Expr a : n.args()) {
                args.add(memo.get(a));
            }
            Integer c = choice.get(n);
            Expr r;
            if (c == null) {
                r = n.arity() == 0 ? n : n.withArgs(args);
            } else if (n.kind() == Expr.Kind.IF) {
                r = args.get(c == 0 ? 1 : 2);
            } else if (n.function() == Function.ABS) {
                r = c == 0 ? args.get(0) : Expr.negate(args.get(0));
            } else {
                r = args.get(c);
            }
            memo.put(n, r);
        }
        return memo.get(root);
    }

    /** ∂f = ∇_x F + c·J_Uᵀ B for a single norm kink N = ‖U‖ in the smooth context F(x, N). */
    private static ClarkeSubdifferential norm(Formula f, double[] x, Expr normNode) {
        List<String> vars = f.variables();
        int n = vars.size();
        String z = "z";
        while (vars.contains(z)) {
            z = z + "_";
        }
        Expr replaced = dev.nabla.symbolic.simplify.Substitution.substitute(f.expression(),
                Map.of(normNode, Expr.variable(z)));
        List<String> extended = new ArrayList<>(vars);
        extended.add(z);
        double[] xz = java.util.Arrays.copyOf(x, n + 1);
        Gradient outer = Points.gradient(replaced, extended, xz);
        double[] center = java.util.Arrays.copyOf(outer.gradient(), n);
        double c = outer.gradient()[n];
        List<Expr> components = normNode.kind() == Expr.Kind.CALL && normNode.function() == Function.HYPOT
                ? List.of(normNode.arg(0), normNode.arg(1)) : squares(normNode.arg(0));
        List<double[]> jacobian = new ArrayList<>();
        for (Expr u : components) {
            jacobian.add(Points.gradient(u, vars, x).gradient());
        }
        int k = jacobian.size();
        // A = c·J_Uᵀ (n × k); M = A Aᵀ = c² J_Uᵀ J_U (n × n)
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (double[] row : jacobian) {
                    s += row[i] * row[j];
                }
                m[i][j] = c * c * s;
            }
        }
        boolean fullRank = rank(jacobian) == k;
        String name = PlainPrinter.abbreviate(normNode, 60);
        double r2 = m[0][0];
        boolean sphere = true;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double expected = i == j ? r2 : 0;
                sphere &= Math.abs(m[i][j] - expected) <= 1e-12 * Math.max(1, Math.abs(r2));
            }
        }
        double radius = Math.sqrt(largestEigenvalue(m));
        ClarkeSet set = n == 1 ? new ClarkeSet.Interval(center[0] - radius, center[0] + radius)
                : new ClarkeSet.Ball(center, sphere ? Math.sqrt(r2) : radius);
        String rule = "chain rule at the norm " + name + " = 0: ∇_x F + (∂F/∂‖U‖)·J_Uᵀ·(unit ball), ∂F/∂‖U‖ = "
                + Numbers.format(c);
        if (fullRank && (sphere || n == 1)) {
            return new ClarkeSubdifferential(x, set, Kind.EXACT, rule);
        }
        return new ClarkeSubdifferential(x, set, Kind.ENCLOSURE, rule + (fullRank
                ? "; the exact set is an ellipsoid, shown by its enclosing ball"
                : "; J_U is rank-deficient, so the set is an enclosure"));
    }

    /** The rank of a list of vectors (Gram–Schmidt, relative tolerance 1e-10). */
    static int rank(List<double[]> vectors) {
        List<double[]> basis = new ArrayList<>();
        double scale = 0;
        for (double[] v : vectors) {
            scale = Math.max(scale, dev.nabla.core.field.Vectors.norm(v));
        }
        for (double[] v : vectors) {
            double[] w = v.clone();
            for (double[] b : basis) {
                double p = dev.nabla.core.field.Vectors.dot(w, b);
                for (int i = 0; i < w.length; i++) {
                    w[i] -= p * b[i];
                }
            }
            double norm = dev.nabla.core.field.Vectors.norm(w);
            if (norm > 1e-10 * scale) {
                basis.add(dev.nabla.core.field.Vectors.scale(1 / norm, w));
            }
        }
        return basis.size();
    }

    /**
     * The largest eigenvalue of a symmetric positive semi-definite matrix: power iteration from every basis
     * vector (one of them is not orthogonal to the dominant eigenvector), the largest result.
     */
    private static double largestEigenvalue(double[][] m) {
        int n = m.length;
        double best = 0;
        for (int start = 0; start < n; start++) {
            double[] v = dev.nabla.core.field.Vectors.unit(n, start);
            double lambda = 0;
            for (int it = 0; it < 500; it++) {
                double[] w = dev.nabla.core.field.Matrices.multiply(m, v);
                double norm = dev.nabla.core.field.Vectors.norm(w);
                if (norm == 0) {
                    break;
                }
                lambda = norm;
                v = dev.nabla.core.field.Vectors.scale(1 / norm, w);
            }
            best = Math.max(best, lambda);
        }
        return best;
    }
}
