package dev.nabla.symbolic.parse;

import dev.nabla.symbolic.ParseException;
import dev.nabla.symbolic.ParseLimits;
import dev.nabla.symbolic.expr.Expr;
import dev.nabla.symbolic.expr.Function;
import dev.nabla.symbolic.expr.Relation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Recursive-descent parser of the expression language (grammar in {@code docs/expressions.md}).
 * Nesting is counted explicitly and refused beyond {@link ParseLimits#maxDepth()}, so no input can overflow
 * the stack; the input length and the number of tokens are checked before any parsing, so hostile input is
 * refused in time linear in its length. Sums and products are gathered into one n-ary node each, so long
 * chains cost O(n log n).
 */
public final class Parser {
    private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "if", "pow");

    private final String source;
    private final ParseLimits limits;
    private final Collection<String> variables;
    private final Lexer lexer;
    private int depth;

    private Parser(String source, Collection<String> variables, ParseLimits limits) {
        this.source = source;
        this.limits = limits;
        this.variables = variables;
        if (source.length() > limits.maxLength()) {
            throw new ParseException(source, limits.maxLength(), "a shorter input",
                    "input too long (" + source.length() + " characters, limit " + limits.maxLength() + ")");
        }
        this.lexer = new Lexer(source, limits.maxNodes());
    }

    /**
     * Parses a number-valued formula.
     *
     * @param variables the allowed variable names, or null to allow any identifier
     */
    public static Expr parse(String source, Collection<String> variables, ParseLimits limits) {
        Parser p = new Parser(source, variables, limits);
        int start = p.lexer.start(0);
        Expr e = p.parseOr();
        if (p.lexer.kind() != Lexer.END) {
            throw p.error("an operator or the end of input");
        }
        if (e.isCondition()) {
            throw new ParseException(source, start, "a number-valued formula",
                    "the formula is a condition, not a number (write if(condition, a, b))");
        }
        return e;
    }

    private ParseException error(String expected) {
        return new ParseException(source, lexer.start(), expected,
                "expected " + expected + " but found " + lexer.describe());
    }

    private ParseException error(int position, String expected, String problem) {
        return new ParseException(source, position, expected, problem);
    }

    private void enter(int position) {
        if (++depth > limits.maxDepth()) {
            throw error(position, "less nesting", "nesting deeper than " + limits.maxDepth() + " levels");
        }
    }

    private boolean isWord(String w) {
        return lexer.kind() == Lexer.IDENT && lexer.text().equals(w);
    }

    private boolean isOperator(String op) {
        return lexer.kind() == Lexer.OPERATOR && lexer.text().equals(op);
    }

    private void expect(String op) {
        if (!isOperator(op)) {
            throw error("'" + op + "'");
        }
        lexer.next();
    }

    private Expr parseOr() {
        int start = lexer.start();
        Expr left = parseAnd();
        while (isWord("or")) {
            lexer.next();
            int rs = lexer.start();
            Expr right = parseAnd();
            left = Expr.or(condition(left, start), condition(right, rs));
        }
        return left;
    }

    private Expr parseAnd() {
        int start = lexer.start();
        Expr left = parseNot();
        while (isWord("and")) {
            lexer.next();
            int rs = lexer.start();
            Expr right = parseNot();
            left = Expr.and(condition(left, start), condition(right, rs));
        }
        return left;
    }

    private Expr parseNot() {
        if (isWord("not")) {
            int start = lexer.start();
            lexer.next();
            enter(start);
            int rs = lexer.start();
            Expr e = Expr.not(condition(parseNot(), rs));
            depth--;
            return e;
        }
        return parseComparison();
    }

    private Expr parseComparison() {
        int start = lexer.start();
        Expr left = parseSum();
        Relation r = relation();
        if (r == null) {
            return left;
        }
        lexer.next();
        int rs = lexer.start();
        Expr right = parseSum();
        if (relation() != null) {
            throw error(lexer.start(), "'and'", "comparisons do not chain: write a < b and b < c");
        }
        return Expr.compare(r, number(left, start), number(right, rs));
    }

    private Relation relation() {
        return lexer.kind() == Lexer.OPERATOR ? Relation.bySymbol(lexer.text()) : null;
    }

    private Expr parseSum() {
        int start = lexer.start();
        Expr first = parseTerm();
        if (!isOperator("+") && !isOperator("-")) {
            return first;
        }
        List<Expr> terms = new ArrayList<>();
        terms.add(number(first, start));
        while (isOperator("+") || isOperator("-")) {
            boolean minus = isOperator("-");
            lexer.next();
            int ts = lexer.start();
            Expr t = number(parseTerm(), ts);
            terms.add(minus ? Expr.negate(t) : t);
        }
        return Expr.sum(terms);
    }

    private Expr parseTerm() {
        int start = lexer.start();
        Expr first = parseUnary();
        rejectImplicitMultiplication(start);
        if (!isOperator("*") && !isOperator("/")) {
            return first;
        }
        List<Expr> factors = new ArrayList<>();
        factors.add(number(first, start));
        while (isOperator("*") || isOperator("/")) {
            boolean divide = isOperator("/");
            lexer.next();
            int fs = lexer.start();
            Expr f = number(parseUnary(), fs);
            rejectImplicitMultiplication(fs);
            factors.add(divide ? Expr.power(f, Expr.MINUS_ONE) : f);
        }
        return Expr.product(factors);
    }

    private void rejectImplicitMultiplication(int operandStart) {
        boolean operand = lexer.kind() == Lexer.NUMBER || isOperator("(")
                || (lexer.kind() == Lexer.IDENT && !isWord("and") && !isWord("or"));
        if (operand) {
            String before = source.substring(operandStart, lexer.end(-1)).strip();
            String after = isOperator("(") ? "(…" : lexer.text();
            if (before.length() > 20) {
                before = "…";
            }
            throw error(lexer.start(), "an operator",
                    "implicit multiplication is not supported: write " + before + "*" + after);
        }
    }

    private Expr parseUnary() {
        if (isOperator("-") || isOperator("+")) {
            boolean minus = isOperator("-");
            int start = lexer.start();
            lexer.next();
            enter(start);
            int os = lexer.start();
            Expr e = number(parseUnary(), os);
            depth--;
            return minus ? Expr.negate(e) : e;
        }
        return parsePower();
    }

    private Expr parsePower() {
        int start = lexer.start();
        Expr base = parsePrimary();
        if (!isOperator("^")) {
            return base;
        }
        int caret = lexer.start();
        lexer.next();
        enter(caret);
        int es = lexer.start();
        Expr exponent = number(parseUnary(), es);
        depth--;
        return Expr.power(number(base, start), exponent);
    }

    private Expr parsePrimary() {
        int start = lexer.start();
        switch (lexer.kind()) {
            case Lexer.NUMBER: {
                double v = lexer.number();
                lexer.next();
                return Expr.number(v);
            }
            case Lexer.IDENT:
                return parseName();
            case Lexer.OPERATOR:
                if (isOperator("(")) {
                    lexer.next();
                    enter(start);
                    Expr e = parseOr();
                    expect(")");
                    depth--;
                    return e;
                }
                throw error("an expression");
            default:
                throw error("an expression");
        }
    }

    private Expr parseName() {
        int start = lexer.start();
        String name = lexer.text();
        lexer.next();
        boolean call = isOperator("(");
        if (name.equals("and") || name.equals("or") || name.equals("not")) {
            throw error(start, "an expression", "'" + name + "' needs conditions on both sides, e.g. x > 0 " + name + " y > 0");
        }
        if (!call) {
            if (name.equals("pi")) {
                return Expr.PI;
            }
            if (name.equals("e")) {
                return Expr.E;
            }
            if (Function.byName(name).isPresent() || KEYWORDS.contains(name)) {
                throw error(lexer.start(), "'('", name + " is a function: write " + name + "(…)");
            }
            if (variables != null && !variables.contains(name)) {
                throw error(start, "a variable (" + String.join(", ", variables) + ")",
                        "unknown variable " + name + " (variables: " + String.join(", ", variables) + ")");
            }
            return Expr.variable(name);
        }
        int open = lexer.start();
        List<Expr> args = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        lexer.next();
        enter(open);
        if (!isOperator(")")) {
            starts.add(lexer.start());
            args.add(parseOr());
            while (isOperator(",")) {
                lexer.next();
                starts.add(lexer.start());
                args.add(parseOr());
            }
        }
        expect(")");
        depth--;
        if (name.equals("if")) {
            requireArity(name, 3, args.size(), start);
            return Expr.ifThenElse(condition(args.get(0), starts.get(0)), number(args.get(1), starts.get(1)),
                    number(args.get(2), starts.get(2)));
        }
        if (name.equals("pow")) {
            requireArity(name, 2, args.size(), start);
            return Expr.power(number(args.get(0), starts.get(0)), number(args.get(1), starts.get(1)));
        }
        Function f = Function.byName(name).orElse(null);
        if (f == null) {
            if (name.equals("pi") || name.equals("e") || (variables != null && variables.contains(name))) {
                throw error(open, "an operator", name + " is not a function; implicit multiplication is not supported:"
                        + " write " + name + "*(…)");
            }
            throw error(start, "a function name", "unknown function " + name
                    + " (for multiplication write " + name + "*(…); implicit multiplication is not supported)");
        }
        requireArity(name, f.arity(), args.size(), start);
        for (int i = 0; i < args.size(); i++) {
            number(args.get(i), starts.get(i));
        }
        return Expr.call(f, args);
    }

    private void requireArity(String name, int arity, int given, int position) {
        if (arity != given) {
            throw error(position, arity + " argument" + (arity == 1 ? "" : "s"), name + " takes " + arity
                    + " argument" + (arity == 1 ? "" : "s") + " but was given " + given);
        }
    }

    private Expr number(Expr e, int position) {
        if (e.isCondition()) {
            throw error(position, "a number", "expected a number but found a condition (use if(condition, a, b))");
        }
        return e;
    }

    private Expr condition(Expr e, int position) {
        if (!e.isCondition()) {
            throw error(position, "a condition", "expected a condition (a comparison such as x > 0) but found a number");
        }
        return e;
    }
}
