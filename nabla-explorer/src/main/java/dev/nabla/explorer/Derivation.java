package dev.nabla.explorer;

import dev.nabla.core.prim.Primitive;
import dev.nabla.symbolic.Formula;
import dev.nabla.symbolic.expr.Expr;
import dev.nabla.symbolic.expr.ExprAlgebra;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The derivation of one partial derivative ∂f/∂x_i, rule by rule, from the table of primitives ({@link Primitive})
 * that the symbolic engine and automatic differentiation use: every node u of f that depends on x_i gets one step
 * ∂u/∂x_i = Σ_k (∂u/∂a_k) · ∂a_k/∂x_i over its arguments a_k, where the local partial ∂u/∂a_k is the table's rule
 * for u's operation applied to the arguments (the chain rule); sums, products, powers and functions each name their
 * rule. Steps are listed from f down to the variables (the order in which one writes a derivation by hand), each
 * with its result, which is built from the results of the steps below it.
 *
 * @param variable  x_i
 * @param steps     the steps, f's first; shared sub-expressions are derived once
 * @param result    ∂f/∂x_i as the derivation leaves it (equal in value to the engine's ∂f/∂x_i)
 * @param truncated whether steps beyond {@link #MAX_STEPS} were left out (the result is still complete)
 */
record Derivation(String variable, List<Step> steps, Analysis.Symbolic result, boolean truncated) {
    /** Most steps shown per partial derivative. */
    static final int MAX_STEPS = 80;

    /**
     * One application of a rule.
     *
     * @param rule    sum, product, power, chain (a function of the table), piecewise, variable or constant
     * @param depth   how deep u sits in f (0 for f itself)
     * @param node    u in LaTeX
     * @param table   the table's rule for u's operation, on placeholders u and w (e.g. {@code d/du sin u = cos u}),
     *                null for the rules of a variable and of a constant
     * @param applied ∂u/∂x_i = Σ_k (∂u/∂a_k)·∂a_k/∂x_i with the arguments a_k written out, in LaTeX
     * @param result  ∂u/∂x_i in LaTeX
     */
    record Step(String rule, int depth, String node, String table, String applied, String result) {
    }

    private static final Expr U = Expr.variable("u");
    private static final Expr W = Expr.variable("w");

    /** The derivation of ∂f/∂variable; its printed formulas are charged to {@code budget}. */
    static Derivation of(Formula f, String variable, PrintBudget budget) {
        return new Builder(f, variable, budget).derive();
    }

    private static final class Builder {
        private final Formula f;
        private final String variable;
        private final Expr x;
        private final PrintBudget budget;
        private final Map<Expr, Boolean> depends = new IdentityHashMap<>();
        private final Map<Expr, Expr> derivative = new IdentityHashMap<>();
        private final List<Step> steps = new ArrayList<>();
        private boolean truncated;

        Builder(Formula f, String variable, PrintBudget budget) {
            this.f = f;
            this.variable = variable;
            this.x = Expr.variable(variable);
            this.budget = budget;
            for (Expr n : f.expression().topologicalOrder()) {
                boolean d = n == x;
                for (Expr a : n.args()) {
                    d |= depends.get(a);
                }
                depends.put(n, d);
            }
        }

        Derivation derive() {
            Expr result = step(f.expression(), 0);
            return new Derivation(variable, List.copyOf(steps), budget.print(formula(result), "the derivation"),
                    truncated);
        }

        /** ∂n/∂x, recording the step for n (before those of its arguments) the first time n is met. */
        private Expr step(Expr n, int depth) {
            Expr known = derivative.get(n);
            if (known != null) {
                return known;
            }
            if (!depends.get(n) || n.isCondition()) {
                derivative.put(n, Expr.ZERO);
                if (depth == 0) {
                    record("constant", 0, n, null, latex(Expr.ZERO), Expr.ZERO);
                }
                return Expr.ZERO;
            }
            if (n == x) {
                derivative.put(n, Expr.ONE);
                if (depth == 0) {
                    record("variable", 0, n, null, latex(Expr.ONE), Expr.ONE);
                }
                return Expr.ONE;
            }
            // this node's place: its step comes before those of its arguments
            int at = -1;
            if (steps.size() < MAX_STEPS) {
                at = steps.size();
                steps.add(null);
            } else {
                truncated = true;
            }
            List<Expr> partials = new ArrayList<>();
            List<Expr> arguments = new ArrayList<>();
            String rule;
            String table;
            switch (n.kind()) {
                case SUM -> {
                    rule = "sum";
                    table = "\\frac{\\partial}{\\partial u}(u + w) = " + latex(Primitive.ADD.partial(ExprAlgebra.INSTANCE,
                            0, U, W, Expr.add(U, W)));
                    for (Expr t : n.args()) {
                        partials.add(Expr.ONE);
                        arguments.add(t);
                    }
                }
                case PRODUCT -> {
                    rule = "product";
                    table = "\\frac{\\partial}{\\partial u}(u\\,w) = " + latex(Primitive.MULTIPLY.partial(
                            ExprAlgebra.INSTANCE, 0, U, W, Expr.multiply(U, W)));
                    List<Expr> factors = n.args();
                    for (int k = 0; k < factors.size(); k++) {
                        // ∂(c·u_1⋯u_m)/∂u_k = c·∏_{j≠k} u_j: the table's ∂(u w)/∂u = w with w the other factors
                        List<Expr> others = new ArrayList<>();
                        others.add(Expr.number(n.number()));
                        for (int j = 0; j < factors.size(); j++) {
                            if (j != k) {
                                others.add(factors.get(j));
                            }
                        }
                        partials.add(Expr.product(others));
                        arguments.add(factors.get(k));
                    }
                }
                case POWER -> {
                    rule = "power";
                    Expr power = Expr.power(U, W);
                    table = "\\frac{\\partial}{\\partial u}u^{w} = " + latex(Primitive.POW.partial(ExprAlgebra.INSTANCE,
                            0, U, W, power)) + ",\\quad \\frac{\\partial}{\\partial w}u^{w} = "
                            + latex(Primitive.POW.partial(ExprAlgebra.INSTANCE, 1, U, W, power));
                    for (int k = 0; k < 2; k++) {
                        partials.add(Primitive.POW.partial(ExprAlgebra.INSTANCE, k, n.arg(0), n.arg(1), n));
                        arguments.add(n.arg(k));
                    }
                }
                case CALL -> {
                    rule = "chain";
                    Primitive p = n.function().primitive();
                    boolean binary = n.arity() > 1;
                    Expr g = binary ? Expr.call(n.function(), U, W) : Expr.call(n.function(), U);
                    StringBuilder t = new StringBuilder();
                    for (int k = 0; k < n.arity(); k++) {
                        t.append(k == 0 ? "" : ",\\quad ").append(binary ? "\\frac{\\partial}{\\partial " : "\\frac{d}{d ")
                                .append(k == 0 ? "u" : "w").append("}").append(latex(g)).append(" = ")
                                .append(latex(p.partial(ExprAlgebra.INSTANCE, k, U, binary ? W : null, g)));
                        partials.add(p.partial(ExprAlgebra.INSTANCE, k, n.arg(0), binary ? n.arg(1) : null, n));
                        arguments.add(n.arg(k));
                    }
                    table = t.toString();
                }
                case IF -> {
                    rule = "piecewise";
                    table = "\\frac{\\partial}{\\partial x}\\begin{cases} u & \\text{if } c \\\\ w & \\text{otherwise}"
                            + " \\end{cases} = \\begin{cases} \\partial u/\\partial x & \\text{if } c \\\\"
                            + " \\partial w/\\partial x & \\text{otherwise} \\end{cases}";
                    partials.add(Expr.ifThenElse(n.arg(0), Expr.ONE, Expr.ZERO));
                    arguments.add(n.arg(1));
                    partials.add(Expr.ifThenElse(n.arg(0), Expr.ZERO, Expr.ONE));
                    arguments.add(n.arg(2));
                }
                default -> throw new IllegalStateException("no rule for " + n.kind());
            }
            StringBuilder applied = new StringBuilder();
            List<Expr> derivatives = new ArrayList<>();
            for (int k = 0; k < arguments.size(); k++) {
                Expr a = arguments.get(k);
                if (depends.get(a)) {
                    applied.append(applied.length() == 0 ? "" : " + ").append(factor(partials.get(k))).append(d(a));
                }
            }
            for (int k = 0; k < arguments.size(); k++) {
                Expr a = arguments.get(k);
                derivatives.add(depends.get(a) ? step(a, depth + 1) : Expr.ZERO);
            }
            Expr result;
            if (n.kind() == Expr.Kind.IF) {
                result = Expr.ifThenElse(n.arg(0), derivatives.get(0), derivatives.get(1));
            } else {
                List<Expr> terms = new ArrayList<>();
                for (int k = 0; k < arguments.size(); k++) {
                    terms.add(Expr.multiply(partials.get(k), derivatives.get(k)));
                }
                result = Expr.sum(terms);
            }
            derivative.put(n, result);
            if (at >= 0) {
                steps.set(at, new Step(rule, depth, latex(n), table, applied.toString(), latex(result)));
            }
            return result;
        }

        private void record(String rule, int depth, Expr n, String table, String applied, Expr result) {
            steps.add(new Step(rule, depth, latex(n), table, applied, latex(result)));
        }

        /** ∂a/∂x written out: {@code \frac{\partial}{\partial x}\left(a\right)}. */
        private String d(Expr a) {
            String v = latex(x);
            return a == x ? "\\frac{\\partial " + v + "}{\\partial " + v + "}"
                    : "\\frac{\\partial}{\\partial " + v + "}\\left(" + latex(a) + "\\right)";
        }

        /** A local partial as a factor in front of ∂a/∂x: nothing for 1, parenthesised when it is a sum. */
        private String factor(Expr partial) {
            if (partial.isNumber(1)) {
                return "";
            }
            if (partial.isNumber(-1)) {
                return "-";
            }
            String s = latex(partial);
            return (partial.kind() == Expr.Kind.SUM || partial.kind() == Expr.Kind.IF ? "\\left(" + s + "\\right)" : s)
                    + "\\,";
        }

        private Formula formula(Expr e) {
            return Formula.of(e, f.variables());
        }

        /** e in LaTeX (charged to the budget); e may hold the table's placeholders u and w. */
        private String latex(Expr e) {
            Formula printed = Formula.of(e, e.variables());
            budget.charge(List.of(printed), "the derivation");
            return printed.toLatex();
        }
    }
}
