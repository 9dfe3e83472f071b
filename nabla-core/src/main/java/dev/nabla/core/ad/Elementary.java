package dev.nabla.core.ad;

/** Elementary functions the JDK lacks, accurate near 0 and without overflow for large arguments. */
final class Elementary {
    private static final double LN2 = Math.log(2);
    private static final double LARGE = 1e8;

    private Elementary() {
    }

    /** asinh a = sign(a) log(|a| + √(a² + 1)). */
    static double asinh(double a) {
        double x = Math.abs(a);
        double r = x > LARGE ? Math.log(x) + LN2 : Math.log1p(x + x * x / (1 + Math.sqrt(1 + x * x)));
        return Math.copySign(r, a);
    }

    /** acosh a = log(a + √(a² − 1)) for a ≥ 1 (NaN below). */
    static double acosh(double a) {
        if (a > LARGE) {
            return Math.log(a) + LN2;
        }
        double t = a - 1;
        return Math.log1p(t + Math.sqrt(t * (a + 1)));
    }

    /** atanh a = ½ log((1 + a)/(1 − a)) for |a| &lt; 1. */
    static double atanh(double a) {
        double x = Math.abs(a);
        return Math.copySign(0.5 * Math.log1p(2 * x / (1 - x)), a);
    }
}
