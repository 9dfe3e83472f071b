package dev.nabla.symbolic.print;

import dev.nabla.symbolic.expr.Expr;
import dev.nabla.symbolic.expr.Function;
import dev.nabla.symbolic.expr.Numbers;
import dev.nabla.symbolic.expr.Rational;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Plain text in the syntax of the expression language, with the fewest parentheses that keep the meaning:
 * {@code parse(print(e)) == e}. Differences are written {@code a - b}, quotients {@code a/(b*c)}, negative
 * powers as quotients, no {@code 1*}, {@code + 0} or {@code x^1} (the canonical form has none).
 */
public final class PlainPrinter {
    /** Output longer than this is refused: a DAG with much sharing can print exponentially long. */
    public static final int MAX_LENGTH = 4_000_000;

    static final int SUM = 1;
    static final int PRODUCT = 2;
    static final int POWER = 4;
    static final int ATOM = 5;

    private final StringBuilder out = new StringBuilder();

    private PlainPrinter() {
    }

    /** The expression as text that parses back to it. */
    public static String print(Expr e) {
        PlainPrinter p = new PlainPrinter();
        p.write(e);
        return p.out.toString();
    }

    /** The text, cut to at most max characters with an ellipsis (for messages). */
    public static String abbreviate(Expr e, int max) {
        String s;
        try {
            s = print(e);
        } catch (IllegalStateException tooLong) {
            s = "…";
        }
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /** The binding strength of e's printed form: 1 sum, 2 product/quotient/negation, 4 power, 5 atom. */
    static int precedence(Expr e) {
        switch (e.kind()) {
            case SUM: return SUM;
            case PRODUCT: return PRODUCT;
            case NUMBER: return e.rational().signum() < 0 || !e.rational().isDecimal() ? PRODUCT : ATOM;
            case POWER: return isQuotient(e) ? PRODUCT : POWER;
            default: return ATOM;
        }
    }

    /**
     * True for b^(-k) with a negative integer exponent and a base that is not a number: printed as a quotient
     * ({@code 1/x^2}; a fractional power stays a power, {@code x^(-2/3)}).
     * A number's negative power stays a power ({@code 0^(-1)}, {@code 1e-200^(-2)}): it is unfolded only because
     * its value is not finite, and b^k in a denominator would fold to a different number (0^1 = 0, 1e-400 = 0).
     */
    public static boolean isReciprocalOf(Expr e) {
        return isReciprocal(e);
    }

    static boolean isReciprocal(Expr e) {
        return e.kind() == Expr.Kind.POWER && e.arg(1).isInteger() && e.arg(1).rational().signum() < 0
                && !e.arg(0).isNumber();
    }

    /**
     * True when the reciprocal power b^(-k) prints as the quotient 1/b^k: when reading 1/b^k back builds it
     * again (it does not where b^k would fold a constant that b^(-k) could not, e.g. (1e-647*x)^(-1)).
     */
    static boolean isQuotient(Expr e) {
        if (!isReciprocal(e)) {
            return false;
        }
        try {
            return Expr.power(Expr.power(e.arg(0), Expr.negate(e.arg(1))), Expr.MINUS_ONE) == e;
        } catch (IllegalArgumentException outOfRange) {
            return false;
        }
    }

    /** A term printed after " - " in a sum: true when it carries a negative sign. */
    static boolean isNegative(Expr e) {
        return (e.kind() == Expr.Kind.PRODUCT || e.kind() == Expr.Kind.NUMBER) && e.rational().signum() < 0;
    }

    /** Moves the first term without a minus sign to the front (y - x rather than -x + y), if there is one. */
    static void leadWithPositiveTerm(List<Expr> terms) {
        if (isNegative(terms.get(0))) {
            for (int i = 1; i < terms.size(); i++) {
                if (!isNegative(terms.get(i))) {
                    terms.add(0, terms.remove(i));
                    return;
                }
            }
        }
    }

    /**
     * The coefficient of a product split for printing: {numerator, denominator}, the denominator 1 unless the
     * coefficient reads as a fraction ({@code 2/3 → {2, 3}}, {@code 0.5 → {1, 2}}, {@code 1e-5 → {1e-5, 1}}).
     */
    static Rational[] coefficient(Rational c) {
        if (Numbers.isFraction(c)) {
            return new Rational[] {Rational.of(c.numerator(), BigInteger.ONE), Rational.of(c.denominator(), BigInteger.ONE)};
        }
        return new Rational[] {c, Rational.ONE};
    }

    /** Numerator and denominator factors of a product (or reciprocal power) with positive exponents. */
    static List<List<Expr>> fraction(Expr e) {
        List<Expr> num = new ArrayList<>();
        List<Expr> den = new ArrayList<>();
        List<Expr> factors = e.kind() == Expr.Kind.PRODUCT ? e.args() : List.of(e);
        for (Expr f : factors) {
            if (isQuotient(f)) {
                den.add(Expr.power(f.arg(0), Expr.negate(f.arg(1))));
            } else {
                num.add(f);
            }
        }
        return List.of(num, den);
    }

    /**
     * The arguments of a call, those of max, min and hypot nested in their first argument gathered:
     * max(max(x, y), z) is written max(x, y, z), which reads back to it.
     */
    static List<Expr> naryArgs(Expr call) {
        Function f = call.function();
        if (f != Function.MAX && f != Function.MIN && f != Function.HYPOT) {
            return call.args();
        }
        List<Expr> args = new ArrayList<>();
        Expr e = call;
        while (e.kind() == Expr.Kind.CALL && e.function() == f) {
            args.add(e.arg(1));
            e = e.arg(0);
        }
        args.add(e);
        java.util.Collections.reverse(args);
        return args;
    }

    private void append(String s) {
        out.append(s);
        if (out.length() > MAX_LENGTH) {
            throw new IllegalStateException("expression too large to print (over " + MAX_LENGTH + " characters)");
        }
    }

    private void write(Expr e, int minPrecedence) {
        if (precedence(e) < minPrecedence) {
            append("(");
            write(e);
            append(")");
        } else {
            write(e);
        }
    }

    private void write(Expr e) {
        switch (e.kind()) {
            case NUMBER: append(Numbers.format(e.rational())); break;
            case CONSTANT: case VARIABLE: append(e.name()); break;
            case SUM: writeSum(e); break;
            case PRODUCT: writeProduct(e); break;
            case POWER:
                if (isQuotient(e)) {
                    writeProduct(e);
                } else {
                    write(e.arg(0), ATOM);
                    append("^");
                    Expr x = e.arg(1);
                    write(x, x.kind() == Expr.Kind.POWER && !isQuotient(x) ? POWER : ATOM);
                }
                break;
            case CALL:
                append(e.function().symbol());
                writeArgs(naryArgs(e));
                break;
            case IF:
                append("if");
                writeArgs(e.args());
                break;
            case COMPARE:
                write(e.arg(0));
                append(" " + e.relation().symbol() + " ");
                write(e.arg(1));
                break;
            case AND: case OR:
                writeCondition(e.arg(0), e.kind(), false);
                append(e.kind() == Expr.Kind.AND ? " and " : " or ");
                writeCondition(e.arg(1), e.kind(), true);
                break;
            case NOT:
                append("not ");
                writeCondition(e.arg(0), Expr.Kind.NOT, true);
                break;
            case TRUE: append("1 == 1"); break;
            case FALSE: append("1 != 1"); break;
            default: throw new AssertionError(e.kind());
        }
    }

    private void writeCondition(Expr c, Expr.Kind parent, boolean right) {
        boolean logical = c.kind() == Expr.Kind.AND || c.kind() == Expr.Kind.OR;
        boolean parens = logical && (parent == Expr.Kind.NOT || (parent == Expr.Kind.AND && c.kind() == Expr.Kind.OR)
                || (c.kind() == parent && right));
        if (parens) {
            append("(");
        }
        write(c);
        if (parens) {
            append(")");
        }
    }

    private void writeArgs(List<Expr> args) {
        append("(");
        for (int i = 0; i < args.size(); i++) {
            if (i > 0) {
                append(", ");
            }
            write(args.get(i));
        }
        append(")");
    }

    private void writeSum(Expr e) {
        boolean first = true;
        List<Expr> terms = new ArrayList<>(e.args());
        if (e.rational().signum() != 0) {
            terms.add(Expr.number(e.rational()));
        }
        leadWithPositiveTerm(terms);
        for (Expr t : terms) {
            if (first) {
                write(t, SUM);
            } else if (isNegative(t)) {
                append(" - ");
                write(Expr.negate(t), PRODUCT);
            } else {
                append(" + ");
                write(t, SUM);
            }
            first = false;
        }
    }

    private void writeProduct(Expr e) {
        Rational[] c = coefficient(e.kind() == Expr.Kind.PRODUCT ? e.rational() : Rational.ONE);
        if (c[0].signum() < 0) {
            append("-");
            c[0] = c[0].negate();
        }
        List<List<Expr>> f = fraction(e);
        List<Expr> num = f.get(0);
        List<Expr> den = new ArrayList<>(f.get(1));
        if (!c[1].equals(Rational.ONE)) {
            den.add(0, Expr.number(c[1]));
        }
        boolean any = false;
        if (!c[0].equals(Rational.ONE) || num.isEmpty()) {
            append(Numbers.format(c[0]));
            any = true;
        }
        for (Expr n : num) {
            if (any) {
                append("*");
            }
            write(n, POWER);
            any = true;
        }
        if (den.size() > 1 && groupsBack(den)) {
            append("/(");
            for (int i = 0; i < den.size(); i++) {
                if (i > 0) {
                    append("*");
                }
                write(den.get(i), POWER);
            }
            append(")");
        } else {
            for (Expr d : den) {
                append("/");
                write(d, POWER);
            }
        }
    }

    /**
     * True when 1/(d1*…*dk) builds the same node as d1^-1*…*dk^-1, so that the denominator can be written in one
     * parenthesis; else (a product rule such as a*if(c, b, 0) = if(c, a*b, 0) would rewrite the grouped
     * denominator) it is written a/d1/…/dk.
     */
    private static boolean groupsBack(List<Expr> den) {
        List<Expr> inverses = new ArrayList<>();
        for (Expr d : den) {
            inverses.add(Expr.power(d, Expr.MINUS_ONE));
        }
        try {
            return Expr.power(Expr.product(den), Expr.MINUS_ONE) == Expr.product(inverses);
        } catch (IllegalArgumentException overflow) {
            return false;
        }
    }
}
