package dev.nabla.core.onesided;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A truncated generalised power series in t &gt; 0: Σ c_i t^(e_i) + O(t^order), exponents rational and strictly
 * increasing, every e_i &lt; order, no zero coefficient. order = ∞ means the sum is exact (a polynomial in t).
 * Immutable; the arithmetic of {@link Expansion} without its context.
 */
final class Series {
    private static final Rational[] NONE = new Rational[0];

    final Rational[] e;
    final double[] c;
    final Rational order;

    private Series(Rational[] e, double[] c, Rational order) {
        this.e = e;
        this.c = c;
        this.order = order;
    }

    static Series constant(double a) {
        return a == 0 ? new Series(NONE, new double[0], Rational.INFINITY)
                : new Series(new Rational[] {Rational.ZERO}, new double[] {a}, Rational.INFINITY);
    }

    /** a + b t, exact. */
    static Series line(double a, double b) {
        return Series.constant(a).plus(monomial(b, Rational.ONE));
    }

    static Series monomial(double a, Rational exponent) {
        return of(new TreeMap<>(Map.of(exponent, a)), Rational.INFINITY);
    }

    /** O(t^order): nothing known below that order. */
    static Series unknown(Rational order) {
        return new Series(NONE, new double[0], order);
    }

    /** From terms (any order of insertion), dropping zeros and terms at or beyond the order. */
    static Series of(TreeMap<Rational, Double> terms, Rational order) {
        List<Rational> es = new ArrayList<>();
        List<Double> cs = new ArrayList<>();
        for (Map.Entry<Rational, Double> t : terms.entrySet()) {
            if (t.getKey().compareTo(order) >= 0) {
                break;
            }
            double v = t.getValue();
            if (v != 0) {
                if (!Double.isFinite(v)) {
                    throw NoLimit.undecided("a coefficient of the expansion overflows");
                }
                es.add(t.getKey());
                cs.add(v);
            }
        }
        double[] c = new double[cs.size()];
        for (int i = 0; i < c.length; i++) {
            c[i] = cs.get(i);
        }
        return new Series(es.toArray(NONE), c, order);
    }

    private TreeMap<Rational, Double> terms() {
        TreeMap<Rational, Double> m = new TreeMap<>();
        for (int i = 0; i < e.length; i++) {
            m.put(e[i], c[i]);
        }
        return m;
    }

    boolean isExact() {
        return order.isInfinite();
    }

    boolean hasTerms() {
        return e.length > 0;
    }

    /** The lowest exponent present, or the order when no term is known. */
    Rational lead() {
        return e.length > 0 ? e[0] : order;
    }

    double leadingCoefficient() {
        return e.length > 0 ? c[0] : 0;
    }

    /** The coefficient of t^exponent (0 when absent). */
    double coefficient(Rational exponent) {
        for (int i = 0; i < e.length; i++) {
            if (e[i].equals(exponent)) {
                return c[i];
            }
        }
        return 0;
    }

    /** The sign for all small t &gt; 0: of the leading coefficient; 0 for an exact zero; undecided otherwise. */
    int sign(String what) {
        if (e.length > 0) {
            return c[0] > 0 ? 1 : -1;
        }
        if (isExact()) {
            return 0;
        }
        throw NoLimit.undecided("the sign of " + what + " for small t > 0 is not decided to order t^" + order);
    }

    Series truncate(Rational newOrder) {
        if (newOrder.compareTo(order) >= 0) {
            return this;
        }
        return of(terms(), newOrder);
    }

    /** Terms at or beyond the cap dropped; an exact series with no such term stays exact. */
    Series cap(Rational cap) {
        if (isExact() && (e.length == 0 || e[e.length - 1].compareTo(cap) < 0)) {
            return this;
        }
        return truncate(cap);
    }

    Series plus(Series b) {
        TreeMap<Rational, Double> m = terms();
        for (int i = 0; i < b.e.length; i++) {
            m.merge(b.e[i], b.c[i], Double::sum);
        }
        return of(m, order.min(b.order));
    }

    Series plus(double a) {
        return plus(constant(a));
    }

    Series scale(double k) {
        if (k == 0) {
            return constant(0);
        }
        double[] r = new double[c.length];
        for (int i = 0; i < c.length; i++) {
            r[i] = k * c[i];
        }
        return of(terms(e, r), order);
    }

    /**
     * (this / (a t^k)) − 1 for the leading term a t^k of this series: the relative remainder u, positive
     * exponents only (the leading term divides to exactly 1 and is dropped).
     */
    Series relativeToLeading() {
        TreeMap<Rational, Double> m = new TreeMap<>();
        Rational k = e[0];
        for (int i = 1; i < e.length; i++) {
            m.put(e[i].minus(k), c[i] / c[0]);
        }
        return of(m, order.isInfinite() ? order : order.minus(k));
    }

    private static TreeMap<Rational, Double> terms(Rational[] e, double[] c) {
        TreeMap<Rational, Double> m = new TreeMap<>();
        for (int i = 0; i < e.length; i++) {
            m.put(e[i], c[i]);
        }
        return m;
    }

    Series negate() {
        return scale(-1);
    }

    /** The product; known to order min(order_a + lead_b, order_b + lead_a). */
    Series times(Series b) {
        Rational o = order.plus(b.lead()).min(b.order.plus(lead()));
        if (!hasTerms() && isExact() || !b.hasTerms() && b.isExact()) {
            return constant(0);
        }
        TreeMap<Rational, Double> m = new TreeMap<>();
        for (int i = 0; i < e.length; i++) {
            for (int j = 0; j < b.e.length; j++) {
                Rational x = e[i].plus(b.e[j]);
                if (x.compareTo(o) < 0) {
                    m.merge(x, c[i] * b.c[j], Double::sum);
                }
            }
        }
        return of(m, o);
    }

    /** This series times t^k. */
    Series shift(Rational k) {
        Rational[] r = new Rational[e.length];
        for (int i = 0; i < e.length; i++) {
            r[i] = e[i].plus(k);
        }
        return new Series(r, c.clone(), order.plus(k));
    }

    /** d/dt, term by term. */
    Series derivative() {
        TreeMap<Rational, Double> m = new TreeMap<>();
        for (int i = 0; i < e.length; i++) {
            if (e[i].signum() != 0) {
                m.put(e[i].minus(Rational.ONE), e[i].doubleValue() * c[i]);
            }
        }
        return of(m, order.isInfinite() ? order : order.minus(Rational.ONE));
    }

    /** ∫_0^t, term by term; a t^(−1) term would give a logarithm, which is not a power of t. */
    Series integral() {
        TreeMap<Rational, Double> m = new TreeMap<>();
        for (int i = 0; i < e.length; i++) {
            Rational k = e[i].plus(Rational.ONE);
            if (k.signum() <= 0) {
                throw NoLimit.undecided("the expansion has a logarithmic term (log t is not a power of t)");
            }
            m.put(k, c[i] / k.doubleValue());
        }
        return of(m, order.plus(Rational.ONE));
    }

    /**
     * (1 + u)^p = Σ_k binom(p, k) u^k to order R, for u with positive exponents only (the binomial series; for a
     * non-negative integer p it ends at k = p).
     */
    static Series binomial(Series u, double p, Rational r) {
        Series sum = constant(1).truncate(r);
        Series term = constant(1);
        Rational uLead = u.lead();
        if (uLead.signum() <= 0) {
            throw new IllegalStateException("binomial series of a non-vanishing u");
        }
        for (int k = 1; ; k++) {
            if (p >= 0 && p == Math.rint(p) && k > p) {
                break;
            }
            term = term.times(u).scale((p - k + 1) / k).truncate(r);
            sum = sum.plus(term);
            if (!term.hasTerms()) {
                break;
            }
        }
        return sum.truncate(r);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < e.length; i++) {
            if (i > 0) {
                s.append(c[i] < 0 ? " - " : " + ");
            } else if (c[i] < 0) {
                s.append("-");
            }
            double a = Math.abs(c[i]);
            String exponent = e[i].isInteger() ? e[i].toString() : "(" + e[i] + ")";
            if (e[i].signum() == 0) {
                s.append(dev.nabla.core.numeric.Numbers.format(a));
            } else {
                s.append(a == 1 ? "" : dev.nabla.core.numeric.Numbers.format(a) + "*")
                        .append(e[i].equals(Rational.ONE) ? "t" : "t^" + exponent);
            }
        }
        if (!isExact()) {
            s.append(e.length == 0 ? "" : " + ").append("O(t^").append(order.isInteger() ? order : "(" + order + ")")
                    .append(")");
        }
        return s.length() == 0 ? "0" : s.toString();
    }
}
