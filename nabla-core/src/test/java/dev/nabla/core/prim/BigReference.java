package dev.nabla.core.prim;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * 60-digit references for every primitive of the table at a point, from {@link BigMath}'s series (independent
 * of the JDK's doubles and of the table's definitions): an exact value, or a bracket [lo, hi] that certainly
 * holds it where 60 digits cannot (erf beyond 6, tanh beyond 100, e^a below e^-800), or none (trigonometric
 * arguments beyond 1e30, which 200 digits of π cannot reduce).
 */
public final class BigReference {
    private static final MathContext MC = BigMath.MC;
    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    private static final BigDecimal TINY = new BigDecimal("1e-340");

    private BigReference() {
    }

    /**
     * A bracket that holds the exact value.
     *
     * @param lo the lower end
     * @param hi the upper end (lo when the value is known to 60 digits)
     */
    public record Bracket(BigDecimal lo, BigDecimal hi) {
        static Bracket exactly(BigDecimal x) {
            return new Bracket(x, x);
        }

        /** The value, when it is known to 60 digits. */
        public BigDecimal value() {
            return lo.equals(hi) ? lo : null;
        }
    }

    /** The exact number a double stands for. */
    public static BigDecimal exact(double x) {
        return new BigDecimal(x);
    }

    /** p(a, b) in 60 digits (or bracketed), or null where there is no reference; (a, b) in p's domain. */
    public static Bracket value(Primitive p, double a, double b) {
        BigDecimal x = new BigDecimal(a);
        BigDecimal y = new BigDecimal(b);
        BigDecimal one = BigDecimal.ONE;
        boolean trig = Math.abs(a) > 1e30;
        BigDecimal v = switch (p) {
            case ADD -> x.add(y);
            case SUBTRACT -> x.subtract(y);
            case MULTIPLY -> x.multiply(y);
            case DIVIDE -> x.divide(y, MC);
            case NEGATE -> x.negate();
            case POW -> power(x, a, b);  // null where e^(b log |a|) is beyond e^±800
            case EXP -> a < -800 ? null : BigMath.exp(x);
            case LOG -> BigMath.log(x);
            case LOG1P -> BigMath.log1p(x);
            case EXPM1 -> a < -800 ? null : BigMath.expm1(x);
            case SQRT -> BigMath.sqrt(x);
            case CBRT -> a == 0 ? BigDecimal.ZERO : signed(BigMath.exp(BigMath.log(x.abs()).divide(BigDecimal.valueOf(3), MC)), a);
            case SIN -> trig ? null : BigMath.sin(x);
            case COS -> trig ? null : BigMath.cos(x);
            case TAN -> trig ? null : BigMath.sin(x).divide(BigMath.cos(x), MC);
            case SEC -> trig ? null : one.divide(BigMath.cos(x), MC);
            case CSC -> trig ? null : one.divide(BigMath.sin(x), MC);
            case COT -> trig ? null : BigMath.cos(x).divide(BigMath.sin(x), MC);
            case ASIN -> asin(x);
            case ACOS -> BigMath.PI.divide(TWO, MC).subtract(asin(x), MC);
            case ATAN -> BigMath.atan(x);
            case ATAN2 -> atan2(x, y);
            case SINH -> Math.abs(a) < 1e-3 ? sinhSeries(x)
                    : BigMath.exp(x).subtract(BigMath.exp(x.negate()), MC).divide(TWO, MC);
            case COSH -> BigMath.exp(x).add(BigMath.exp(x.negate()), MC).divide(TWO, MC);
            case TANH -> Math.abs(a) > 100 ? null : Math.abs(a) < 1e-3
                    ? sinhSeries(x).divide(BigMath.exp(x).add(BigMath.exp(x.negate()), MC).divide(TWO, MC), MC)
                    : BigMath.expm1(x.multiply(TWO)).divide(BigMath.exp(x.multiply(TWO)).add(one), MC);
            case ASINH -> BigMath.asinh(x);
            case ACOSH -> BigMath.acosh(x);
            case ATANH -> BigMath.atanh(x);
            case ABS -> x.abs();
            case SIGN -> BigDecimal.valueOf(x.signum());
            case MIN -> x.min(y);
            case MAX -> x.max(y);
            case HYPOT -> BigMath.sqrt(x.multiply(x).add(y.multiply(y)));
            case LOG10 -> BigMath.log(x).divide(BigMath.log(BigDecimal.TEN), MC);
            case LOG2 -> BigMath.log(x).divide(BigMath.log(TWO), MC);
            case ERF -> Math.abs(a) > 6 ? null : BigMath.erf(x);
        };
        if (v != null) {
            return Bracket.exactly(v);
        }
        return switch (p) {
            case EXP -> new Bracket(BigDecimal.ZERO, TINY); // e^t for t < −800
            case POW -> b * Math.log(Math.abs(a)) < -800 ? new Bracket(BigDecimal.ZERO, TINY) : null;
            case EXPM1 -> new Bracket(one.negate(), TINY.subtract(one));
            // erfc a < 2.2e-17 for a > 6, 1 − tanh a < 1e-86 for a > 100
            case ERF -> signedBracket(one.subtract(new BigDecimal("2.2e-17")), a);
            case TANH -> signedBracket(one.subtract(new BigDecimal("1e-86")), a);
            default -> null;
        };
    }

    private static Bracket signedBracket(BigDecimal below, double a) {
        return a > 0 ? new Bracket(below, BigDecimal.ONE) : new Bracket(BigDecimal.ONE.negate(), below.negate());
    }

    private static BigDecimal signed(BigDecimal r, double a) {
        return a < 0 ? r.negate() : r;
    }

    /** a^b: exactly for integer b up to 10⁸ in magnitude, else e^(b log |a|); null beyond e^±800. */
    private static BigDecimal power(BigDecimal x, double a, double b) {
        if (b == 0) {
            return BigDecimal.ONE;
        }
        if (a == 0) {
            return BigDecimal.ZERO;
        }
        if (Math.abs(b * Math.log(Math.abs(a))) > 800) {
            return null;
        }
        if (Primitive.isInteger(b) && Math.abs(b) <= 1e8) {
            return x.pow((int) b, MC);
        }
        BigDecimal t = BigMath.log(x.abs()).multiply(new BigDecimal(b), MC);
        BigDecimal r = BigMath.exp(t);
        return a < 0 && Math.IEEEremainder(b, 2) != 0 ? r.negate() : r;
    }

    private static BigDecimal asin(BigDecimal x) {
        if (x.abs().compareTo(BigDecimal.ONE) == 0) {
            return BigMath.PI.divide(TWO, MC).multiply(BigDecimal.valueOf(x.signum()));
        }
        BigDecimal c = BigMath.sqrt(BigDecimal.ONE.subtract(x).multiply(BigDecimal.ONE.add(x)));
        return BigMath.atan(x.divide(c, MC));
    }

    /** atan2(y, x), the angle of (x, y) in (−π, π]. */
    private static BigDecimal atan2(BigDecimal y, BigDecimal x) {
        if (x.signum() == 0) {
            return BigMath.PI.divide(TWO, MC).multiply(BigDecimal.valueOf(y.signum()));
        }
        BigDecimal t = BigMath.atan(y.divide(x, MC));
        if (x.signum() > 0) {
            return t;
        }
        return y.signum() >= 0 ? t.add(BigMath.PI, MC) : t.subtract(BigMath.PI, MC);
    }

    /** sinh x = Σ x^(2k+1)/(2k+1)! for tiny x. */
    private static BigDecimal sinhSeries(BigDecimal x) {
        BigDecimal x2 = x.multiply(x, MC);
        BigDecimal t = x;
        BigDecimal s = x;
        for (int n = 3; t.abs().compareTo(s.abs().multiply(new BigDecimal("1e-70"))) > 0; n += 2) {
            t = t.multiply(x2, MC).divide(BigDecimal.valueOf((long) n * (n - 1)), MC);
            s = s.add(t, MC);
        }
        return s;
    }
}
