package dev.nabla.symbolic.expr;

/**
 * The canonical order of operands: a total order on expressions that reads like hand-written mathematics.
 * Every expression is seen as a product of factors {@code base^exponent}; products compare factor by factor,
 * bases by kind (numbers, named constants, variables, function calls, sums, …) and then by content, higher
 * powers of the same base first; calls and compound bases of different height compare by height first, which keeps
 * comparisons cheap on deep expressions. So {@code 2*x*sin(y)}, {@code x^2*cos(y) + 3*y^2}, {@code x^2 + x + 1}.
 */
public final class Order {
    private Order() {
    }

    public static int compare(Expr a, Expr b) {
        if (a == b) {
            return 0;
        }
        boolean pa = a.kind() == Expr.Kind.PRODUCT;
        boolean pb = b.kind() == Expr.Kind.PRODUCT;
        int na = pa ? a.arity() : 1;
        int nb = pb ? b.arity() : 1;
        for (int i = 0; i < Math.min(na, nb); i++) {
            int c = compareFactor(pa ? a.arg(i) : a, pb ? b.arg(i) : b);
            if (c != 0) {
                return c;
            }
        }
        if (na != nb) {
            return Integer.compare(na, nb);
        }
        return (pa ? a.rational() : Rational.ONE).compareTo(pb ? b.rational() : Rational.ONE);
    }

    private static int compareFactor(Expr a, Expr b) {
        if (a == b) {
            return 0;
        }
        Expr ba = a.kind() == Expr.Kind.POWER ? a.arg(0) : a;
        Expr bb = b.kind() == Expr.Kind.POWER ? b.arg(0) : b;
        int c = compareAtom(ba, bb);
        if (c != 0) {
            return c;
        }
        Expr ea = a.kind() == Expr.Kind.POWER ? a.arg(1) : Expr.ONE;
        Expr eb = b.kind() == Expr.Kind.POWER ? b.arg(1) : Expr.ONE;
        return -compare(ea, eb);
    }

    private static int rank(Expr.Kind k) {
        switch (k) {
            case NUMBER: return 0;
            case CONSTANT: return 1;
            case VARIABLE: return 2;
            case CALL: return 3;
            case SUM: return 4;
            case PRODUCT: return 5;
            case POWER: return 6;
            case IF: return 7;
            default: return 8 + k.ordinal();
        }
    }

    private static int compareAtom(Expr a, Expr b) {
        if (a == b) {
            return 0;
        }
        int c = Integer.compare(rank(a.kind()), rank(b.kind()));
        if (c != 0) {
            return c;
        }
        switch (a.kind()) {
            case NUMBER:
                return a.rational().compareTo(b.rational());
            case CONSTANT:
            case VARIABLE:
                return compareNames(a.name(), b.name());
            case CALL:
                c = a.function().symbol().compareTo(b.function().symbol());
                if (c != 0) {
                    return c;
                }
                c = Integer.compare(a.depth(), b.depth());
                return c != 0 ? c : compareArgs(a, b);
            case PRODUCT:
                return compare(a, b);
            case COMPARE:
                c = compareArgs(a, b);
                return c != 0 ? c : a.relation().compareTo(b.relation());
            default:
                c = Integer.compare(a.depth(), b.depth());
                if (c != 0) {
                    return c;
                }
                c = compareArgs(a, b);
                return c != 0 ? c : a.rational().compareTo(b.rational());
        }
    }

    private static int compareArgs(Expr a, Expr b) {
        for (int i = 0; i < Math.min(a.arity(), b.arity()); i++) {
            int c = compare(a.arg(i), b.arg(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.arity(), b.arity());
    }

    /** Names in natural order: x2 before x10 (a trailing number compares by value). */
    public static int compareNames(String a, String b) {
        int sa = digitsStart(a);
        int sb = digitsStart(b);
        if (sa < a.length() && sb < b.length() && sa == sb && a.regionMatches(0, b, 0, sa)) {
            int za = skipZeros(a, sa);
            int zb = skipZeros(b, sb);
            int c = Integer.compare(a.length() - za, b.length() - zb);
            if (c == 0) {
                c = a.substring(za).compareTo(b.substring(zb));
            }
            if (c != 0) {
                return c;
            }
        }
        return a.compareTo(b);
    }

    private static int skipZeros(String s, int from) {
        int i = from;
        while (i < s.length() - 1 && s.charAt(i) == '0') {
            i++;
        }
        return i;
    }

    private static int digitsStart(String s) {
        int i = s.length();
        while (i > 0 && Character.isDigit(s.charAt(i - 1))) {
            i--;
        }
        return i;
    }
}
