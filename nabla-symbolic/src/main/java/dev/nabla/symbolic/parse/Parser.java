package dev.nabla.symbolic.parse;

import dev.nabla.symbolic.ParseException;
import dev.nabla.symbolic.ParseLimits;
import dev.nabla.symbolic.expr.Expr;
import dev.nabla.symbolic.expr.Function;
import dev.nabla.symbolic.expr.Rational;
import dev.nabla.symbolic.expr.Relation;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Operator-precedence parser of the expression language (grammar in {@code docs/expressions.md}). It is
 * iterative: every construct still waiting for an operand (an open parenthesis or call, a prefix sign, a power
 * waiting for its exponent, a sum or product being gathered) is a {@link Frame} on an explicit stack, so no
 * input and no {@link ParseLimits#maxDepth()} can overflow the Java stack; nesting beyond the limit is refused
 * with a {@link ParseException}. The input length and the number of tokens are checked before any parsing, so
 * hostile input is refused in time linear in its length. Sums, products and {@code and}/{@code or} chains are
 * gathered into one n-ary node each, so long chains cost O(n log n).
 */
public final class Parser {
    private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "if", "pow", "norm", "sum");

    /** Binding powers, loosest first; the prefix signs {@code - + √ ∛} bind at {@link #SIGN}. */
    private static final int OR = 1;
    private static final int AND = 2;
    private static final int NOT = 3;
    private static final int COMPARE = 4;
    private static final int SUM = 5;
    private static final int PRODUCT = 6;
    private static final int SIGN = 7;
    private static final int POWER = 8;
    /** {@code )}, {@code ,} and the end of input: close everything up to the enclosing parenthesis. */
    private static final int CLOSE = 0;
    /** An operand right after an operand: implicit multiplication, refused. */
    private static final int JUXTAPOSED = -1;

    private enum Kind { CHAIN, PREFIX, COMPARE, POWER, GROUP, CALL }

    /** A construct waiting for its next operand. */
    private static final class Frame {
        final Kind kind;
        final int precedence;
        /** Where the construct's text starts: its first operand, its prefix sign, its '(' or its name. */
        final int start;
        /** The operator, '(' of a call, or the called name. */
        final String symbol;
        final List<Expr> operands = new ArrayList<>();
        final List<Integer> starts = new ArrayList<>();
        /** The operator before the next operand of a chain ({@code -} subtracts, {@code /} divides). */
        String pending;
        Function function;
        /** A superscript on the called name: {@code sin²(x)} is {@code sin(x)^2}. */
        double exponent = 1;

        Frame(Kind kind, int precedence, int start, String symbol) {
            this.kind = kind;
            this.precedence = precedence;
            this.start = start;
            this.symbol = symbol;
        }
    }

    private final String source;
    private final ParseLimits limits;
    private final Collection<String> variables;
    /** The variables as a set (a long list would make each name's look-up linear), or null. */
    private final Set<String> allowed;
    private final Lexer lexer;
    private final Deque<Frame> frames = new ArrayDeque<>();
    private int depth;
    /** The operand just read, and where its text starts. */
    private Expr operand;
    private int operandStart;
    /** True when the operand ended with a superscript or °, which may not be followed by ^. */
    private boolean postfixEnded;

    private Parser(String source, Collection<String> variables, ParseLimits limits) {
        this.source = source;
        this.limits = limits;
        this.variables = variables;
        this.allowed = variables == null ? null : new HashSet<>(variables);
        if (source.length() > limits.maxLength()) {
            throw new ParseException(source, limits.maxLength(), "a shorter input",
                    "input too long (" + source.length() + " characters, limit " + limits.maxLength() + ")");
        }
        this.lexer = new Lexer(source, limits.maxNodes());
    }

    /**
     * Parses a number-valued formula.
     *
     * @param variables the allowed variable names, or null to allow any identifier; {@code e} is Euler's
     *                  number unless it is listed here
     */
    public static Expr parse(String source, Collection<String> variables, ParseLimits limits) {
        Parser p = new Parser(source, variables, limits);
        int start = p.lexer.start(0);
        Expr e = p.parseAll();
        if (e.isCondition()) {
            throw new ParseException(source, start, "a number-valued formula",
                    "the formula is a condition, not a number (write if(condition, a, b))");
        }
        return e;
    }

    private Expr parseAll() {
        while (true) {
            readOperand();
            while (true) {
                readPostfix();
                int p = bindingPower();
                if (p == JUXTAPOSED) {
                    throw implicitMultiplication();
                }
                if (p == POWER && postfixEnded) {
                    throw error(lexer.start(), "an operator", "a superscript or ° cannot be followed by ^: write "
                            + "(…)^… with parentheses");
                }
                reduceBefore(p);
                Frame top = frames.peek();
                if (p != CLOSE) {
                    operator(top, p);
                    break;
                }
                if (lexer.kind() == Lexer.END) {
                    if (top != null) {
                        throw error("')'");
                    }
                    return operand;
                }
                if (top == null) {
                    throw error("an operator or the end of input");
                }
                if (lexer.symbol().equals(",")) {
                    if (top.kind != Kind.CALL) {
                        throw error("')'");
                    }
                    top.operands.add(operand);
                    top.starts.add(operandStart);
                    lexer.next();
                    break;
                }
                close(pop(), true);
            }
        }
    }

    // ---------------------------------------------------------------- operands

    /** Reads prefix signs, '(' and call openings (as frames) up to a number, a name or an empty call. */
    private void readOperand() {
        while (true) {
            int at = lexer.start();
            String symbol = lexer.symbol();
            switch (lexer.kind()) {
                case Lexer.NUMBER:
                    set(Expr.number(lexer.exact()), at);
                    lexer.next();
                    return;
                case Lexer.IDENT:
                    if (symbol.equals("not")) {
                        push(new Frame(Kind.PREFIX, NOT, at, symbol), at);
                        lexer.next();
                    } else if (readName()) {
                        return;
                    }
                    break;
                case Lexer.OPERATOR:
                    if (isSign(symbol)) {
                        push(new Frame(Kind.PREFIX, SIGN, at, symbol), at);
                    } else if (symbol.equals("(")) {
                        push(new Frame(Kind.GROUP, CLOSE, at, symbol), at);
                    } else {
                        throw error("an expression");
                    }
                    lexer.next();
                    break;
                default:
                    throw error("an expression");
            }
        }
    }

    private static boolean isSign(String symbol) {
        return symbol.equals("-") || symbol.equals("+") || symbol.equals("sqrt") || symbol.equals("cbrt");
    }

    /** A constant, a variable or the opening of a call; true when an operand was read. */
    private boolean readName() {
        int start = lexer.start();
        String name = lexer.symbol();
        String typed = lexer.text();
        lexer.next();
        if (name.equals("and") || name.equals("or")) {
            throw error(start, "an expression", "'" + name + "' needs conditions on both sides, e.g. x > 0 " + name
                    + " y > 0");
        }
        Function function = Function.byName(name).orElse(null);
        double exponent = 1;
        if (function != null && lexer.kind() == Lexer.SUPERSCRIPT && lexer.peekSymbol().equals("(")) {
            exponent = lexer.number();
            if (!(exponent >= 1)) {
                throw error(lexer.start(), "a positive exponent", typed + lexer.text() + " is ambiguous: write 1/"
                        + typed + "(…) for the reciprocal, or the inverse function (asin, acos, atan, …)");
            }
            lexer.next();
        }
        if (!isOperator("(")) {
            if (name.equals("pi")) {
                set(Expr.PI, start);
            } else if (name.equals("e") && (allowed == null || !allowed.contains("e"))) {
                set(Expr.E, start);
            } else if (function != null || KEYWORDS.contains(name)) {
                throw error(lexer.start(), "'('", typed + " is a function: write " + typed + "(…)");
            } else if (allowed != null && !allowed.contains(name)) {
                throw error(start, "a variable (" + String.join(", ", variables) + ")",
                        "unknown variable " + name + " (variables: " + String.join(", ", variables) + ")");
            } else {
                set(Expr.variable(name), start);
            }
            return true;
        }
        int open = lexer.start();
        if (function == null && !KEYWORDS.contains(name)) {
            if (name.equals("pi") || name.equals("e") || (allowed != null && allowed.contains(name))) {
                throw error(open, "an operator", typed + " is not a function; implicit multiplication is not "
                        + "supported: write " + typed + "*(…)");
            }
            throw error(start, "a function name", "unknown function " + typed + " (for multiplication write "
                    + typed + "*(…); implicit multiplication is not supported)");
        }
        Frame call = new Frame(Kind.CALL, CLOSE, start, name);
        call.function = function;
        call.exponent = exponent;
        push(call, open);
        lexer.next();
        if (isOperator(")")) {
            close(pop(), false);
            return true;
        }
        return false;
    }

    /** Superscript exponents and degrees after an operand: {@code x²}, {@code x⁻¹}, {@code 30°}. */
    private void readPostfix() {
        postfixEnded = false;
        while (true) {
            Expr base = operand;
            int start = operandStart;
            if (lexer.kind() == Lexer.SUPERSCRIPT) {
                Expr exponent = Expr.number(lexer.exact());
                set(build(start, () -> Expr.power(number(base, start), exponent)), start);
            } else if (isOperator("°")) {
                set(build(start, () -> degrees(number(base, start))), start);
            } else {
                return;
            }
            postfixEnded = true;
            lexer.next();
        }
    }

    /** u° = u·π/180, exactly: {@code 30°} is {@code pi/6}. */
    private static Expr degrees(Expr u) {
        return Expr.product(List.of(u, Expr.PI, Expr.number(Rational.of(1, 180))));
    }

    // ---------------------------------------------------------------- operators

    /** How tightly the current token binds as an operator after an operand. */
    private int bindingPower() {
        String s = lexer.symbol();
        switch (lexer.kind()) {
            case Lexer.END:
                return CLOSE;
            case Lexer.IDENT:
                return s.equals("or") ? OR : s.equals("and") ? AND : JUXTAPOSED;
            case Lexer.OPERATOR:
                switch (s) {
                    case "+": case "-": return SUM;
                    case "*": case "/": return PRODUCT;
                    case "^": return POWER;
                    case ")": case ",": return CLOSE;
                    default: return Relation.bySymbol(s) != null ? COMPARE : JUXTAPOSED;
                }
            default:
                return JUXTAPOSED;
        }
    }

    /** Completes the pending constructs that bind at least as tightly as an operator of power p. */
    private void reduceBefore(int p) {
        while (!frames.isEmpty()) {
            Frame f = frames.peek();
            if (f.kind == Kind.GROUP || f.kind == Kind.CALL || (f.kind == Kind.CHAIN && f.precedence == p)) {
                return;
            }
            if (f.kind == Kind.COMPARE && p == COMPARE) {
                throw error(lexer.start(), "'and'", "comparisons do not chain: write a < b and b < c");
            }
            boolean complete = f.kind == Kind.POWER ? p < POWER : f.precedence >= p;
            if (!complete) {
                return;
            }
            reduce(pop());
        }
    }

    /** A binary operator after the operand: extends the chain on top, or starts a new construct. */
    private void operator(Frame top, int p) {
        String s = lexer.symbol();
        int at = lexer.start();
        if (top != null && top.kind == Kind.CHAIN && top.precedence == p) {
            append(top);
            top.pending = s;
        } else if (p == COMPARE) {
            Frame f = new Frame(Kind.COMPARE, COMPARE, operandStart, s);
            f.operands.add(number(operand, operandStart));
            frames.push(f);
        } else if (p == POWER) {
            Frame f = new Frame(Kind.POWER, POWER, operandStart, s);
            f.operands.add(number(operand, operandStart));
            push(f, at);
        } else {
            Frame f = new Frame(Kind.CHAIN, p, operandStart, s);
            append(f);
            f.pending = s;
            frames.push(f);
        }
        lexer.next();
    }

    /** Adds the operand to a chain, negated after '-' and inverted after '/'. */
    private void append(Frame chain) {
        Expr e = operand;
        int at = operandStart;
        switch (chain.precedence) {
            case OR: case AND:
                chain.operands.add(condition(e, at));
                break;
            case SUM:
                Expr term = number(e, at);
                chain.operands.add("-".equals(chain.pending) ? build(at, () -> Expr.negate(term)) : term);
                break;
            default:
                Expr factor = number(e, at);
                chain.operands.add("/".equals(chain.pending) ? build(at, () -> Expr.power(factor, Expr.MINUS_ONE))
                        : factor);
                break;
        }
    }

    /** Completes a construct with the current operand as its last operand. */
    private void reduce(Frame f) {
        Expr e = operand;
        int at = operandStart;
        Expr result;
        switch (f.kind) {
            case PREFIX:
                if (f.precedence == NOT) {
                    Expr c = condition(e, at);
                    result = Expr.not(c);
                } else {
                    Expr u = number(e, at);
                    result = build(f.start, () -> sign(f.symbol, u));
                }
                break;
            case POWER: {
                Expr exponent = number(e, at);
                result = build(f.start, () -> Expr.power(f.operands.get(0), exponent));
                break;
            }
            case COMPARE: {
                Expr right = number(e, at);
                result = Expr.compare(Relation.bySymbol(f.symbol), f.operands.get(0), right);
                break;
            }
            default:
                append(f);
                result = chain(f);
                break;
        }
        set(result, f.start);
    }

    private static Expr sign(String symbol, Expr u) {
        switch (symbol) {
            case "-": return Expr.negate(u);
            case "sqrt": return Expr.call(Function.SQRT, u);
            case "cbrt": return Expr.call(Function.CBRT, u);
            default: return u;
        }
    }

    private Expr chain(Frame f) {
        List<Expr> xs = f.operands;
        switch (f.precedence) {
            case OR: case AND: {
                Expr r = xs.get(0);
                for (int i = 1; i < xs.size(); i++) {
                    r = f.precedence == OR ? Expr.or(r, xs.get(i)) : Expr.and(r, xs.get(i));
                }
                return r;
            }
            case SUM:
                return build(f.start, () -> Expr.sum(xs));
            default:
                return build(f.start, () -> Expr.product(xs));
        }
    }

    /**
     * ')' completes a parenthesis (the operand is unchanged, its text starts at '(') or a call, whose last
     * argument is the operand unless the call is empty.
     */
    private void close(Frame f, boolean lastArgument) {
        if (f.kind == Kind.GROUP) {
            set(operand, f.start);
        } else {
            if (lastArgument) {
                f.operands.add(operand);
                f.starts.add(operandStart);
            }
            set(call(f), f.start);
        }
        lexer.next();
    }

    private Expr call(Frame f) {
        String name = f.symbol;
        List<Expr> args = f.operands;
        List<Integer> at = f.starts;
        Expr result;
        if (name.equals("if")) {
            requireArity(name, 3, args.size(), f.start);
            Expr c = condition(args.get(0), at.get(0));
            Expr a = number(args.get(1), at.get(1));
            Expr b = number(args.get(2), at.get(2));
            result = Expr.ifThenElse(c, a, b);
        } else if (name.equals("pow")) {
            requireArity(name, 2, args.size(), f.start);
            Expr a = number(args.get(0), at.get(0));
            Expr b = number(args.get(1), at.get(1));
            result = build(f.start, () -> Expr.power(a, b));
        } else if (name.equals("sum") || name.equals("norm")) {
            // sum(a, b, …) = a + b + …; norm(a, b, …) = ‖(a, b, …)‖ = hypot(hypot(a, b), …), norm(a) = |a|
            for (int i = 0; i < args.size(); i++) {
                number(args.get(i), at.get(i));
            }
            result = build(f.start, () -> name.equals("sum") ? Expr.sum(args)
                    : args.size() == 1 ? Expr.call(Function.ABS, args.get(0)) : leftFold(Function.HYPOT, args));
        } else {
            boolean nary = args.size() > 2 && (f.function == Function.MIN || f.function == Function.MAX
                    || f.function == Function.HYPOT);
            if (!nary) {
                requireArity(name, f.function.arity(), args.size(), f.start);
            }
            for (int i = 0; i < args.size(); i++) {
                number(args.get(i), at.get(i));
            }
            result = build(f.start, () -> nary ? leftFold(f.function, args) : Expr.call(f.function, args));
        }
        if (f.exponent != 1) {
            Expr base = result;
            result = build(f.start, () -> Expr.power(base, Expr.number(f.exponent)));
        }
        return result;
    }

    /** f(f(f(a1, a2), a3), …): the n-ary max, min and hypot. */
    private static Expr leftFold(Function f, List<Expr> args) {
        Expr r = args.get(0);
        for (int i = 1; i < args.size(); i++) {
            r = Expr.call(f, r, args.get(i));
        }
        return r;
    }

    // ---------------------------------------------------------------- the stack and errors

    private void set(Expr e, int start) {
        operand = e;
        operandStart = start;
    }

    /** Pushes a frame that nests (a sign, a power, a parenthesis, a call), refusing nesting beyond the limit. */
    private void push(Frame f, int position) {
        if (++depth > limits.maxDepth()) {
            throw error(position, "less nesting", "nesting deeper than " + limits.maxDepth() + " levels");
        }
        frames.push(f);
    }

    private Frame pop() {
        Frame f = frames.pop();
        if (f.kind != Kind.CHAIN && f.kind != Kind.COMPARE) {
            depth--;
        }
        return f;
    }

    private boolean isOperator(String op) {
        return lexer.kind() == Lexer.OPERATOR && lexer.symbol().equals(op);
    }

    /**
     * Builds a node; constant folding that overflows a double (a refused fold, or a collected coefficient such
     * as 1e308*x + 1e308*x) is reported at the operands' start.
     */
    private Expr build(int start, Supplier<Expr> build) {
        Expr e;
        try {
            e = build.get();
        } catch (IllegalArgumentException overflow) {
            e = null;
        }
        if (e == null || !Double.isFinite(e.number()) || !e.args().stream().allMatch(a -> Double.isFinite(a.number()))) {
            throw error(start, "a finite constant", "constant overflow: the constants here exceed the range of a double");
        }
        return e;
    }

    private ParseException implicitMultiplication() {
        int from = operandStart;
        for (Frame f : frames) {
            if (f.kind == Kind.POWER || (f.kind == Kind.PREFIX && f.precedence == SIGN)) {
                from = f.start;
            } else {
                break;
            }
        }
        String before = source.substring(from, lexer.end(-1)).strip();
        String after = isOperator("(") ? "(…" : lexer.kind() == Lexer.OPERATOR ? lexer.text() + "…" : lexer.text();
        if (before.length() > 20) {
            before = "…";
        }
        return error(lexer.start(), "an operator", "implicit multiplication is not supported: write " + before + "*"
                + after);
    }

    private ParseException error(String expected) {
        return new ParseException(source, lexer.start(), expected,
                "expected " + expected + " but found " + lexer.describe());
    }

    private ParseException error(int position, String expected, String problem) {
        return new ParseException(source, position, expected, problem);
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
