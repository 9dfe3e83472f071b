package dev.nabla.symbolic;

import dev.nabla.core.field.DifferentiableScalarField;
import dev.nabla.core.field.Gradient;
import dev.nabla.core.field.Matrices;
import dev.nabla.symbolic.diff.Differentiator;
import dev.nabla.symbolic.expr.Expr;
import dev.nabla.symbolic.expr.Interpreter;
import dev.nabla.symbolic.expr.Order;
import dev.nabla.symbolic.parse.Parser;
import dev.nabla.symbolic.print.LatexPrinter;
import dev.nabla.symbolic.print.PlainPrinter;
import dev.nabla.symbolic.simplify.Simplifier;
import dev.nabla.symbolic.simplify.Substitution;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A scalar field given by a formula, f: R^n → R, with its exact symbolic derivatives.
 *
 * <pre>{@code
 * Formula f = Formula.parse("x^2*sin(y) + y^3");
 * f.gradientFormulas();                        // [2*x*sin(y), x^2*cos(y) + 3*y^2]
 * f.valueAndGradient(new double[] {0.7, 1.2}); // value, ∇f and any kinks met
 * f.directionalDerivativeFormula(new double[] {1, -2});  // ∇f·v = 2*x*sin(y) - 2*x^2*cos(y) - 6*y^2
 * }</pre>
 *
 * The expression is a canonical, hash-consed DAG ({@link Expr}); the variables are ordered by name
 * (natural order: x2 before x10) unless given. Values and gradients are interpreted exactly
 * ({@link Interpreter}: domain errors name the sub-expression and the point, kinks are reported); use
 * {@link #compile()} for the allocation-free fast path. Immutable and thread-safe; derived formulas
 * (gradient, Hessian) are computed once on first use.
 */
public final class Formula implements DifferentiableScalarField {
    private final Expr expression;
    private final List<String> variables;
    private final String source;
    private volatile Interpreter interpreter;
    private volatile List<Formula> gradient;
    private volatile List<List<Formula>> hessian;
    private volatile Interpreter hessianInterpreter;
    private volatile CompiledFormula compiled;

    private Formula(Expr expression, List<String> variables, String source) {
        if (expression.isCondition()) {
            throw new IllegalArgumentException("a condition is not a formula");
        }
        Set<String> known = new HashSet<>(variables);
        if (known.size() != variables.size()) {
            throw new IllegalArgumentException("duplicate variable in " + variables);
        }
        for (String v : expression.variables()) {
            if (!known.contains(v)) {
                throw new IllegalArgumentException("variable " + v + " is not in " + variables);
            }
        }
        this.expression = expression;
        this.variables = List.copyOf(variables);
        this.source = source;
    }

    /** A formula derived from this one: same (already checked, immutable) variable list, no copy. */
    private Formula derived(Expr e) {
        return new Formula(e, this);
    }

    private Formula(Expr expression, Formula parent) {
        this.expression = expression;
        this.variables = parent.variables;
        this.source = null;
    }

    /** Parses source; the variables are those it uses, in natural name order (x, y, z; x2 before x10). */
    public static Formula parse(String source) {
        return parse(source, null, ParseLimits.DEFAULT);
    }

    /**
     * Parses source with a fixed variable order. Listed variables need not occur (they have zero partial
     * derivatives); an identifier that is not listed is a {@link ParseException}.
     */
    public static Formula parse(String source, List<String> variables) {
        return parse(source, variables, ParseLimits.DEFAULT);
    }

    /** Parses source with explicit limits; variables may be null (then taken from the formula, sorted). */
    public static Formula parse(String source, List<String> variables, ParseLimits limits) {
        Expr e = Parser.parse(source, variables, limits);
        return new Formula(e, variables == null ? sortedVariables(List.of(e)) : variables, source);
    }

    /**
     * Parses several formulas (the components of a vector field) over one variable list: the given one, or
     * the union of the variables they use, sorted.
     */
    public static List<Formula> parseAll(List<String> sources, List<String> variables) {
        List<Expr> exprs = new ArrayList<>();
        for (String s : sources) {
            exprs.add(Parser.parse(s, variables, ParseLimits.DEFAULT));
        }
        List<String> vars = variables == null ? sortedVariables(exprs) : variables;
        List<Formula> out = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            out.add(new Formula(exprs.get(i), vars, sources.get(i)));
        }
        return out;
    }

    /** The formula of an expression built in code, over the given variables. */
    public static Formula of(Expr expression, List<String> variables) {
        return new Formula(expression, variables, null);
    }

    private static List<String> sortedVariables(List<Expr> exprs) {
        Set<String> names = new LinkedHashSet<>();
        for (Expr e : exprs) {
            names.addAll(e.variables());
        }
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(Order::compareNames);
        return sorted;
    }

    // ---------------------------------------------------------------- the field

    @Override
    public List<String> variables() {
        return variables;
    }

    @Override
    public int dimension() {
        return variables.size();
    }

    /** The text this formula was parsed from, or its printed form when it was derived. */
    public String source() {
        return source != null ? source : toString();
    }

    /** The hash-consed expression DAG. */
    public Expr expression() {
        return expression;
    }

    private Interpreter interpreter() {
        Interpreter i = interpreter;
        if (i == null) {
            i = new Interpreter(List.of(expression), variables);
            interpreter = i;
        }
        return i;
    }

    /** f(x); a {@link dev.nabla.core.field.DomainException} names the sub-expression and the point. */
    @Override
    public double value(double[] x) {
        return interpreter().value(0, x);
    }

    /** f(x) and ∇f(x) by one reverse sweep; kinks (abs, sign, min, max, sqrt at 0, if on its boundary) are listed. */
    @Override
    public Gradient valueAndGradient(double[] x) {
        return interpreter().valueAndGradient(x);
    }

    /** H(x) v = Σ_j ∂²f/∂x_i∂x_j v_j, from the symbolic Hessian. */
    @Override
    public double[] hessianVectorProduct(double[] x, double[] v) {
        if (v.length != dimension()) {
            throw new IllegalArgumentException("direction has " + v.length + " components, expected " + dimension());
        }
        double[][] h = hessian(x);
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            for (int j = 0; j < v.length; j++) {
                out[i] += h[i][j] * v[j];
            }
        }
        return out;
    }

    /** H_ij(x) = ∂²f/∂x_i∂x_j, every entry of the symbolic Hessian evaluated at x (shared nodes once). */
    @Override
    public double[][] hessian(double[] x) {
        List<List<Formula>> h = hessianFormulas();
        Interpreter in = hessianInterpreter;
        if (in == null) {
            List<Expr> entries = new ArrayList<>();
            for (List<Formula> row : h) {
                for (Formula e : row) {
                    entries.add(e.expression);
                }
            }
            in = entries.isEmpty() ? null : new Interpreter(entries, variables);
            hessianInterpreter = in;
        }
        int n = dimension();
        double[][] out = new double[n][n];
        if (in != null) {
            double[] flat = in.values(x);
            for (int i = 0; i < n; i++) {
                out[i] = Arrays.copyOfRange(flat, i * n, i * n + n);
            }
        }
        return Matrices.symmetrise(out);
    }

    // ---------------------------------------------------------------- symbolic derivatives

    /** ∂f/∂variable, simplified. */
    public Formula partial(String variable) {
        int i = variables.indexOf(variable);
        if (i < 0) {
            throw new IllegalArgumentException("unknown variable " + variable + " (variables: " + variables + ")");
        }
        return gradientFormulas().get(i);
    }

    /** [∂f/∂x_1, …, ∂f/∂x_n], simplified, from one reverse sweep over the DAG (sub-expressions shared). */
    public List<Formula> gradientFormulas() {
        List<Formula> g = gradient;
        if (g == null) {
            List<Expr> partials = Simplifier.simplifyAll(Differentiator.gradient(expression, variables));
            List<Formula> out = new ArrayList<>();
            for (Expr p : partials) {
                out.add(derived(p));
            }
            g = List.copyOf(out);
            gradient = g;
        }
        return g;
    }

    /** ∇f·v = Σ v_i ∂f/∂x_i, simplified. */
    public Formula directionalDerivativeFormula(double[] v) {
        requireDirection(v);
        List<Expr> terms = new ArrayList<>();
        List<Formula> g = gradientFormulas();
        for (int i = 0; i < v.length; i++) {
            terms.add(Expr.multiply(Expr.number(v[i]), g.get(i).expression));
        }
        return derived(Simplifier.simplify(Expr.sum(terms)));
    }

    /** d/dt f(x + t v) at t = 0, differentiated symbolically along the line and simplified. */
    public Formula directionalDerivativeByDefinition(double[] v) {
        requireDirection(v);
        String t = "t";
        while (variables.contains(t)) {
            t = t + "_";
        }
        Expr tv = Expr.variable(t);
        Map<Expr, Expr> line = new HashMap<>();
        for (int i = 0; i < v.length; i++) {
            Expr x = Expr.variable(variables.get(i));
            line.put(x, Expr.add(x, Expr.multiply(Expr.number(v[i]), tv)));
        }
        Expr along = Substitution.substitute(expression, line);
        Expr d = Differentiator.derivative(along, t);
        Expr atZero = Substitution.substitute(d, Map.of(tv, Expr.ZERO));
        return derived(Simplifier.simplify(atZero));
    }

    /**
     * The exact one-sided directional derivative D_v f(x) = lim_{t→0⁺} (f(x + t v) − f(x)) / t, at kinks and
     * removable singularities too: the formula evaluated on the expansions x + t v
     * ({@link dev.nabla.core.onesided.OneSided}), each condition decided for all small t &gt; 0. A number, ±∞,
     * or "does not exist" with the reason; a {@link dev.nabla.core.field.DomainException} when f(x) itself is
     * undefined.
     */
    public dev.nabla.core.onesided.DirectionalDerivative oneSidedDirectionalDerivative(double[] x, double[] v) {
        requireDirection(v);
        double fx = value(x);
        return dev.nabla.core.onesided.OneSided.directionalDerivative(asRealFunction(), x, v, fx);
    }

    /**
     * Whether f is differentiable at x, decided from exact one-sided directional derivatives along ±e_i, 8
     * seeded random directions and their sums ({@link dev.nabla.core.check.ExactDifferentiability}): a negative
     * verdict is a proof with the directions that show it; a positive one is proven when no kink is met, else
     * it says what was only sampled.
     */
    public dev.nabla.core.check.ExactDifferentiability differentiability(double[] x) {
        return dev.nabla.core.check.ExactDifferentiability.test(asRealFunction(), x, value(x), 8, 0);
    }

    /** This formula as Java code over {@link dev.nabla.core.ad.Real}: the same function on any kind of number. */
    public dev.nabla.core.ad.RealFunction asRealFunction() {
        return xs -> dev.nabla.symbolic.nonsmooth.RealEvaluator.evaluate(expression, variables, xs);
    }

    private void requireDirection(double[] v) {
        if (v.length != dimension()) {
            throw new IllegalArgumentException("direction has " + v.length + " components, expected " + dimension());
        }
        for (double c : v) {
            if (!Double.isFinite(c)) {
                throw new IllegalArgumentException("direction components must be finite");
            }
        }
    }

    /** [[∂²f/∂x_i∂x_j]], the gradient of each partial derivative, simplified. */
    public List<List<Formula>> hessianFormulas() {
        List<List<Formula>> h = hessian;
        if (h == null) {
            List<List<Formula>> rows = new ArrayList<>();
            for (Formula g : gradientFormulas()) {
                rows.add(g.gradientFormulas());
            }
            h = List.copyOf(rows);
            hessian = h;
        }
        return h;
    }

    /** The Jacobian of the vector field (u_1, …, u_m): row i is ∇u_i. All components must share one variable list. */
    public static List<List<Formula>> jacobianFormulas(List<Formula> components) {
        List<List<Formula>> rows = new ArrayList<>();
        for (Formula u : components) {
            if (!u.variables.equals(components.get(0).variables)) {
                throw new IllegalArgumentException("components have different variables: " + u.variables
                        + " and " + components.get(0).variables + " (parse them with parseAll)");
            }
            rows.add(u.gradientFormulas());
        }
        return List.copyOf(rows);
    }

    /** This formula with function identities applied (log(exp(u)) = u, sin² + cos² = 1, …). */
    public Formula simplify() {
        return derived(Simplifier.simplify(expression));
    }

    /** The flat straight-line program for value and gradient (built once). */
    public CompiledFormula compile() {
        CompiledFormula c = compiled;
        if (c == null) {
            c = CompiledFormula.of(this);
            compiled = c;
        }
        return c;
    }

    /** Plain text in the expression language; {@code parse(toString())} gives back an equal expression. */
    @Override
    public String toString() {
        return PlainPrinter.print(expression);
    }

    /** LaTeX, e.g. {@code 2 x \sin\left(y\right)}. */
    public String toLatex() {
        return LatexPrinter.print(expression);
    }

    /** Equal when the expressions are structurally equal and the variables are the same list. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Formula f && f.expression == expression && f.variables.equals(variables);
    }

    @Override
    public int hashCode() {
        return expression.hashCode() * 31 + variables.hashCode();
    }
}
