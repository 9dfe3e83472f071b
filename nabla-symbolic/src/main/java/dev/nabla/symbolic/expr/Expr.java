package dev.nabla.symbolic.expr;

import java.lang.ref.WeakReference;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * An immutable, hash-consed expression node. Structurally equal expressions are the same object, so an
 * expression is a DAG in which every common sub-expression is shared, and {@code ==} is structural equality.
 *
 * <p>Nodes are built only through the static factories, which keep every node in canonical form:
 * <ul>
 *   <li>a {@link Kind#SUM} is {@code c + t1 + … + tk}: a numeric constant {@code c} (kept in {@link #number()})
 *       and k ≥ 1 non-numeric terms in canonical order, like terms collected ({@code x + 2*x = 3*x});</li>
 *   <li>a {@link Kind#PRODUCT} is {@code c * f1 * … * fk}: a numeric coefficient and non-numeric factors in
 *       canonical order, powers of the same base combined ({@code x*x^2 = x^3}); {@code c*(a + b)} stays a
 *       product (so {@code (x + y)*(-(x + y))} is {@code -(x + y)^2}) but is expanded where it is a term of a
 *       sum, so that like terms collect ({@code 3*(x + 1) - 3 = 3*x});</li>
 *   <li>constants are folded where the result is exact, {@code a - b = a + (-1)*b}, {@code a/b = a*b^-1}.</li>
 * </ul>
 * Simplification assumes generic points: {@code x/x} becomes 1 and {@code 0*log(x)} becomes 0.
 *
 * <p>Thread-safe: the interning table is synchronised and nodes are immutable.
 */
public final class Expr implements Comparable<Expr> {

    /** The node kinds. Boolean kinds ({@link #isCondition()}) appear only as conditions of {@link #IF}. */
    public enum Kind {
        NUMBER, CONSTANT, VARIABLE, SUM, PRODUCT, POWER, CALL, IF, COMPARE, AND, OR, NOT, TRUE, FALSE
    }

    private static final Map<Expr, WeakReference<Expr>> TABLE = new WeakHashMap<>();
    private static final Expr[] NO_ARGS = new Expr[0];

    public static final Expr ZERO = number(Rational.ZERO);
    public static final Expr ONE = number(Rational.ONE);
    public static final Expr MINUS_ONE = number(Rational.of(-1));
    public static final Expr TRUE = intern(new Expr(Kind.TRUE, Rational.ZERO, null, null, null, NO_ARGS));
    public static final Expr FALSE = intern(new Expr(Kind.FALSE, Rational.ZERO, null, null, null, NO_ARGS));
    public static final Expr PI = constant(Math.PI, "pi");
    public static final Expr E = constant(Math.E, "e");

    private final Kind kind;
    /** The exact value of a NUMBER, the constant of a SUM, the coefficient of a PRODUCT; else 0. */
    private final Rational value;
    /** value as a double, or the value of a named CONSTANT. */
    private final double number;
    private final String name;
    private final Function function;
    private final Relation relation;
    private final Expr[] args;
    private final int hash;
    private final int depth;
    private final boolean hasVariables;

    private Expr(Kind kind, Rational value, String name, Function function, Relation relation, Expr[] args) {
        this(kind, value, value.doubleValue(), name, function, relation, args);
    }

    private Expr(Kind kind, Rational value, double number, String name, Function function, Relation relation,
            Expr[] args) {
        this.kind = kind;
        this.value = value;
        this.number = number == 0 ? 0.0 : number;
        this.name = name;
        this.function = function;
        this.relation = relation;
        this.args = args;
        int h = kind.hashCode() * 31 + value.hashCode();
        h = h * 31 + Objects.hashCode(name);
        h = h * 31 + Objects.hashCode(function);
        h = h * 31 + Objects.hashCode(relation);
        int d = 0;
        boolean vars = kind == Kind.VARIABLE;
        for (Expr a : args) {
            h = h * 31 + System.identityHashCode(a);
            d = Math.max(d, a.depth);
            vars |= a.hasVariables;
        }
        this.hash = h;
        this.depth = d + 1;
        this.hasVariables = vars;
    }

    private static Expr intern(Expr e) {
        synchronized (TABLE) {
            WeakReference<Expr> ref = TABLE.get(e);
            Expr existing = ref == null ? null : ref.get();
            if (existing != null) {
                return existing;
            }
            TABLE.put(e, new WeakReference<>(e));
            return e;
        }
    }

    /** A node; a constant beyond the range of doubles is refused (formulas evaluate in doubles). */
    private static Expr node(Kind kind, Rational value, Expr... args) {
        if (!value.inRange()) {
            throw new IllegalArgumentException("constant overflow: a constant exceeds the range of a double");
        }
        return intern(new Expr(kind, value, null, null, null, args));
    }

    private static Expr constant(double value, String name) {
        return intern(new Expr(Kind.CONSTANT, Rational.ZERO, value, name, null, null, NO_ARGS));
    }

    // ---------------------------------------------------------------- accessors

    public Kind kind() {
        return kind;
    }

    /**
     * The value of a NUMBER or CONSTANT, the constant term of a SUM, the coefficient of a PRODUCT, as the double
     * nearest to it; else 0.
     */
    public double number() {
        return number;
    }

    /** The exact value of a NUMBER, the constant term of a SUM, the coefficient of a PRODUCT; else 0. */
    public Rational rational() {
        return value;
    }

    /** The name of a VARIABLE or CONSTANT, else null. */
    public String name() {
        return name;
    }

    /** The function of a CALL, else null. */
    public Function function() {
        return function;
    }

    /** The relation of a COMPARE, else null. */
    public Relation relation() {
        return relation;
    }

    /** The operands: terms of a SUM, factors of a PRODUCT, (base, exponent), call arguments, (condition, then, else). */
    public List<Expr> args() {
        return Collections.unmodifiableList(Arrays.asList(args));
    }

    /** Operand i. */
    public Expr arg(int i) {
        return args[i];
    }

    /** The number of operands. */
    public int arity() {
        return args.length;
    }

    /** The height of the expression tree (a leaf has depth 1). */
    public int depth() {
        return depth;
    }

    /** True when a variable occurs in this expression. */
    public boolean hasVariables() {
        return hasVariables;
    }

    /** True for boolean-valued nodes (comparisons, and/or/not, true/false). */
    public boolean isCondition() {
        return kind == Kind.COMPARE || kind == Kind.AND || kind == Kind.OR || kind == Kind.NOT
                || kind == Kind.TRUE || kind == Kind.FALSE;
    }

    public boolean isNumber() {
        return kind == Kind.NUMBER;
    }

    /** True for a NUMBER equal to v. */
    public boolean isNumber(double v) {
        return kind == Kind.NUMBER && number == v && value.equals(Rational.ofDouble(v));
    }

    /** True for an integer NUMBER. */
    public boolean isInteger() {
        return kind == Kind.NUMBER && value.isInteger();
    }

    // ---------------------------------------------------------------- leaves

    /** The number v (finite), as the decimal its shortest text writes ({@link Rational#ofDouble}). */
    public static Expr number(double v) {
        return number(Rational.ofDouble(v));
    }

    /**
     * The exact number r.
     *
     * @throws IllegalArgumentException when r is beyond the range of doubles (formulas evaluate in doubles, so
     *                                  folding that overflows is refused, and the parser reports it)
     */
    public static Expr number(Rational r) {
        return node(Kind.NUMBER, r);
    }

    /** The variable called name. */
    public static Expr variable(String name) {
        return intern(new Expr(Kind.VARIABLE, Rational.ZERO, Objects.requireNonNull(name), null, null, NO_ARGS));
    }

    // ---------------------------------------------------------------- arithmetic

    public static Expr add(Expr a, Expr b) {
        return sum(List.of(a, b));
    }

    public static Expr subtract(Expr a, Expr b) {
        return sum(List.of(a, negate(b)));
    }

    public static Expr negate(Expr a) {
        return product(List.of(MINUS_ONE, a));
    }

    public static Expr multiply(Expr a, Expr b) {
        return product(List.of(a, b));
    }

    public static Expr divide(Expr a, Expr b) {
        return product(List.of(a, power(b, MINUS_ONE)));
    }

    /** t1 + … + tk in canonical form: flattened, constants folded, like terms collected, sorted. */
    public static Expr sum(List<Expr> operands) {
        Expr multiple = multipleOfOneSum(operands);
        if (multiple != null) {
            return multiple;
        }
        Rational constant = Rational.ZERO;
        List<Expr> terms = new ArrayList<>();
        Deque<Expr> work = new ArrayDeque<>(operands);
        while (!work.isEmpty()) {
            Expr t = work.pop();
            requireNumeric(t);
            if (t.kind == Kind.NUMBER) {
                constant = constant.add(t.value);
            } else if (t.kind == Kind.SUM) {
                constant = constant.add(t.value);
                terms.addAll(Arrays.asList(t.args));
            } else if (t.kind == Kind.PRODUCT && t.args.length == 1 && t.args[0].kind == Kind.SUM) {
                // c*(a + b) inside a sum is expanded so that like terms collect: 3*(x + 1) - 3 = 3*x
                Expr inner = t.args[0];
                constant = constant.add(t.value.multiply(inner.value));
                for (Expr u : inner.args) {
                    terms.add(scaledTerm(t.value, u));
                }
            } else {
                terms.add(t);
            }
        }
        List<Expr> merged = mergeBranches(terms);
        if (merged != null) {
            merged.add(number(constant));
            return sum(merged);
        }
        Map<Expr, Rational> coefficients = new LinkedHashMap<>();
        for (Expr t : terms) {
            if (t.kind == Kind.PRODUCT) {
                coefficients.merge(withCoefficient(t, Rational.ONE), t.value, Rational::add);
            } else {
                coefficients.merge(t, Rational.ONE, Rational::add);
            }
        }
        List<Expr> collected = new ArrayList<>();
        for (Map.Entry<Expr, Rational> c : coefficients.entrySet()) {
            Rational k = c.getValue();
            if (k.signum() != 0) {
                collected.add(k.equals(Rational.ONE) ? c.getKey() : scaled(k, c.getKey()));
            }
        }
        if (collected.isEmpty()) {
            return number(constant);
        }
        if (collected.size() == 1 && constant.signum() == 0) {
            return collected.get(0);
        }
        Collections.sort(collected);
        return node(Kind.SUM, constant, collected.toArray(NO_ARGS));
    }

    /** c1*S + c2*S + … = (c1 + c2 + …)*S when every operand is a multiple of one sum S, else null. */
    private static Expr multipleOfOneSum(List<Expr> operands) {
        Expr common = null;
        Rational k = Rational.ZERO;
        for (Expr t : operands) {
            Expr base;
            Rational c;
            if (t.kind == Kind.SUM) {
                base = t;
                c = Rational.ONE;
            } else if (t.kind == Kind.PRODUCT && t.args.length == 1 && t.args[0].kind == Kind.SUM) {
                base = t.args[0];
                c = t.value;
            } else if (t.isNumber(0)) {
                continue;
            } else {
                return null;
            }
            if (common != null && common != base) {
                return null;
            }
            common = base;
            k = k.add(c);
        }
        return common == null || operands.size() < 2 ? null : product(List.of(number(k), common));
    }

    /**
     * if(c, a1, b1) + if(c, a2, b2) = if(c, a1 + a2, b1 + b2), so that the adjoints of branches merge;
     * null when no two terms share a condition.
     */
    private static List<Expr> mergeBranches(List<Expr> terms) {
        Map<Expr, List<Expr>> byCondition = new LinkedHashMap<>();
        List<Expr> out = new ArrayList<>();
        for (Expr t : terms) {
            if (t.kind == Kind.IF) {
                byCondition.computeIfAbsent(t.args[0], k -> new ArrayList<>()).add(t);
            } else {
                out.add(t);
            }
        }
        if (byCondition.values().stream().allMatch(l -> l.size() == 1)) {
            return null;
        }
        for (Map.Entry<Expr, List<Expr>> e : byCondition.entrySet()) {
            List<Expr> thens = new ArrayList<>();
            List<Expr> elses = new ArrayList<>();
            for (Expr t : e.getValue()) {
                thens.add(t.args[1]);
                elses.add(t.args[2]);
            }
            out.add(ifThenElse(e.getKey(), sum(thens), sum(elses)));
        }
        return out;
    }

    /** k * monomial with the monomial's coefficient replaced. */
    private static Expr scaled(Rational k, Expr monomial) {
        if (monomial.kind == Kind.PRODUCT) {
            return withCoefficient(monomial, k);
        }
        return node(Kind.PRODUCT, k, monomial);
    }

    private static Expr withCoefficient(Expr product, Rational k) {
        if (k.equals(Rational.ONE) && product.args.length == 1) {
            return product.args[0];
        }
        return node(Kind.PRODUCT, k, product.args);
    }

    /** f1 * … * fk in canonical form: flattened, coefficients folded, powers of one base combined, sorted. */
    public static Expr product(List<Expr> operands) {
        Rational coefficient = Rational.ONE;
        Map<Expr, List<Expr>> exponents = new LinkedHashMap<>();
        Deque<Expr> work = new ArrayDeque<>(operands);
        while (!work.isEmpty()) {
            Expr f = work.pop();
            requireNumeric(f);
            switch (f.kind) {
                case NUMBER:
                    coefficient = coefficient.multiply(f.value);
                    break;
                case PRODUCT:
                    coefficient = coefficient.multiply(f.value);
                    for (int i = f.args.length - 1; i >= 0; i--) {
                        work.push(f.args[i]);
                    }
                    break;
                case POWER:
                    exponents.computeIfAbsent(f.args[0], k -> new ArrayList<>()).add(f.args[1]);
                    break;
                default:
                    exponents.computeIfAbsent(f, k -> new ArrayList<>()).add(ONE);
            }
        }
        if (coefficient.signum() == 0) {
            return ZERO;
        }
        List<Expr> factors = new ArrayList<>();
        boolean reflatten = false;
        for (Map.Entry<Expr, List<Expr>> e : exponents.entrySet()) {
            Expr f = e.getValue().size() == 1 ? power(e.getKey(), e.getValue().get(0))
                    : power(e.getKey(), sum(e.getValue()));
            if (f.kind == Kind.NUMBER) {
                coefficient = coefficient.multiply(f.value);
            } else {
                reflatten |= f.kind == Kind.PRODUCT;
                factors.add(f);
            }
        }
        if (reflatten) {
            factors.add(number(coefficient));
            return product(factors);
        }
        if (coefficient.signum() == 0) {
            return ZERO;
        }
        int gate = -1;
        for (int i = 0; i < factors.size(); i++) {
            Expr f = factors.get(i);
            if (f.kind == Kind.IF && (f.args[1].isNumber(0) || f.args[2].isNumber(0))) {
                gate = gate == -1 ? i : -2;
            }
        }
        if (gate >= 0 && (factors.size() > 1 || !coefficient.equals(Rational.ONE))) {
            // a * if(c, b, 0) = if(c, a*b, 0): the form of adjoints through branches; one gate only, so
            // products of many gates cannot nest deeply
            Expr f = factors.get(gate);
            List<Expr> others = new ArrayList<>(factors);
            others.remove(gate);
            others.add(number(coefficient));
            Expr rest = product(others);
            return ifThenElse(f.args[0], multiply(rest, f.args[1]), multiply(rest, f.args[2]));
        }
        if (factors.isEmpty()) {
            return number(coefficient);
        }
        if (factors.size() == 1 && coefficient.equals(Rational.ONE)) {
            return factors.get(0);
        }
        Collections.sort(factors);
        return node(Kind.PRODUCT, coefficient, factors.toArray(NO_ARGS));
    }

    /**
     * s times the product p without its factor k: the partial ∂p/∂f_k scaled, built directly from p's canonical
     * factors (what remains of a canonical product is canonical), so that the k partials of a product of k factors
     * cost no re-sorting. Falls back to {@link #product} where a piecewise factor could combine.
     */
    public static Expr withoutFactor(Expr p, int k, Rational s) {
        if (p.kind != Kind.PRODUCT) {
            throw new IllegalArgumentException("not a product: " + p);
        }
        Rational c = p.value.multiply(s);
        Expr[] rest = new Expr[p.args.length - 1];
        boolean piecewise = false;
        for (int i = 0, j = 0; i < p.args.length; i++) {
            if (i != k) {
                rest[j++] = p.args[i];
                piecewise |= p.args[i].kind == Kind.IF;
            }
        }
        if (piecewise || c.signum() == 0 || rest.length == 0 || rest.length == 1 && c.equals(Rational.ONE)) {
            List<Expr> all = new ArrayList<>(Arrays.asList(rest));
            all.add(number(c));
            return product(all);
        }
        return node(Kind.PRODUCT, c, rest);
    }

    private static Expr scaledTerm(Rational k, Expr term) {
        return term.kind == Kind.PRODUCT ? withCoefficient(term, k.multiply(term.value)) : node(Kind.PRODUCT, k, term);
    }

    /** base^exponent, folded where exact: x^0 = 1, x^1 = x, (x^a)^n = x^(a n) and (x y)^n = x^n y^n for integer n. */
    public static Expr power(Expr base, Expr exponent) {
        requireNumeric(base);
        requireNumeric(exponent);
        if (exponent.isNumber(0)) {
            return ONE;
        }
        if (exponent.isNumber(1)) {
            return base;
        }
        if (base.isNumber(1)) {
            return ONE;
        }
        if (base.kind == Kind.NUMBER && exponent.kind == Kind.NUMBER) {
            Rational r = exactPower(base.value, exponent.value);
            if (r != null) {
                return number(r);
            }
        }
        if (base.isNumber(0) && exponent.kind == Kind.NUMBER && exponent.value.signum() > 0) {
            return ZERO;
        }
        if (exponent.isInteger()) {
            if (base.kind == Kind.POWER) {
                return power(base.args[0], multiply(base.args[1], exponent));
            }
            if (base.kind == Kind.PRODUCT) {
                Rational c = exactPower(base.value, exponent.value);
                if (c != null) {
                    List<Expr> factors = new ArrayList<>();
                    factors.add(number(c));
                    for (Expr f : base.args) {
                        factors.add(power(f, exponent));
                    }
                    return product(factors);
                }
            }
        }
        return node(Kind.POWER, Rational.ZERO, base, exponent);
    }

    /**
     * b^(p/q) when it is a rational of at most {@link Rational#MAX_BITS} bits (2^10, 8^(2/3) = 4, (1/4)^(1/2) =
     * 1/2), else null: irrational powers, 0 to a negative power, and even roots of negatives stay unfolded.
     */
    private static Rational exactPower(Rational b, Rational e) {
        if (b.signum() == 0) {
            return e.signum() > 0 ? Rational.ZERO : null;
        }
        if (b.equals(Rational.ONE) || e.signum() == 0) {
            return Rational.ONE;
        }
        if (e.denominator().bitLength() > 31 || e.numerator().bitLength() > 31) {
            return null;
        }
        int q = e.denominator().intValueExact();
        int p = e.numerator().intValueExact();
        if (q > 1) {
            if (b.signum() < 0) {
                return null; // the language's powers of negative bases need integer exponents
            }
            b = b.root(q);
            if (b == null) {
                return null;
            }
        }
        if ((long) Math.abs(p) * b.bits() > Rational.MAX_BITS) {
            return null;
        }
        Rational r = b.pow(p);
        return r.inRange() ? r : null;
    }

    // ---------------------------------------------------------------- functions and piecewise

    /**
     * f(args), folded when every argument is a number and the value is exactly rational: abs, sign, min, max,
     * roots and hypot of exact squares and cubes ({@code sqrt(1/4) = 1/2}), and f(0), f(±1) where they are
     * integers ({@code cos(0) = 1}); never where a double merely rounds to an integer ({@code tanh(20)}).
     */
    public static Expr call(Function f, List<Expr> args) {
        if (args.size() != f.arity()) {
            throw new IllegalArgumentException(f.symbol() + " takes " + f.arity() + " argument(s)");
        }
        args.forEach(Expr::requireNumeric);
        Expr a = args.get(0);
        Expr b = args.size() > 1 ? args.get(1) : null;
        if (f == Function.LOG && a == E) {
            return ONE;
        }
        if (f == Function.EXP && a.kind == Kind.CALL && a.function == Function.LOG) {
            // exp(log(u)) = u only where u > 0; keep it, log's domain check must survive
            return node1(f, a);
        }
        if (a.kind == Kind.NUMBER && (b == null || b.kind == Kind.NUMBER)) {
            Rational r = fold(f, a.value, b == null ? Rational.ZERO : b.value);
            if (r != null) {
                return number(r);
            }
        }
        if ((f == Function.MIN || f == Function.MAX) && a == b) {
            return a;
        }
        return b == null ? node1(f, a) : intern(new Expr(Kind.CALL, Rational.ZERO, null, f, null, new Expr[] {a, b}));
    }

    private static Rational fold(Function f, Rational x, Rational y) {
        if (f.domainViolation(x.doubleValue(), y.doubleValue()) != null) {
            return null;
        }
        switch (f) {
            case ABS: return x.abs();
            case SIGN: return Rational.of(x.signum());
            case MIN: return x.compareTo(y) <= 0 ? x : y;
            case MAX: return x.compareTo(y) >= 0 ? x : y;
            case SQRT: return x.signum() < 0 ? null : x.root(2);
            case CBRT: return x.root(3);
            case HYPOT: return x.multiply(x).add(y.multiply(y)).root(2);
            default:
                if (x.abs().compareTo(Rational.ONE) > 0 || !x.isInteger() || y.abs().compareTo(Rational.ONE) > 0
                        || !y.isInteger()) {
                    return null;
                }
                double r = f.apply(x.doubleValue(), y.doubleValue());
                return Numbers.isInteger(r) ? Rational.ofDouble(r) : null;
        }
    }

    public static Expr call(Function f, Expr a) {
        return call(f, List.of(a));
    }

    public static Expr call(Function f, Expr a, Expr b) {
        return call(f, List.of(a, b));
    }

    private static Expr node1(Function f, Expr a) {
        return intern(new Expr(Kind.CALL, Rational.ZERO, null, f, null, new Expr[] {a}));
    }

    /** if(condition, then, otherwise): the piecewise expression. */
    public static Expr ifThenElse(Expr condition, Expr then, Expr otherwise) {
        requireCondition(condition);
        requireNumeric(then);
        requireNumeric(otherwise);
        if (condition == TRUE || then == otherwise) {
            return then;
        }
        if (condition == FALSE) {
            return otherwise;
        }
        return node(Kind.IF, Rational.ZERO, condition, then, otherwise);
    }

    /** a relation b, folded to true/false when both sides are numbers. */
    public static Expr compare(Relation relation, Expr a, Expr b) {
        requireNumeric(a);
        requireNumeric(b);
        if (a.kind == Kind.NUMBER && b.kind == Kind.NUMBER) {
            return relation.holds(a.value.compareTo(b.value), 0) ? TRUE : FALSE;
        }
        if (a == b) {
            return relation.holds(0, 0) ? TRUE : FALSE;
        }
        return intern(new Expr(Kind.COMPARE, Rational.ZERO, null, null, relation, new Expr[] {a, b}));
    }

    public static Expr and(Expr a, Expr b) {
        requireCondition(a);
        requireCondition(b);
        if (a == FALSE || b == FALSE) {
            return FALSE;
        }
        if (a == TRUE || a == b) {
            return b;
        }
        return b == TRUE ? a : node(Kind.AND, Rational.ZERO, a, b);
    }

    public static Expr or(Expr a, Expr b) {
        requireCondition(a);
        requireCondition(b);
        if (a == TRUE || b == TRUE) {
            return TRUE;
        }
        if (a == FALSE || a == b) {
            return b;
        }
        return b == FALSE ? a : node(Kind.OR, Rational.ZERO, a, b);
    }

    public static Expr not(Expr a) {
        requireCondition(a);
        if (a == TRUE) {
            return FALSE;
        }
        if (a == FALSE) {
            return TRUE;
        }
        return a.kind == Kind.NOT ? a.args[0] : node(Kind.NOT, Rational.ZERO, a);
    }

    private static void requireNumeric(Expr e) {
        if (e.isCondition()) {
            throw new IllegalArgumentException("a condition is not a number: use if(condition, a, b)");
        }
    }

    private static void requireCondition(Expr e) {
        if (!e.isCondition()) {
            throw new IllegalArgumentException("not a condition");
        }
    }

    /** Rebuilds this node from new operands of the same kind (through the canonicalising factories). */
    public Expr withArgs(List<Expr> newArgs) {
        switch (kind) {
            case SUM: {
                List<Expr> all = new ArrayList<>(newArgs);
                all.add(number(value));
                return sum(all);
            }
            case PRODUCT: {
                List<Expr> all = new ArrayList<>(newArgs);
                all.add(number(value));
                return product(all);
            }
            case POWER: return power(newArgs.get(0), newArgs.get(1));
            case CALL: return call(function, newArgs);
            case IF: return ifThenElse(newArgs.get(0), newArgs.get(1), newArgs.get(2));
            case COMPARE: return compare(relation, newArgs.get(0), newArgs.get(1));
            case AND: return and(newArgs.get(0), newArgs.get(1));
            case OR: return or(newArgs.get(0), newArgs.get(1));
            case NOT: return not(newArgs.get(0));
            default: return this;
        }
    }

    // ---------------------------------------------------------------- DAG helpers

    /** Every distinct node of this DAG, children before parents (iterative, any depth). */
    public List<Expr> topologicalOrder() {
        return topologicalOrder(List.of(this));
    }

    /** The distinct nodes of several DAGs, children before parents. */
    public static List<Expr> topologicalOrder(List<Expr> roots) {
        List<Expr> order = new ArrayList<>();
        Set<Expr> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Object[]> stack = new ArrayDeque<>();
        for (Expr root : roots) {
            if (seen.add(root)) {
                stack.push(new Object[] {root, 0});
            }
            while (!stack.isEmpty()) {
                Object[] top = stack.peek();
                Expr e = (Expr) top[0];
                int i = (Integer) top[1];
                if (i < e.args.length) {
                    top[1] = i + 1;
                    Expr c = e.args[i];
                    if (seen.add(c)) {
                        stack.push(new Object[] {c, 0});
                    }
                } else {
                    stack.pop();
                    order.add(e);
                }
            }
        }
        return order;
    }

    /** The number of distinct nodes in this DAG. */
    public int size() {
        return topologicalOrder().size();
    }

    /** The variables occurring in this expression, sorted by name. */
    public List<String> variables() {
        List<String> names = new ArrayList<>();
        for (Expr e : topologicalOrder()) {
            if (e.kind == Kind.VARIABLE) {
                names.add(e.name);
            }
        }
        Collections.sort(names);
        return names;
    }

    // ---------------------------------------------------------------- identity and order

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Expr)) {
            return false;
        }
        Expr e = (Expr) o;
        if (hash != e.hash || kind != e.kind || !value.equals(e.value) || Double.compare(number, e.number) != 0
                || !Objects.equals(name, e.name) || function != e.function || relation != e.relation
                || args.length != e.args.length) {
            return false;
        }
        for (int i = 0; i < args.length; i++) {
            if (args[i] != e.args[i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return hash;
    }

    /** The canonical order of operands (see {@link Order}). */
    @Override
    public int compareTo(Expr o) {
        return Order.compare(this, o);
    }

    /** Plain text that parses back to this expression. */
    @Override
    public String toString() {
        return dev.nabla.symbolic.print.PlainPrinter.print(this);
    }
}
