package dev.nabla.precise;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.OptionalDouble;

/**
 * A real number known by an enclosure: the interval that certainly contains it, how many of its significant
 * digits are therefore certain, and the working precision that produced it.
 *
 * <p>Printed ({@link #text()}) as the correctly rounded double when every point of the enclosure rounds to the
 * same normal double (that double's shortest round-trip decimal, so every digit shown is right), otherwise as
 * its certain digits; a value beyond double's range (5e400, 1e-400) is printed as a decimal and
 * {@link #range()} says so, instead of Infinity or 0.
 *
 * @param enclosure the interval that contains the value
 * @param digits    the significant digits certain: lo and hi round to the same decimal with this many (≤ cap)
 * @param precision the working precision in decimal digits (16 for the double enclosures of the fast path)
 * @param undecided null, or why there is no enclosure (then {@code enclosure} is null and {@code digits} 0): a
 *                  divisor or a domain edge that the highest precision tried could not decide
 */
public record Certified(BigInterval enclosure, int digits, int precision, String undecided) {

    /** The most digits ever counted as certain (a point enclosure, e.g. an exact 0, has all of them). */
    public static final int MAX_DIGITS = 10_000;

    /** Where the value lies with respect to double's range. */
    public enum Range {
        /** A double can hold it (or it is exactly 0). */
        DOUBLE,
        /** |value| &gt; the largest double: a double would print Infinity. */
        ABOVE,
        /** 0 &lt; |value| &lt; the smallest normal double: a double would print 0 or lose digits. */
        BELOW
    }

    /** The enclosure, with its certain digits counted (up to the working precision; all of them for a point). */
    public static Certified of(BigInterval enclosure, int precision) {
        return new Certified(enclosure, enclosure.certainDigits(enclosure.isPoint() ? MAX_DIGITS : precision), precision, null);
    }

    /** No enclosure at this precision, and why. */
    public static Certified undecided(String reason, int precision) {
        return new Certified(null, 0, precision, reason);
    }

    /** The double every point of the enclosure rounds to (nearest-even), if they all round to the same normal one or to exact 0. */
    public OptionalDouble correctlyRoundedDouble() {
        if (enclosure == null) {
            return OptionalDouble.empty();
        }
        if (enclosure.isPoint() && enclosure.lo().signum() == 0) {
            return OptionalDouble.of(0);
        }
        if (range() != Range.DOUBLE || enclosure.containsZero()) {
            return OptionalDouble.empty();
        }
        double lo = toDouble(enclosure.lo());
        double hi = toDouble(enclosure.hi());
        return lo == hi && Math.abs(lo) >= Double.MIN_NORMAL && Double.isFinite(lo) ? OptionalDouble.of(lo)
                : OptionalDouble.empty();
    }

    /** Whether the value is pinned to one double. */
    public boolean isCorrectlyRoundedDouble() {
        return correctlyRoundedDouble().isPresent();
    }

    /** The double nearest to the midpoint of the enclosure (the value's best double, certified or not). */
    public double nearestDouble() {
        return enclosure == null ? Double.NaN : toDouble(enclosure.midpoint());
    }

    /** Where the value lies with respect to double's range (decided from the enclosure's magnitude). */
    public Range range() {
        if (enclosure == null) {
            return Range.DOUBLE;
        }
        BigDecimal m = enclosure.magnitude();
        if (m.compareTo(new BigDecimal(Double.MAX_VALUE)) > 0 && enclosure.lo().abs().min(enclosure.hi().abs())
                .compareTo(new BigDecimal(Double.MAX_VALUE)) > 0 && !enclosure.containsZero()) {
            return Range.ABOVE;
        }
        if (!enclosure.containsZero() && m.compareTo(new BigDecimal(Double.MIN_NORMAL)) < 0) {
            return Range.BELOW;
        }
        return Range.DOUBLE;
    }

    /**
     * The number as printed by default: the correctly rounded double's shortest decimal when there is one, else
     * the certain digits, at most 17 (at least one: if none is certain, the midpoint to one digit, which
     * {@link #note()} flags).
     */
    public String text() {
        OptionalDouble d = correctlyRoundedDouble();
        if (d.isPresent()) {
            return Decimals.shortest(d.getAsDouble());
        }
        if (enclosure == null) {
            return "undecided";
        }
        if (digits == 0 && enclosure.containsZero()) {
            return "0";
        }
        return Decimals.significant(enclosure.midpoint(), Math.max(1, Math.min(digits, 17)));
    }

    /** The number with n significant digits, all of them certain only if n ≤ {@link #digits()}. */
    public String text(int n) {
        if (enclosure == null) {
            return "undecided";
        }
        if (enclosure.isPoint() && enclosure.lo().signum() == 0) {
            return "0";
        }
        BigDecimal v = digits >= n ? enclosure.lo().round(new MathContext(n, RoundingMode.HALF_EVEN)) : enclosure.midpoint();
        return Decimals.significant(v, n);
    }

    /**
     * What the reader must know besides the digits, or null: "6 significant digits certain", "no digit certain:
     * |value| ≤ 1e-1990", "outside double's range".
     */
    public String note() {
        if (enclosure == null) {
            return "not certified: " + undecided;
        }
        Range r = range();
        if (isCorrectlyRoundedDouble()) {
            return null;
        }
        if (digits == 0) {
            return enclosure.containsZero()
                    ? "no digit certain: |value| ≤ " + Decimals.significant(enclosure.magnitude(), 2)
                    : "no digit certain: in " + enclosure;
        }
        String range = r == Range.ABOVE ? "beyond double's range (a double would be Infinity)"
                : r == Range.BELOW ? "below double's normal range (a double would be 0 or lose digits)" : null;
        if (digits >= 17 || enclosure.isPoint()) {
            return range;
        }
        String certain = digits + " significant digit" + (digits == 1 ? "" : "s") + " certain";
        return range == null ? certain : certain + "; " + range;
    }

    /** The correctly rounded double of a decimal (Double.parseDouble rounds to nearest-even by specification). */
    static double toDouble(BigDecimal x) {
        return Double.parseDouble(x.toString());
    }
}
