package dev.nabla.core.prim;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** High-precision references (60 digits) for the table's values: series in BigDecimal, independent of the JDK's doubles. */
public final class BigMath {
    /** 60 significant digits. */
    static final MathContext MC = new MathContext(60, RoundingMode.HALF_EVEN);
    static final BigDecimal PI = new BigDecimal("3.14159265358979323846264338327950288419716939937510582097494459");
    /** π to 200 digits (Machin's formula), for reducing arguments up to 1e30 to 60 digits. */
    private static final BigDecimal PI_200 = new BigDecimal("3.14159265358979323846264338327950288419716939937510"
            + "58209749445923078164062862089986280348253421170679821480865132823066470938446095505822317253594081284"
            + "81117450284102701938521105559644622948954930382");
    private static final MathContext WIDE = new MathContext(200, RoundingMode.HALF_EVEN);
    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    private static final BigDecimal EPS = new BigDecimal("1e-70");

    private BigMath() {
    }

    static BigDecimal of(double x) {
        return new BigDecimal(x);
    }

    /** log z for z &gt; 0: z = m 2^k with m in [1, 2), log m = 2 atanh((m − 1)/(m + 1)). */
    static BigDecimal log(BigDecimal z) {
        if (z.signum() <= 0) {
            throw new ArithmeticException("log of " + z);
        }
        int k = 0;
        while (z.compareTo(TWO) >= 0) {
            z = z.divide(TWO, MC);
            k++;
        }
        while (z.compareTo(BigDecimal.ONE) < 0) {
            z = z.multiply(TWO, MC);
            k--;
        }
        return atanhSeries(z.subtract(BigDecimal.ONE).divide(z.add(BigDecimal.ONE), MC)).multiply(TWO, MC)
                .add(ln2().multiply(BigDecimal.valueOf(k), MC), MC);
    }

    private static BigDecimal ln2() {
        return atanhSeries(BigDecimal.ONE.divide(BigDecimal.valueOf(3), MC)).multiply(TWO, MC);
    }

    /** Σ y^(2n+1)/(2n+1) for |y| ≤ 1/3. */
    private static BigDecimal atanhSeries(BigDecimal y) {
        BigDecimal y2 = y.multiply(y, MC);
        BigDecimal p = y;
        BigDecimal s = y;
        for (int n = 1; n < 400; n++) {
            p = p.multiply(y2, MC);
            BigDecimal t = p.divide(BigDecimal.valueOf(2L * n + 1), MC);
            s = s.add(t, MC);
            if (t.abs().compareTo(EPS) < 0) {
                break;
            }
        }
        return s;
    }

    /** e^x: e^(x/2^k) by its series, squared k times. */
    static BigDecimal exp(BigDecimal x) {
        int k = 0;
        while (x.abs().compareTo(new BigDecimal("0.01")) > 0) {
            x = x.divide(TWO, MC);
            k++;
        }
        BigDecimal t = BigDecimal.ONE;
        BigDecimal s = BigDecimal.ONE;
        for (int n = 1; n < 100; n++) {
            t = t.multiply(x, MC).divide(BigDecimal.valueOf(n), MC);
            s = s.add(t, MC);
            if (t.abs().compareTo(EPS) < 0) {
                break;
            }
        }
        for (int i = 0; i < k; i++) {
            s = s.multiply(s, MC);
        }
        return s;
    }

    static BigDecimal sqrt(BigDecimal x) {
        return x.sqrt(MC);
    }

    /** erf x = 2/√π Σ (−1)ⁿ x^(2n+1)/(n!(2n+1)), for |x| ≤ 6 (the alternating terms lose at most 16 of 60 digits). */
    static BigDecimal erf(BigDecimal x) {
        BigDecimal x2 = x.multiply(x, MC);
        BigDecimal t = x;
        BigDecimal s = x;
        for (int n = 1; n < 2000; n++) {
            t = t.multiply(x2, MC).negate().divide(BigDecimal.valueOf(n), MC);
            BigDecimal d = t.divide(BigDecimal.valueOf(2L * n + 1), MC);
            s = s.add(d, MC);
            if (d.abs().compareTo(EPS) < 0 && n > 3 * x2.doubleValue()) {
                break;
            }
        }
        return s.multiply(TWO, MC).divide(sqrt(PI), MC);
    }

    /** The error of a double against the exact value, in units in the last place of the exact value. */
    static double ulps(double actual, BigDecimal exact) {
        double e = exact.doubleValue();
        return new BigDecimal(actual).subtract(exact, MC).abs().doubleValue() / Math.ulp(e);
    }
    /** sin x for |x| ≤ 1e30: x reduced modulo 2π with 200 digits of π, then the Taylor series. */
    static BigDecimal sin(BigDecimal x) {
        return taylor(reduce(x), 1);
    }

    /** cos x for |x| ≤ 1e30. */
    static BigDecimal cos(BigDecimal x) {
        return taylor(reduce(x), 0);
    }

    private static BigDecimal reduce(BigDecimal x) {
        BigDecimal twoPi = PI_200.multiply(TWO);
        BigDecimal k = x.divide(twoPi, WIDE).setScale(0, RoundingMode.HALF_EVEN);
        return x.subtract(k.multiply(twoPi, WIDE), WIDE);
    }

    /** Σ (−1)ⁿ x^(2n+start)/(2n+start)! for |x| ≤ π (80 digits: the terms reach 5, the value may be tiny). */
    private static BigDecimal taylor(BigDecimal x, int start) {
        MathContext mc = new MathContext(90);
        BigDecimal x2 = x.multiply(x, mc);
        BigDecimal t = start == 0 ? BigDecimal.ONE : x;
        BigDecimal s = t;
        for (int n = start + 2; n < 400; n += 2) {
            t = t.multiply(x2, mc).negate().divide(BigDecimal.valueOf((long) n * (n - 1)), mc);
            s = s.add(t, mc);
            if (t.abs().compareTo(new BigDecimal("1e-100")) < 0) {
                break;
            }
        }
        return s.round(MC);
    }

    /** atan x: π/2 − atan(1/x) beyond 1, halved by atan x = 2 atan(x/(1 + √(1 + x²))), then the series. */
    static BigDecimal atan(BigDecimal x) {
        if (x.abs().compareTo(BigDecimal.ONE) > 0) {
            BigDecimal half = PI.divide(TWO, MC);
            BigDecimal r = atan(BigDecimal.ONE.divide(x, MC));
            return x.signum() > 0 ? half.subtract(r, MC) : half.negate().subtract(r, MC);
        }
        int doublings = 0;
        while (x.abs().compareTo(new BigDecimal("0.1")) > 0) {
            x = x.divide(BigDecimal.ONE.add(sqrt(BigDecimal.ONE.add(x.multiply(x, MC), MC)), MC), MC);
            doublings++;
        }
        BigDecimal x2 = x.multiply(x, MC);
        BigDecimal p = x;
        BigDecimal s = x;
        for (int n = 1; n < 400; n++) {
            p = p.multiply(x2, MC).negate();
            BigDecimal t = p.divide(BigDecimal.valueOf(2L * n + 1), MC);
            s = s.add(t, MC);
            if (t.abs().compareTo(EPS) < 0) {
                break;
            }
        }
        return s.multiply(BigDecimal.valueOf(1L << doublings), MC);
    }

    /** e^x − 1: the series Σ_{n≥1} xⁿ/n! for |x| &lt; 1e-3 (where 1 + x would lose digits), else e^x − 1. */
    static BigDecimal expm1(BigDecimal x) {
        if (x.abs().compareTo(new BigDecimal("1e-3")) >= 0) {
            return exp(x).subtract(BigDecimal.ONE, MC);
        }
        BigDecimal t = x;
        BigDecimal s = x;
        for (int n = 2; t.abs().compareTo(s.abs().multiply(EPS)) > 0; n++) {
            t = t.multiply(x, MC).divide(BigDecimal.valueOf(n), MC);
            s = s.add(t, MC);
        }
        return s;
    }

    /** log(1 + x): the series Σ (−1)ⁿ⁺¹ xⁿ/n for |x| &lt; 1e-3, else log(1 + x). */
    static BigDecimal log1p(BigDecimal x) {
        if (x.abs().compareTo(new BigDecimal("1e-3")) >= 0) {
            return log(BigDecimal.ONE.add(x));
        }
        BigDecimal p = x;
        BigDecimal s = x;
        for (int n = 2; p.abs().compareTo(s.abs().multiply(EPS)) > 0; n++) {
            p = p.multiply(x, MC).negate();
            s = s.add(p.divide(BigDecimal.valueOf(n), MC), MC);
        }
        return s;
    }

    /** asinh x = log(|x| + √(x² + 1)) with its sign, the series x − x³/6 + 3x⁵/40 below 1e-5 (60 digits cannot hold 1 + 1e-300). */
    static BigDecimal asinh(BigDecimal a) {
        BigDecimal a2 = a.multiply(a, MC);
        BigDecimal abs = a.abs();
        BigDecimal r = abs.compareTo(new BigDecimal("1e-5")) < 0
                ? abs.subtract(abs.multiply(a2).divide(BigDecimal.valueOf(6), MC), MC)
                        .add(abs.multiply(a2).multiply(a2).multiply(BigDecimal.valueOf(0.075)), MC)
                : log(abs.add(sqrt(a2.add(BigDecimal.ONE)), MC));
        return a.signum() < 0 ? r.negate() : r;
    }

    /** acosh x = log(x + √(x² − 1)) for x ≥ 1. */
    static BigDecimal acosh(BigDecimal a) {
        return log(a.add(sqrt(a.multiply(a, MC).subtract(BigDecimal.ONE)), MC));
    }

    /** atanh x = ½ log((1 + x)/(1 − x)), the series x + x³/3 + x⁵/5 below 1e-5. */
    static BigDecimal atanh(BigDecimal a) {
        BigDecimal a2 = a.multiply(a, MC);
        return a.abs().compareTo(new BigDecimal("1e-5")) < 0
                ? a.add(a.multiply(a2).divide(BigDecimal.valueOf(3), MC), MC)
                        .add(a.multiply(a2).multiply(a2).divide(BigDecimal.valueOf(5), MC), MC)
                : log(BigDecimal.ONE.add(a).divide(BigDecimal.ONE.subtract(a), MC)).divide(TWO, MC);
    }
}
