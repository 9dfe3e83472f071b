package dev.nabla.symbolic.expr;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The elementary functions of the expression language, with their arity, their value and their domain.
 * {@code ln} is an alias of {@link #LOG}; {@code pow(a, b)} is the power {@code a^b} and not a function here.
 */
public enum Function {
    SIN(1), COS(1), TAN(1), SEC(1), CSC(1), COT(1), ASIN(1), ACOS(1), ATAN(1), ATAN2(2),
    SINH(1), COSH(1), TANH(1), ASINH(1), ACOSH(1), ATANH(1),
    EXP(1), LOG(1), LOG10(1), LOG2(1), SQRT(1), CBRT(1), ABS(1), SIGN(1), MIN(2), MAX(2), HYPOT(2);

    private static final Map<String, Function> BY_NAME = new TreeMap<>();

    static {
        for (Function f : values()) {
            BY_NAME.put(f.symbol(), f);
        }
        BY_NAME.put("ln", LOG);
    }

    private final int arity;

    Function(int arity) {
        this.arity = arity;
    }

    /** The number of arguments. */
    public int arity() {
        return arity;
    }

    /** The name written in formulas, e.g. {@code "sin"}. */
    public String symbol() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The function written {@code name} (aliases included), if any. */
    public static Optional<Function> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** True for the primitives whose derivative has kinks or jumps (abs, sign, min, max). */
    public boolean isNonSmooth() {
        return this == ABS || this == SIGN || this == MIN || this == MAX;
    }

    /** f(a) or f(a, b), with IEEE semantics (no domain check; see {@link #domainViolation}). */
    public double apply(double a, double b) {
        switch (this) {
            case SIN: return Math.sin(a);
            case COS: return Math.cos(a);
            case TAN: return Math.tan(a);
            case SEC: return 1 / Math.cos(a);
            case CSC: return 1 / Math.sin(a);
            case COT: return Math.cos(a) / Math.sin(a);
            case ASIN: return Math.asin(a);
            case ACOS: return Math.acos(a);
            case ATAN: return Math.atan(a);
            case ATAN2: return Math.atan2(a, b);
            case SINH: return Math.sinh(a);
            case COSH: return Math.cosh(a);
            case TANH: return Math.tanh(a);
            case ASINH: return Math.abs(a) > 1e8 ? Math.signum(a) * (Math.log(Math.abs(a)) + Math.log(2))
                    : Math.log(a + Math.sqrt(a * a + 1));
            case ACOSH: return a > 1e8 ? Math.log(a) + Math.log(2) : Math.log(a + Math.sqrt(a * a - 1));
            case ATANH: return 0.5 * Math.log1p(2 * a / (1 - a));
            case EXP: return Math.exp(a);
            case LOG: return Math.log(a);
            case LOG10: return Math.log10(a);
            case LOG2: return Math.log(a) / Math.log(2);
            case SQRT: return Math.sqrt(a);
            case CBRT: return Math.cbrt(a);
            case ABS: return Math.abs(a);
            case SIGN: return Math.signum(a);
            case MIN: return Math.min(a, b);
            case MAX: return Math.max(a, b);
            case HYPOT: return Math.hypot(a, b);
            default: throw new AssertionError(this);
        }
    }

    /**
     * Why f is undefined at (a, b), e.g. {@code "log of -1 (argument must be > 0)"}, or null when it is defined.
     */
    public String domainViolation(double a, double b) {
        String of = symbol() + " of " + Numbers.format(a);
        switch (this) {
            case SEC: return Math.cos(a) == 0 ? of + " (cos is 0)" : null;
            case CSC: case COT: return Math.sin(a) == 0 ? of + " (sin is 0)" : null;
            case ASIN: case ACOS: return Math.abs(a) > 1 ? of + " (argument must be in [-1, 1])" : null;
            case ATAN2: return a == 0 && b == 0 ? "atan2 of (0, 0) (undefined at the origin)" : null;
            case ACOSH: return a < 1 ? of + " (argument must be >= 1)" : null;
            case ATANH: return Math.abs(a) >= 1 ? of + " (argument must be in (-1, 1))" : null;
            case LOG: case LOG10: case LOG2: return a <= 0 ? of + " (argument must be > 0)" : null;
            case SQRT: return a < 0 ? of + " (argument must be >= 0)" : null;
            default: return null;
        }
    }
}
