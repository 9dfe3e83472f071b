package dev.nabla.core.prim;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** High-precision references (60 digits) for the table's values: series in BigDecimal, independent of the JDK's doubles. */
final class BigMath {
    static final MathContext MC = new MathContext(60, RoundingMode.HALF_EVEN);
    static final BigDecimal PI = new BigDecimal("3.14159265358979323846264338327950288419716939937510582097494459");
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
}
