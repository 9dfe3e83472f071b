package dev.nabla.symbolic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nabla.core.prim.Algebra;
import dev.nabla.core.prim.Doubles;
import dev.nabla.symbolic.expr.Expr;
import dev.nabla.symbolic.expr.Rational;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Constants of formulas are exact rationals: folding typed fractions and decimals agrees with arithmetic on
 * BigInteger numerators and denominators (an independent path: cross-multiplied, never reduced), and the double a
 * constant evaluates to is the nearest one (checked against a 60-digit BigDecimal quotient).
 */
class ExactConstantsTest {

    static LongStream seeds() {
        return LongStream.range(0, 200);
    }

    /** A random fraction p/q as typed text and as its (unreduced) numerator and denominator. */
    record Fraction(String text, BigInteger p, BigInteger q) {
    }

    private static Fraction fraction(SplittableRandom random) {
        BigInteger p = new BigInteger(1 + random.nextInt(90), new java.util.Random(random.nextLong()));
        BigInteger q = new BigInteger(1 + random.nextInt(90), new java.util.Random(random.nextLong())).add(BigInteger.ONE);
        if (random.nextBoolean()) {
            p = p.negate();
        }
        if (random.nextInt(4) == 0) { // a decimal as typed: digits.digits
            int scale = random.nextInt(30);
            BigDecimal d = new BigDecimal(p, scale);
            return new Fraction("(" + d.toPlainString() + ")", p, BigInteger.TEN.pow(scale));
        }
        return new Fraction("(" + p + "/" + q + ")", p, q);
    }

    /** True when a/b = c/d, by cross-multiplication. */
    private static boolean same(Rational r, BigInteger c, BigInteger d) {
        return r.numerator().multiply(d).equals(c.multiply(r.denominator()));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void sumsAndProductsOfTypedFractionsAreExact(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = 2 + random.nextInt(6);
        StringBuilder sumText = new StringBuilder();
        StringBuilder productText = new StringBuilder();
        BigInteger sp = BigInteger.ZERO;
        BigInteger sq = BigInteger.ONE;
        BigInteger pp = BigInteger.ONE;
        BigInteger pq = BigInteger.ONE;
        for (int i = 0; i < n; i++) {
            Fraction f = fraction(random);
            boolean minus = random.nextBoolean();
            sumText.append(i == 0 ? "" : minus ? " - " : " + ").append(f.text());
            BigInteger signed = i > 0 && minus ? f.p().negate() : f.p();
            sp = sp.multiply(f.q()).add(signed.multiply(sq));
            sq = sq.multiply(f.q());
            if (f.p().signum() != 0) {
                boolean divide = random.nextInt(3) == 0;
                productText.append(i == 0 ? "" : divide ? "/" : "*").append(f.text());
                if (i > 0 && divide) {
                    pp = pp.multiply(f.q());
                    pq = pq.multiply(f.p());
                } else {
                    pp = pp.multiply(f.p());
                    pq = pq.multiply(f.q());
                }
            } else {
                productText.append(i == 0 ? "1" : "*1");
            }
        }
        Expr sum = Formula.parse(sumText.toString()).expression();
        assertThat(sum.isNumber()).as(sumText.toString()).isTrue();
        assertThat(same(sum.rational(), sp, sq)).as(sumText + " = " + sum).isTrue();
        Expr product = Formula.parse(productText.toString()).expression();
        assertThat(same(product.rational(), pp, pq)).as(productText + " = " + product).isTrue();
        // the printed form reads back to the same exact number
        assertThat(Formula.parse(sum.toString()).expression()).isSameAs(sum);
        assertThat(Formula.parse(product.toString()).expression()).isSameAs(product);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void theDoubleOfAConstantIsTheNearestDouble(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Fraction f = fraction(random);
        Rational r = Rational.of(f.p(), f.q());
        double d = r.doubleValue();
        BigDecimal exact = new BigDecimal(f.p()).divide(new BigDecimal(f.q()), new MathContext(60));
        // no double lies strictly closer to p/q than d (60 digits resolve the distance to either neighbour)
        BigDecimal error = new BigDecimal(d).subtract(exact).abs();
        BigDecimal below = new BigDecimal(Math.nextDown(d)).subtract(exact).abs();
        BigDecimal above = new BigDecimal(Math.nextUp(d)).subtract(exact).abs();
        assertThat(error).as(r.toString()).isLessThanOrEqualTo(below).isLessThanOrEqualTo(above);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void integerPowersAndRootsFoldExactly(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        BigInteger b = BigInteger.valueOf(2 + random.nextInt(50));
        BigInteger c = BigInteger.valueOf(1 + random.nextInt(50));
        int k = 1 + random.nextInt(5);
        int m = 1 + random.nextInt(4);
        // (b/c)^(k m / m) written as ((b/c)^(k*m))^(1/m) folds to (b/c)^k
        Expr e = Formula.parse("((" + b + "/" + c + ")^" + (k * m) + ")^(1/" + m + ")").expression();
        assertThat(e.isNumber()).as(e.toString()).isTrue();
        assertThat(same(e.rational(), b.pow(k), c.pow(k))).as(e.toString()).isTrue();
    }

    @org.junit.jupiter.api.Test
    void evaluationInAnAlgebraAsksForTheExactFraction() {
        BigInteger[] asked = new BigInteger[2];
        Algebra<Double> recording = new Algebra<>() {
            @Override public Double constant(double c) { return c; }
            @Override public Double exact(BigInteger p, BigInteger q) { asked[0] = p; asked[1] = q; return 0.0; }
            @Override public Double add(Double a, Double b) { return a + b; }
            @Override public Double subtract(Double a, Double b) { return a - b; }
            @Override public Double multiply(Double a, Double b) { return a * b; }
            @Override public Double divide(Double a, Double b) { return a / b; }
            @Override public Double negate(Double a) { return -a; }
            @Override public Double apply(dev.nabla.core.prim.Primitive p, Double a) { return a; }
            @Override public Double apply(dev.nabla.core.prim.Primitive p, Double a, Double b) { return a; }
            @Override public Double ifAtLeast(Double a, Double b, Double t, Double o) { return t; }
        };
        Formula.parse("0.1").expression().rational().in(recording);
        assertThat(asked).containsExactly(BigInteger.ONE, BigInteger.TEN);
        assertThat(Formula.parse("3").expression().rational().in(recording)).isEqualTo(3.0);
        assertThat(Rational.of(1, 3).in(Doubles.ALGEBRA)).isEqualTo(1.0 / 3);
    }
}
