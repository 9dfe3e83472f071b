package dev.nabla.precise;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nabla.symbolic.Formula;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded random expressions at random points, each built twice: as the text Nabla parses and as a function on
 * apfloat numbers (an independent evaluator, 80 digits); constant sub-expressions such as 1/(1 + 5²) stay
 * exact rationals in the formula, so the two agree to every digit. Properties: (1) the enclosure contains the reference;
 * (2) every digit printed (the correctly rounded double, or the certain digits) is the reference's; (3) asking
 * for 40 digits never changes a digit printed as certain by default.
 */
class CertifyPropertiesTest {
    private static final long P = 80;

    /** An expression as text and as an apfloat function of (x, y). */
    record Gen(String text, Function<Apfloat[], Apfloat> eval) {
    }

    static Gen random(Random r, int depth) {
        if (depth == 0 || r.nextInt(4) == 0) {
            switch (r.nextInt(3)) {
                case 0:
                    return new Gen("x", p -> p[0]);
                case 1:
                    return new Gen("y", p -> p[1]);
                default: { // constants stay exact rationals in formulas: 1/(1 + 5^2) is 1/26, not a double
                    int c = 1 + r.nextInt(9);
                    return new Gen(Integer.toString(c), p -> new Apfloat(c, P));
                }
            }
        }
        Gen a = random(r, depth - 1);
        switch (r.nextInt(10)) {
            case 0: {
                Gen b = random(r, depth - 1);
                return new Gen("(" + a.text + " + " + b.text + ")", v -> a.eval.apply(v).add(b.eval.apply(v)));
            }
            case 1: {
                Gen b = random(r, depth - 1);
                return new Gen("(" + a.text + " - " + b.text + ")", v -> a.eval.apply(v).subtract(b.eval.apply(v)));
            }
            case 2: {
                Gen b = random(r, depth - 1);
                return new Gen("(" + a.text + " * " + b.text + ")", v -> a.eval.apply(v).multiply(b.eval.apply(v)));
            }
            case 3: {
                Gen b = random(r, depth - 1);
                return new Gen("(" + a.text + ")/(1 + (" + b.text + ")^2)",
                        v -> a.eval.apply(v).divide(new Apfloat(1, P).add(sq(b.eval.apply(v)))));
            }
            case 4:
                return new Gen("exp(" + a.text + ")", v -> ApfloatMath.exp(a.eval.apply(v)));
            case 5:
                return new Gen("log(1 + (" + a.text + ")^2)", v -> ApfloatMath.log(new Apfloat(1, P).add(sq(a.eval.apply(v)))));
            case 6:
                return new Gen("sin(" + a.text + ")", v -> ApfloatMath.sin(a.eval.apply(v)));
            case 7:
                return new Gen("cos(" + a.text + ")", v -> ApfloatMath.cos(a.eval.apply(v)));
            case 8:
                return new Gen("atan(" + a.text + ")", v -> ApfloatMath.atan(a.eval.apply(v)));
            default:
                return new Gen("sqrt(1 + (" + a.text + ")^2)", v -> ApfloatMath.sqrt(new Apfloat(1, P).add(sq(a.eval.apply(v)))));
        }
    }

    private static Apfloat sq(Apfloat a) {
        return a.multiply(a);
    }

    static IntStream seeds() {
        return IntStream.range(0, 60);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void enclosuresContainTheValueAndEveryPrintedDigitIsRight(int seed) {
        Random r = new Random(20_20L * 1000 + seed);
        Gen g = random(r, 4);
        String x = BigDecimal.valueOf(r.nextGaussian() * 3).round(new MathContext(6)).toString();
        String y = BigDecimal.valueOf(r.nextGaussian() * 3).round(new MathContext(6)).toString();
        Apfloat reference;
        try {
            reference = g.eval.apply(new Apfloat[] {new Apfloat(new BigDecimal(x), P), new Apfloat(new BigDecimal(y), P)});
        } catch (RuntimeException overflowOrLossOfPrecision) {
            return; // no reference here
        }
        BigDecimal ref = new BigDecimal(reference.toString(true));
        Formula f = Formula.parse(g.text(), List.of("x", "y"));
        Certified byDefault = Certify.of(Certify.Request.value(f, List.of(x, y)), Certify.Goal.DOUBLE).value();
        Certified forty = Certify.of(Certify.Request.value(f, List.of(x, y)), Certify.Goal.digits(40)).value();
        for (Certified c : List.of(byDefault, forty)) {
            assertThat(c.enclosure()).as("%s at (%s, %s)", g.text(), x, y).isNotNull();
            // apfloat's last digits may be off: compare to 60 digits
            BigDecimal slack = ref.abs().scaleByPowerOfTen(-60).add(BigDecimal.ONE.scaleByPowerOfTen(-70));
            assertThat(c.enclosure().lo().subtract(slack)).as("%s at (%s, %s)", g.text(), x, y).isLessThanOrEqualTo(ref);
            assertThat(c.enclosure().hi().add(slack)).as("%s at (%s, %s)", g.text(), x, y).isGreaterThanOrEqualTo(ref);
        }
        if (byDefault.isCorrectlyRoundedDouble()) {
            assertThat(byDefault.correctlyRoundedDouble().getAsDouble()).isEqualTo(Double.parseDouble(ref.toString()));
            // 40 digits: the same double, and its first 17 digits are the reference's
            assertThat(Certified.toDouble(forty.enclosure().midpoint())).isEqualTo(byDefault.correctlyRoundedDouble().getAsDouble());
        } else if (byDefault.digits() > 0) {
            int k = Math.min(17, byDefault.digits());
            BigDecimal printed = new BigDecimal(byDefault.text());
            assertThat(printed.round(new MathContext(k, RoundingMode.HALF_EVEN)))
                    .isEqualByComparingTo(ref.round(new MathContext(k, RoundingMode.HALF_EVEN)));
            assertThat(new BigDecimal(forty.text(40)).round(new MathContext(k, RoundingMode.HALF_EVEN)))
                    .as("a higher precision keeps the certain digits").isEqualByComparingTo(printed.round(new MathContext(k, RoundingMode.HALF_EVEN)));
        }
        if (forty.digits() >= 40) {
            assertThat(new BigDecimal(forty.text(40))).isEqualByComparingTo(ref.round(new MathContext(40, RoundingMode.HALF_EVEN)));
        }
    }
}
