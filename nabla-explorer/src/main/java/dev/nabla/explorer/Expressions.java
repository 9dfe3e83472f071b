package dev.nabla.explorer;

import dev.nabla.core.field.DomainException;
import dev.nabla.symbolic.Formula;
import dev.nabla.symbolic.ParseException;
import dev.nabla.symbolic.ParseLimits;
import dev.nabla.symbolic.expr.Expr;

import dev.nabla.symbolic.simplify.Substitution;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/** Parsing under the explorer's limits, and the library's errors as API errors. */
final class Expressions {
    /** The explorer works in the plane: every expression is a field of (x, y). */
    static final List<String> VARIABLES = List.of("x", "y");

    /** A field that uses z is a field of space, (x, y, z): its level sets are surfaces. */
    static final List<String> SPACE = List.of("x", "y", "z");

    /** Most parameters (symbols other than the variables) one expression may have. */
    static final int MAX_PARAMETERS = 8;

    /** A parameter's value when the request gives none. */
    static final double DEFAULT_PARAMETER = 1;

    /** Formulas recently asked for, so that the derived formulas of an expression are built once (LRU). */
    private static final int CACHED = 256;

    private final Limits limits;
    private final Map<String, Formula> recent = new LinkedHashMap<>(CACHED, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Formula> eldest) {
            return size() > CACHED;
        }
    };

    Expressions(Limits limits) {
        this.limits = limits;
    }

    /**
     * The formula, or a 400 {@code parse} error with position, caret line and what was expected. The page asks
     * about one expression many times (dragging the point), so formulas are kept: a {@link Formula} is immutable
     * and builds its gradient and Hessian once.
     */
    Formula parse(String source) {
        return parse(source, Map.of());
    }

    /**
     * The formula with its parameters (every symbol that is not a variable, e.g. {@code a} in {@code a*x^2 + y^2})
     * set to the given values, 1 where none is given: a field of (x, y) again. Values of names that are not
     * parameters of this expression are ignored (the page keeps a slider's value while the expression is edited).
     */
    Formula parse(String source, Map<String, Double> parameters) {
        return parse(source, parameters, null);
    }

    /**
     * The same over the given variables (a student's ∂f/∂x of a field of (x, y, z) is a formula of (x, y, z) even
     * where it does not use z), or over its own (null): (x, y, z) when it uses z, else (x, y).
     */
    Formula parse(String source, Map<String, Double> parameters, List<String> variables) {
        String key = (variables == null ? "" : variables + "\u0000") + (parameters.isEmpty() ? source
                : source + "\u0000" + new TreeMap<>(parameters));
        synchronized (recent) {
            Formula known = recent.get(key);
            if (known != null) {
                return known;
            }
        }
        Formula f = parseNew(source, parameters, variables);
        synchronized (recent) {
            Formula raced = recent.putIfAbsent(key, f);
            return raced != null ? raced : f;
        }
    }

    /** The formula of the request's {@code expr} with the request's {@code parameters}. */
    Formula parse(Body body) {
        return parse(body.text("expr"), body.numbers("parameters"));
    }

    /** The parameters of an expression: its symbols other than the variables x, y, z, in name order. */
    List<String> parameters(String source) {
        return symbols(source).stream().filter(s -> !SPACE.contains(s)).toList();
    }

    /** The variables of an expression: (x, y, z) when it uses z, else (x, y). */
    List<String> variables(String source) {
        return symbols(source).contains("z") ? SPACE : VARIABLES;
    }

    private List<String> symbols(String source) {
        return symbolic(source).variables();
    }

    /** The formula as typed, its parameters left as symbols (a field of the variables and the parameters). */
    Formula symbolic(String source) {
        checkSize(source);
        try {
            return Formula.parse(source, null, limits());
        } catch (ParseException e) {
            throw parseError(e);
        } catch (StackOverflowError e) {
            throw new ApiException(400, "too-large", "expression is nested too deeply", Map.of());
        }
    }

    private Formula parseNew(String source, Map<String, Double> values, List<String> given) {
        Formula all = symbolic(source);
        List<String> symbols = all.variables();
        List<String> parameters = symbols.stream().filter(s -> !SPACE.contains(s)).toList();
        List<String> variables = given != null ? given : symbols.contains("z") ? SPACE : VARIABLES;
        for (String v : symbols) {
            if (SPACE.contains(v) && !variables.contains(v)) {
                throw ApiException.badRequest("'" + source + "' uses " + v + ", which is not a variable of the field "
                        + "(its variables are " + variables + ")");
            }
        }
        if (parameters.isEmpty()) {
            return parseNew(source, variables);
        }
        if (parameters.size() > MAX_PARAMETERS) {
            throw ApiException.badRequest("the expression has " + parameters.size() + " parameters " + parameters
                    + "; at most " + MAX_PARAMETERS + " (the variables are " + variables + ")");
        }
        Map<Expr, Expr> set = new HashMap<>();
        for (String p : parameters) {
            set.put(Expr.variable(p), Expr.number(values.getOrDefault(p, DEFAULT_PARAMETER)));
        }
        return Formula.of(Substitution.substitute(all.expression(), set), variables);
    }

    private ParseLimits limits() {
        return new ParseLimits(limits.maxExpressionChars(), limits.maxDepth(), limits.maxNodes());
    }

    private void checkSize(String source) {
        if (source.length() > limits.maxExpressionChars()) {
            throw new ApiException(400, "too-large", "expression has " + source.length()
                    + " characters; the limit is " + limits.maxExpressionChars(),
                    Map.of("limit", limits.maxExpressionChars()));
        }
        if (source.isBlank()) {
            throw ApiException.badRequest("the expression is empty");
        }
    }

    private static ApiException parseError(ParseException e) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("source", e.source());
        details.put("position", e.position());
        details.put("sourceLine", e.sourceLine());
        details.put("caretLine", e.caretLine());
        details.put("expected", e.expected());
        return new ApiException(400, "parse", e.problem() + " at column " + e.column(), details);
    }

    private Formula parseNew(String source, List<String> variables) {
        checkSize(source);
        try {
            return Formula.parse(source, variables, limits());
        } catch (ParseException e) {
            throw parseError(e);
        } catch (StackOverflowError e) {
            throw new ApiException(400, "too-large", "expression is nested too deeply", Map.of());
        }
    }

    /**
     * A derived formula (∇f, the Hessian, ∇f·v), or a 422 {@code overflow} when building it needs a constant
     * beyond the double range (e.g. differentiating x^1e308*2).
     */
    static <T> T derive(String what, Supplier<T> work) {
        try {
            return work.get();
        } catch (IllegalArgumentException | ArithmeticException overflow) {
            throw new ApiException(422, "overflow", what + " cannot be formed: " + overflow.getMessage()
                    + " (a constant beyond ±1.8·10^308)", Map.of());
        }
    }

    /**
     * f(x) when it is a finite number; else a 422 {@code overflow} naming the innermost sub-expression whose value
     * is not finite, e.g. exp(x) at (710, 0).
     */
    static double finite(Formula f, double[] x, double value) {
        if (Double.isFinite(value)) {
            return value;
        }
        Expr culprit = f.expression();
        descend:
        while (true) {
            for (Expr a : culprit.args()) {
                if (!a.isCondition() && !Double.isFinite(valueOf(a, f.variables(), x))) {
                    culprit = a;
                    continue descend;
                }
            }
            break;
        }
        String at = Numbers.point(x);
        String sub = Formula.of(culprit, f.variables()).toString();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("subExpression", sub);
        details.put("point", Arrays.stream(x).boxed().toList());
        throw new ApiException(422, "overflow", "f" + at + " is not a finite number: " + sub + " = "
                + Numbers.text(valueOf(culprit, f.variables(), x)) + " at " + at
                + " is beyond the double range (±1.8·10^308)", details);
    }

    /** The value of a sub-expression at x; 0 (finite) where it is undefined, so that the search passes it by. */
    private static double valueOf(Expr e, List<String> variables, double[] x) {
        try {
            return Formula.of(e, variables).value(x);
        } catch (ArithmeticException undefined) {
            return 0;
        }
    }

    /** Runs an evaluation; a {@link DomainException} becomes a 422 naming the sub-expression and the point. */
    static <T> T evaluate(Supplier<T> work) {
        try {
            return work.get();
        } catch (DomainException e) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("subExpression", e.subExpression());
            if (e.point() != null) {
                details.put("point", Arrays.stream(e.point()).boxed().toList());
            }
            throw new ApiException(422, "domain", e.getMessage(), details);
        }
    }
}
