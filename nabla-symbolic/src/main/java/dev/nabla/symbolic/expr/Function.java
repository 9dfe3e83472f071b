package dev.nabla.symbolic.expr;

import dev.nabla.core.prim.Primitive;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The elementary functions of the expression language: names for entries of the table of primitives
 * ({@link Primitive}), which holds their arity, value, domain, derivative rules and kinks.
 * {@code ln} is an alias of {@link #LOG}; {@code pow(a, b)} is the power {@code a^b} and not a function here.
 */
public enum Function {
    SIN(1), COS(1), TAN(1), SEC(1), CSC(1), COT(1), ASIN(1), ACOS(1), ATAN(1), ATAN2(2),
    SINH(1), COSH(1), TANH(1), ASINH(1), ACOSH(1), ATANH(1),
    EXP(1), LOG(1), LOG10(1), LOG2(1), SQRT(1), CBRT(1), ABS(1), SIGN(1), MIN(2), MAX(2), HYPOT(2),
    LOG1P(1), EXPM1(1), ERF(1);

    private static final Map<String, Function> BY_NAME = new TreeMap<>();
    private static final Map<Primitive, Function> BY_PRIMITIVE = new EnumMap<>(Primitive.class);

    static {
        for (Function f : values()) {
            BY_NAME.put(f.symbol(), f);
            BY_PRIMITIVE.put(f.primitive, f);
        }
        BY_NAME.put("ln", LOG);
    }

    private final int arity;
    private final Primitive primitive;

    Function(int arity) {
        this.arity = arity;
        this.primitive = Primitive.valueOf(name());
        if (primitive.arity() != arity) {
            throw new AssertionError(this + ": arity differs from the table's");
        }
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

    /** The table's entry for this function: its value, domain, rules and kinks. */
    public Primitive primitive() {
        return primitive;
    }

    /** f(a) or f(a, b), with IEEE semantics (no domain check; see {@link #domainViolation}): the table's value. */
    public double apply(double a, double b) {
        return primitive.value(a, b);
    }

    /**
     * Why f is undefined at (a, b), e.g. {@code "log of -1 (argument must be > 0)"}, or null when it is defined
     * (the table's domain).
     */
    public String domainViolation(double a, double b) {
        return primitive.domainViolation(a, b);
    }

    /** The function of the language for a primitive of the table, if it has one. */
    public static Optional<Function> of(Primitive p) {
        return Optional.ofNullable(BY_PRIMITIVE.get(p));
    }
}
