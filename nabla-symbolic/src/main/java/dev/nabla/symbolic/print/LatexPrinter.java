package dev.nabla.symbolic.print;

import dev.nabla.symbolic.expr.Expr;
import dev.nabla.symbolic.expr.Function;
import dev.nabla.symbolic.expr.Numbers;
import dev.nabla.symbolic.expr.Rational;
import java.util.List;
import java.util.Set;

/**
 * LaTeX for an expression, as KaTeX and MathJax render it: {@code \frac{…}{…}} for quotients, {@code x^{2}},
 * {@code \sin\left(y\right)}, {@code \sqrt{…}}, {@code \left|…\right|}, {@code e^{…}} for exp, and
 * {@code \begin{cases}…\end{cases}} for {@code if}. Greek variable names become letters ({@code theta → \theta}),
 * trailing digits subscripts ({@code x1 → x_{1}}).
 */
public final class LatexPrinter {
    private static final Set<String> GREEK = Set.of("alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta",
            "theta", "iota", "kappa", "lambda", "mu", "nu", "xi", "rho", "sigma", "tau", "upsilon", "phi", "chi",
            "psi", "omega", "Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi", "Sigma", "Upsilon", "Phi", "Psi", "Omega");

    private final StringBuilder out = new StringBuilder();

    private LatexPrinter() {
    }

    public static String print(Expr e) {
        LatexPrinter p = new LatexPrinter();
        p.write(e);
        return p.out.toString();
    }

    private void append(String s) {
        out.append(s);
        if (out.length() > PlainPrinter.MAX_LENGTH) {
            throw new IllegalStateException("expression too large to print");
        }
    }

    private void write(Expr e, int minPrecedence) {
        if (PlainPrinter.precedence(e) < minPrecedence) {
            append("\\left(");
            write(e);
            append("\\right)");
        } else {
            write(e);
        }
    }

    private void write(Expr e) {
        switch (e.kind()) {
            case NUMBER: number(e.rational()); break;
            case CONSTANT: append(e.name().equals("pi") ? "\\pi" : "e"); break;
            case VARIABLE: append(name(e.name())); break;
            case SUM: writeSum(e); break;
            case PRODUCT: writeProduct(e); break;
            case POWER:
                if (PlainPrinter.isQuotient(e)) {
                    writeProduct(e);
                } else if (e.arg(0).kind() == Expr.Kind.CALL && e.arg(0).function() != Function.ABS
                        && e.arg(0).function() != Function.SQRT && e.arg(0).function() != Function.EXP) {
                    append("\\left(");
                    write(e.arg(0));
                    append("\\right)^{");
                    write(e.arg(1));
                    append("}");
                } else {
                    write(e.arg(0), PlainPrinter.ATOM);
                    append("^{");
                    write(e.arg(1));
                    append("}");
                }
                break;
            case CALL: writeCall(e); break;
            case IF:
                append("\\begin{cases} ");
                write(e.arg(1));
                append(" & \\text{if } ");
                write(e.arg(0));
                append(" \\\\ ");
                write(e.arg(2));
                append(" & \\text{otherwise} \\end{cases}");
                break;
            case COMPARE:
                write(e.arg(0));
                append(" " + relation(e.relation().symbol()) + " ");
                write(e.arg(1));
                break;
            case AND: case OR:
                writeCondition(e.arg(0));
                append(e.kind() == Expr.Kind.AND ? " \\land " : " \\lor ");
                writeCondition(e.arg(1));
                break;
            case NOT:
                append("\\lnot ");
                writeCondition(e.arg(0));
                break;
            case TRUE: append("\\text{true}"); break;
            case FALSE: append("\\text{false}"); break;
            default: throw new AssertionError(e.kind());
        }
    }

    private void writeCondition(Expr c) {
        boolean parens = c.kind() == Expr.Kind.AND || c.kind() == Expr.Kind.OR;
        if (parens) {
            append("\\left(");
        }
        write(c);
        if (parens) {
            append("\\right)");
        }
    }

    private static String relation(String symbol) {
        switch (symbol) {
            case "<=": return "\\le";
            case ">=": return "\\ge";
            case "==": return "=";
            case "!=": return "\\ne";
            default: return symbol;
        }
    }

    /** A decimal as written ({@code 10^{…}} for exponents), a fraction as {@code \\frac{p}{q}}. */
    private void number(Rational v) {
        if (!v.isDecimal()) {
            append((v.signum() < 0 ? "-" : "") + "\\frac{" + v.numerator().abs() + "}{" + v.denominator() + "}");
            return;
        }
        String s = Numbers.format(v);
        int e = s.indexOf('e');
        append(e < 0 ? s : s.substring(0, e) + " \\cdot 10^{" + s.substring(e + 1) + "}");
    }

    static String name(String n) {
        int d = n.length();
        while (d > 1 && Character.isDigit(n.charAt(d - 1))) {
            d--;
        }
        String stem = n.substring(0, d);
        String sub = n.substring(d);
        String s = GREEK.contains(stem) ? "\\" + stem
                : stem.length() == 1 ? stem.replace("_", "\\_") : "\\mathrm{" + stem.replace("_", "\\_") + "}";
        return sub.isEmpty() ? s : s + "_{" + sub + "}";
    }

    private void writeSum(Expr e) {
        boolean first = true;
        java.util.List<Expr> terms = new java.util.ArrayList<>(e.args());
        if (e.rational().signum() != 0) {
            terms.add(Expr.number(e.rational()));
        }
        PlainPrinter.leadWithPositiveTerm(terms);
        for (Expr t : terms) {
            if (first) {
                write(t, PlainPrinter.SUM);
            } else if (PlainPrinter.isNegative(t)) {
                append(" - ");
                write(Expr.negate(t), PlainPrinter.PRODUCT);
            } else {
                append(" + ");
                write(t, PlainPrinter.SUM);
            }
            first = false;
        }
    }

    private void writeProduct(Expr e) {
        Rational[] c = PlainPrinter.coefficient(e.kind() == Expr.Kind.PRODUCT ? e.rational() : Rational.ONE);
        if (c[0].signum() < 0) {
            append("-");
            c[0] = c[0].negate();
        }
        List<List<Expr>> f = PlainPrinter.fraction(e);
        List<Expr> num = f.get(0);
        List<Expr> den = new java.util.ArrayList<>(f.get(1));
        if (!c[1].equals(Rational.ONE)) {
            den.add(0, Expr.number(c[1]));
        }
        if (!den.isEmpty()) {
            append("\\frac{");
            factors(c[0], num, true);
            append("}{");
            factors(Rational.ONE, den, true);
            append("}");
        } else {
            factors(c[0], num, false);
        }
    }

    private void factors(Rational c, List<Expr> fs, boolean braced) {
        if (braced && c.equals(Rational.ONE) && fs.size() == 1) {
            write(fs.get(0));
            return;
        }
        boolean any = false;
        boolean lastNumeric = false;
        if (!c.equals(Rational.ONE) || fs.isEmpty()) {
            number(c);
            any = true;
            lastNumeric = true;
        }
        for (Expr f : fs) {
            boolean numericStart = f.kind() == Expr.Kind.NUMBER
                    || (f.kind() == Expr.Kind.POWER && f.arg(0).kind() == Expr.Kind.NUMBER);
            if (any) {
                append(lastNumeric && numericStart ? " \\cdot " : " ");
            }
            write(f, PlainPrinter.POWER);
            any = true;
            lastNumeric = false;
        }
    }

    private void writeCall(Expr e) {
        Function f = e.function();
        Expr u = e.arg(0);
        switch (f) {
            case SQRT: append("\\sqrt{"); write(u); append("}"); return;
            case CBRT: append("\\sqrt[3]{"); write(u); append("}"); return;
            case ABS: append("\\left|"); write(u); append("\\right|"); return;
            case EXP: append("e^{"); write(u); append("}"); return;
            default: break;
        }
        String name;
        switch (f) {
            case SIN: case COS: case TAN: case SEC: case CSC: case COT: case SINH: case COSH: case TANH:
            case MIN: case MAX:
                name = "\\" + f.symbol(); break;
            case ASIN: name = "\\arcsin"; break;
            case ACOS: name = "\\arccos"; break;
            case ATAN: name = "\\arctan"; break;
            case LOG: name = "\\ln"; break;
            case LOG10: name = "\\log_{10}"; break;
            case LOG2: name = "\\log_{2}"; break;
            case SIGN: name = "\\operatorname{sgn}"; break;
            default: name = "\\operatorname{" + f.symbol() + "}"; break;
        }
        append(name + "\\left(");
        List<Expr> args = PlainPrinter.naryArgs(e);
        write(args.get(0));
        for (int i = 1; i < args.size(); i++) {
            append(", ");
            write(args.get(i));
        }
        append("\\right)");
    }
}
