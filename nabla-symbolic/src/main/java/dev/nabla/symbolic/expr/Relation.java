package dev.nabla.symbolic.expr;

/** The comparisons usable in conditions. */
public enum Relation {
    LT("<"), LE("<="), GT(">"), GE(">="), EQ("=="), NE("!=");

    private final String symbol;

    Relation(String symbol) {
        this.symbol = symbol;
    }

    /** As written in formulas, e.g. {@code "<="}. */
    public String symbol() {
        return symbol;
    }

    /** a relation b. */
    public boolean holds(double a, double b) {
        switch (this) {
            case LT: return a < b;
            case LE: return a <= b;
            case GT: return a > b;
            case GE: return a >= b;
            case EQ: return a == b;
            default: return a != b;
        }
    }

    /** The relation written by symbol, or null. */
    public static Relation bySymbol(String symbol) {
        for (Relation r : values()) {
            if (r.symbol.equals(symbol)) {
                return r;
            }
        }
        return null;
    }
}
