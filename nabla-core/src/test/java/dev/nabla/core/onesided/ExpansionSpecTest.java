package dev.nabla.core.onesided;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nabla.core.ad.RealFunction;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The one-sided expansion's parts as specifications: the expansions of f(x + t v) it prints (leading terms,
 * rational exponents, the order of the remainder), its exponents (exact rationals), and the
 * {@link DirectionalDerivative} value type. Written to the mutation-testing survey (docs/verification.md).
 */
class ExpansionSpecTest {

    static DirectionalDerivative d(RealFunction f, double x, double v) {
        return OneSided.directionalDerivative(f, new double[] {x}, new double[] {v});
    }

    static Stream<Arguments> expansions() {
        return Stream.of(
                // f, x, v, the expansion of f(x + t v), D_v f
                Arguments.of("sin x at 0 along 1", (RealFunction) x -> x[0].sin(), 0.0, 1.0, "t + O(t^3)", "1"),
                Arguments.of("−sin x", (RealFunction) x -> x[0].sin().negate(), 0.0, 1.0, "-t + O(t^3)", "-1"),
                Arguments.of("exp x", (RealFunction) x -> x[0].exp(), 0.0, 1.0, "1 + t + 0.5*t^2 + O(t^3)", "1"),
                Arguments.of("cos x", (RealFunction) x -> x[0].cos(), 0.0, 1.0, "1 - 0.5*t^2 + O(t^3)", "0"),
                Arguments.of("|x| along −2", (RealFunction) x -> x[0].abs(), 0.0, -2.0, "2*t", "2"),
                Arguments.of("√x", (RealFunction) x -> x[0].sqrt(), 0.0, 1.0, "t^(1/2)", "+∞"),
                Arguments.of("∛x along −1", (RealFunction) x -> x[0].cbrt(), 0.0, -1.0, "-t^(1/3)", "−∞"),
                Arguments.of("x^1.5", (RealFunction) x -> x[0].pow(1.5), 0.0, 1.0, "t^(3/2)", "0"),
                Arguments.of("x^0.3", (RealFunction) x -> x[0].pow(0.3), 0.0, 1.0, "t^(3/10)", "+∞"),
                Arguments.of("x^3 along 2", (RealFunction) x -> x[0].pow(3), 0.0, 2.0, "O(t^3)", "0"),
                Arguments.of("x^0", (RealFunction) x -> x[0].pow(0), 0.0, 2.0, "1", "0"),
                Arguments.of("1/x along −1", (RealFunction) x -> x[0].pow(-1), 0.0, -1.0, "-t^-1", "−∞"),
                Arguments.of("x − x", (RealFunction) x -> x[0].subtract(x[0]), 0.0, 1.0, "0", "0"),
                Arguments.of("√(x²) along −3", (RealFunction) x -> x[0].square().sqrt(), 0.0, -3.0, "3*t", "3"),
                Arguments.of("acosh x at 1", (RealFunction) x -> x[0].acosh(), 1.0, 1.0,
                        "1.414213562*t^(1/2) - 0.1178511302*t^(3/2) + O(t^(5/2))", "+∞"),
                // powers: integer powers of a negative base keep their sign; negative powers blow up
                Arguments.of("x² along −1", (RealFunction) x -> x[0].pow(2), 0.0, -1.0, "t^2", "0"),
                Arguments.of("x³ at 1", (RealFunction) x -> x[0].pow(3), 1.0, 1.0, "1 + 3*t + 3*t^2 + O(t^3)", "3"),
                Arguments.of("x^64 at 1", (RealFunction) x -> x[0].pow(64), 1.0, 1.0, "1 + 64*t + 2016*t^2 + O(t^3)",
                        "64"),
                Arguments.of("x^65 at 1 (binomial series)", (RealFunction) x -> x[0].pow(65), 1.0, 1.0,
                        "1 + 65*t + 2080*t^2 + O(t^3)", "65"),
                Arguments.of("x^−3 at 1", (RealFunction) x -> x[0].pow(-3), 1.0, 1.0, "1 - 3*t + 6*t^2 + O(t^3)", "-3"),
                Arguments.of("x^−2 along −1", (RealFunction) x -> x[0].pow(-2), 0.0, -1.0, "t^-2", "+∞"),
                Arguments.of("x^−0.5", (RealFunction) x -> x[0].pow(-0.5), 0.0, 1.0, "t^(-1/2)", "+∞"),
                Arguments.of("(x − x)^0.5", (RealFunction) x -> x[0].subtract(x[0]).pow(0.5), 1.0, 1.0, "0", "0"),
                Arguments.of("x^(constant 2) along −1", (RealFunction) x -> x[0].pow(x[0].constant(2)), 0.0, -1.0,
                        "t^2", "0"),
                Arguments.of("∛(x − x)", (RealFunction) x -> x[0].subtract(x[0]).cbrt(), 1.0, 1.0, "0", "0"),
                Arguments.of("∛x at 8", (RealFunction) x -> x[0].cbrt(), 8.0, 1.0,
                        "2 + 0.08333333333*t - 0.003472222222*t^2 + O(t^3)", "0.08333333333"),
                Arguments.of("∛x at −8", (RealFunction) x -> x[0].cbrt(), -8.0, 1.0,
                        "-2 + 0.08333333333*t + 0.003472222222*t^2 + O(t^3)", "0.08333333333"),
                // kinks away from their switching point are smooth
                Arguments.of("sign x at 2", (RealFunction) x -> x[0].sign(), 2.0, 1.0, "1", "0"),
                Arguments.of("|x| at 1", (RealFunction) x -> x[0].abs(), 1.0, 1.0, "1 + t", "1"),
                Arguments.of("|x| at −1", (RealFunction) x -> x[0].abs(), -1.0, 1.0, "1 - t", "-1"),
                Arguments.of("|x − x|", (RealFunction) x -> x[0].subtract(x[0]).abs(), 0.0, 1.0, "0", "0"),
                // smooth primitives from the table's derivative rules (values checked by hand: tan' = sec²,
                // acos' = −1/√(1 − x²), asinh' = 1/√(1 + x²), atanh' = 1/(1 − x²), and their second derivatives)
                Arguments.of("tan x at 1", (RealFunction) x -> x[0].tan(), 1.0, 1.0,
                        "1.557407725 + 3.425518821*t + 5.334929472*t^2 + O(t^3)", "3.425518821"),
                Arguments.of("acos x at 0.5", (RealFunction) x -> x[0].acos(), 0.5, 1.0,
                        "1.047197551 - 1.154700538*t - 0.3849001795*t^2 + O(t^3)", "-1.154700538"),
                Arguments.of("asinh x at 2", (RealFunction) x -> x[0].asinh(), 2.0, 1.0,
                        "1.443635475 + 0.4472135955*t - 0.0894427191*t^2 + O(t^3)", "0.4472135955"),
                Arguments.of("atanh x at 0.5", (RealFunction) x -> x[0].atanh(), 0.5, 1.0,
                        "0.5493061443 + 1.333333333*t + 0.8888888889*t^2 + O(t^3)", "1.333333333"),
                Arguments.of("sinh x at 1", (RealFunction) x -> x[0].sinh(), 1.0, 1.0,
                        "1.175201194 + 1.543080635*t + 0.5876005968*t^2 + O(t^3)", "1.543080635"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expansions")
    void theExpansionOfFAlongTheRayAndItsLimit(String name, RealFunction f, double x, double v, String expansion,
                                              String dv) {
        DirectionalDerivative d = d(f, x, v);
        assertThat(d.expansion()).isEqualTo(expansion);
        assertThat(d.toString()).isEqualTo(dv);
    }

    static Stream<Arguments> twoVariables() {
        return Stream.of(
                // f, x, v, expansion, D_v f, kinks
                Arguments.of("max(x, y) at (1, 0)", (RealFunction) x -> x[0].max(x[1]), new double[] {1, 0},
                        new double[] {5, 7}, "1 + 5*t", 5.0, List.of()),
                Arguments.of("min(x, y) at (1, 0)", (RealFunction) x -> x[0].min(x[1]), new double[] {1, 0},
                        new double[] {5, 7}, "7*t", 7.0, List.of()),
                Arguments.of("max at a tie", (RealFunction) x -> x[0].max(x[1]), new double[] {0, 0},
                        new double[] {2, 1}, "2*t", 2.0, List.of("max at a tie")),
                Arguments.of("min at a tie", (RealFunction) x -> x[0].min(x[1]), new double[] {0, 0},
                        new double[] {2, 1}, "t", 1.0, List.of("min at a tie")),
                Arguments.of("max(x, 2y) − y, equal for small t", (RealFunction) x -> x[0].max(x[1].multiply(2))
                        .subtract(x[1]), new double[] {0, 0}, new double[] {2, 1}, "t", 1.0, List.of("max at a tie")),
                Arguments.of("hypot(x, y) at (1, 0)", (RealFunction) x -> x[0].hypot(x[1]), new double[] {1, 0},
                        new double[] {1, 1}, "1 + t + 0.5*t^2 + O(t^3)", 1.0, List.of()),
                Arguments.of("hypot(x, y) at (0, 0)", (RealFunction) x -> x[0].hypot(x[1]), new double[] {0, 0},
                        new double[] {3, 4}, "5*t", 5.0, List.of("hypot at (0, 0)", "hypot at 0")),
                Arguments.of("x^y at (2, 3)", (RealFunction) x -> x[0].pow(x[1]), new double[] {2, 3},
                        new double[] {1, 1}, "8 + 17.54517744*t + 20.23957822*t^2 + O(t^3)", 12 + 8 * Math.log(2),
                        List.of()),
                Arguments.of("xy − y at (1, 2)", (RealFunction) x -> x[0].multiply(x[1]).subtract(x[1]),
                        new double[] {1, 2}, new double[] {1, 1}, "2*t + t^2", 2.0, List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("twoVariables")
    void choicesAndTheirKinks(String name, RealFunction f, double[] x, double[] v, String expansion, double dv,
                              List<String> kinks) {
        DirectionalDerivative d = OneSided.directionalDerivative(f, x, v);
        assertThat(d.expansion()).isEqualTo(expansion);
        assertThat(d.value()).isCloseTo(dv, org.assertj.core.api.Assertions.within(1e-15 * Math.abs(dv)));
        assertThat(d.kinks()).isEqualTo(kinks);
    }

    @Test
    void codeThatBranchesOnTheValueSeesTheLimitOfTheRay() {
        // value() of 1/(x + t v) at x = 0 is +∞ along +1 and −∞ along −1; of sin(x + t v) it is 0
        RealFunction f = x -> x[0].pow(-1).value() == Double.POSITIVE_INFINITY ? x[0] : x[0].multiply(2);
        assertThat(d(f, 0, 1).value()).isEqualTo(1);
        assertThat(d(f, 0, -1).value()).isEqualTo(-2);
        RealFunction g = x -> x[0].sin().value() == 0 ? x[0] : x[0].multiply(2);
        assertThat(d(g, 0, -1).value()).isEqualTo(-1);
        assertThat(d(x -> x[0].subtract(x[0]).pow(-1), 1, 1).toString())
                .isEqualTo("does not exist (pow by zero: f is undefined for small t > 0)");
        assertThat(d(x -> x[0].subtract(1).pow(0.5), 1, -1).toString())
                .isEqualTo("does not exist (pow of a negative argument: f is undefined for small t > 0)");
        assertThat(d(x -> x[0].pow(-0.5), 0, 1).reason())
                .isEqualTo("f(x + t v) grows without bound as t → 0⁺ (like t^-1/2)");
        assertThat(d(x -> x[0].pow(-0.5), 0, 1).kinks()).isEmpty(); // outside the domain at 0, not a kink
        assertThat(d(x -> x[0].pow(1.5), 0, 1).kinks()).containsExactly("pow at 0");
    }

    @Test
    void infiniteSlopesAndJumpsSayWhy() {
        DirectionalDerivative sqrt = d(x -> x[0].sqrt(), 0, 1);
        assertThat(sqrt.kind()).isEqualTo(DirectionalDerivative.Kind.POSITIVE_INFINITY);
        assertThat(sqrt.exists()).isTrue();
        assertThat(sqrt.isFinite()).isFalse();
        assertThat(sqrt.isJump()).isFalse();
        assertThat(sqrt.kinks()).containsExactly("sqrt at 0");
        assertThat(sqrt.reason()).isEqualTo("f(x + t v) − f(x) behaves like 1·t^1/2: infinite slope");
        DirectionalDerivative sign = d(x -> x[0].sign(), 0, 1);
        assertThat(sign.isJump()).isTrue();
        assertThat(sign.exists()).isTrue();
        assertThat(sign.reason()).startsWith(DirectionalDerivative.JUMP);
        DirectionalDerivative outside = d(x -> x[0].sqrt(), 0, -1);
        assertThat(outside.kind()).isEqualTo(DirectionalDerivative.Kind.DOES_NOT_EXIST);
        assertThat(outside.exists()).isFalse();
        assertThat(outside.isJump()).isFalse();
        assertThat(outside.toString())
                .isEqualTo("does not exist (sqrt of a negative argument: f is undefined for small t > 0)");
        DirectionalDerivative pi = d(x -> x[0].pow(Math.PI), 0, 1);
        assertThat(pi.kind()).isEqualTo(DirectionalDerivative.Kind.NOT_DECIDED);
        assertThat(pi.exists()).isFalse();
        assertThat(pi.toString()).startsWith("not decided (pow: the exponent 3.141592653589793 is not a simple");
        DirectionalDerivative max = OneSided.directionalDerivative(x -> x[0].max(x[1]), new double[] {0, 0},
                new double[] {1, 2});
        assertThat(max.value()).isEqualTo(2);
        assertThat(max.kinks()).containsExactly("max at a tie");
        assertThat(max.oneSided()).isTrue();
    }

    @Test
    void aDirectionalDerivativeFromAGradientAndItsUnitDirection() {
        DirectionalDerivative d = DirectionalDerivative.of(new double[] {1, 2}, new double[] {3, 4}, 10,
                DirectionalDerivative.Method.AD);
        assertThat(d.kind()).isEqualTo(DirectionalDerivative.Kind.FINITE);
        assertThat(d.reason()).isNull();
        assertThat(d.oneSided()).isFalse();
        assertThat(d.isFinite()).isTrue();
        assertThat(d.exists()).isTrue();
        assertThat(d.isJump()).isFalse();
        DirectionalDerivative u = d.unit();
        assertThat(u.value()).isEqualTo(2); // 10 / ‖(3, 4)‖
        assertThat(u.direction()).containsExactly(3 * (1 / 5.0), 4 * (1 / 5.0)); // v scaled by 1/‖v‖
        assertThat(u.normalised()).isTrue();
        assertThat(u.unit()).isSameAs(u);
        assertThat(DirectionalDerivative.of(new double[] {0}, new double[] {2}, Double.POSITIVE_INFINITY,
                DirectionalDerivative.Method.SYMBOLIC).unit().value()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(DirectionalDerivative.of(new double[] {0}, new double[] {1}, Double.NEGATIVE_INFINITY,
                DirectionalDerivative.Method.SYMBOLIC).kind()).isEqualTo(DirectionalDerivative.Kind.NEGATIVE_INFINITY);
        DirectionalDerivative nan = DirectionalDerivative.of(new double[] {0}, new double[] {1}, Double.NaN,
                DirectionalDerivative.Method.NUMERIC);
        assertThat(nan.kind()).isEqualTo(DirectionalDerivative.Kind.NOT_DECIDED);
        assertThat(nan.reason()).isEqualTo("the value is NaN");
        assertThatThrownBy(() -> DirectionalDerivative.of(new double[] {0}, new double[] {0}, 1,
                DirectionalDerivative.Method.AD).unit()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the zero direction has no unit vector");
        assertThat(DirectionalDerivative.Method.EXPANSION.description())
                .isEqualTo("exact one-sided expansion of f(x + t v)");
    }

    @Test
    void equalityIsByValueOverEveryComponent() {
        double[] x = {1, 2};
        double[] v = {3, 4};
        DirectionalDerivative a = new DirectionalDerivative(x, v, false, DirectionalDerivative.Kind.FINITE, 1.5, null,
                DirectionalDerivative.Method.EXPANSION, true, List.of("abs at 0"), "1.5*t");
        DirectionalDerivative same = new DirectionalDerivative(x.clone(), v.clone(), false,
                DirectionalDerivative.Kind.FINITE, 1.5, null, DirectionalDerivative.Method.EXPANSION, true,
                List.of("abs at 0"), "1.5*t");
        assertThat(a).isEqualTo(same).hasSameHashCodeAs(same);
        assertThat(a).isNotEqualTo("1.5");
        List<DirectionalDerivative> others = List.of(
                new DirectionalDerivative(new double[] {1, 3}, v, false, DirectionalDerivative.Kind.FINITE, 1.5, null,
                        DirectionalDerivative.Method.EXPANSION, true, List.of("abs at 0"), "1.5*t"),
                new DirectionalDerivative(x, new double[] {3, 5}, false, DirectionalDerivative.Kind.FINITE, 1.5, null,
                        DirectionalDerivative.Method.EXPANSION, true, List.of("abs at 0"), "1.5*t"),
                new DirectionalDerivative(x, v, true, DirectionalDerivative.Kind.FINITE, 1.5, null,
                        DirectionalDerivative.Method.EXPANSION, true, List.of("abs at 0"), "1.5*t"),
                new DirectionalDerivative(x, v, false, DirectionalDerivative.Kind.NOT_DECIDED, 1.5, null,
                        DirectionalDerivative.Method.EXPANSION, true, List.of("abs at 0"), "1.5*t"),
                new DirectionalDerivative(x, v, false, DirectionalDerivative.Kind.FINITE, 2.5, null,
                        DirectionalDerivative.Method.EXPANSION, true, List.of("abs at 0"), "1.5*t"),
                new DirectionalDerivative(x, v, false, DirectionalDerivative.Kind.FINITE, 1.5, "why",
                        DirectionalDerivative.Method.EXPANSION, true, List.of("abs at 0"), "1.5*t"),
                new DirectionalDerivative(x, v, false, DirectionalDerivative.Kind.FINITE, 1.5, null,
                        DirectionalDerivative.Method.AD, true, List.of("abs at 0"), "1.5*t"),
                new DirectionalDerivative(x, v, false, DirectionalDerivative.Kind.FINITE, 1.5, null,
                        DirectionalDerivative.Method.EXPANSION, false, List.of("abs at 0"), "1.5*t"),
                new DirectionalDerivative(x, v, false, DirectionalDerivative.Kind.FINITE, 1.5, null,
                        DirectionalDerivative.Method.EXPANSION, true, List.of(), "1.5*t"),
                new DirectionalDerivative(x, v, false, DirectionalDerivative.Kind.FINITE, 1.5, null,
                        DirectionalDerivative.Method.EXPANSION, true, List.of("abs at 0"), "1.5*t + O(t^2)"));
        for (DirectionalDerivative o : others) {
            assertThat(a).isNotEqualTo(o);
        }
        // the record copies its arrays in and out
        x[0] = 9;
        assertThat(a.point()).containsExactly(1, 2);
        a.point()[1] = 9;
        assertThat(a.point()).containsExactly(1, 2);
    }

    @Test
    void exponentsAreRationalsInLowestTerms() {
        assertThat(Rational.of(2, -4)).hasToString("-1/2").isEqualTo(Rational.of(-1, 2));
        assertThat(Rational.of(6, 3)).hasToString("2");
        assertThat(Rational.of(6, 3).isInteger()).isTrue();
        assertThat(Rational.of(1, 3).isInteger()).isFalse();
        assertThat(Rational.of(0, 5)).isEqualTo(Rational.ZERO).hasSameHashCodeAs(Rational.ZERO);
        assertThat(Rational.of(1, 3).hashCode()).isNotEqualTo(Rational.of(3, 1).hashCode());
        assertThat(Rational.INFINITY).hasToString("∞");
        assertThatThrownBy(() -> Rational.of(1, 0)).isInstanceOf(ArithmeticException.class);
        // of(double): simple fractions up to denominator 1000
        assertThat(Rational.of(0.3)).isEqualTo(Rational.of(3, 10));
        assertThat(Rational.of(-2.5)).isEqualTo(Rational.of(-5, 2));
        assertThat(Rational.of(1.0 / 999)).isEqualTo(Rational.of(1, 999));
        assertThat(Rational.of(1.0 / 1001)).isNull();
        assertThat(Rational.of(Math.PI)).isNull();
        assertThat(Rational.of(Double.NaN)).isNull();
        assertThat(Rational.of(2e12)).isNull();
        assertThat(Rational.of(1e12)).isEqualTo(Rational.of(1_000_000_000_000L));
        // arithmetic
        Rational half = Rational.of(1, 2);
        Rational third = Rational.of(1, 3);
        assertThat(half.plus(third)).isEqualTo(Rational.of(5, 6));
        assertThat(half.minus(third)).isEqualTo(Rational.of(1, 6));
        assertThat(half.times(Rational.of(-2, 3))).isEqualTo(Rational.of(-1, 3));
        assertThat(half.plus(Rational.INFINITY)).isEqualTo(Rational.INFINITY);
        assertThat(Rational.INFINITY.times(half)).isEqualTo(Rational.INFINITY);
        assertThat(half.times(Rational.INFINITY)).isEqualTo(Rational.INFINITY);
        assertThat(Rational.INFINITY.times(Rational.ZERO)).isEqualTo(Rational.ZERO);
        assertThat(Rational.ZERO.times(Rational.INFINITY)).isEqualTo(Rational.ZERO);
        assertThatThrownBy(() -> half.minus(Rational.INFINITY)).isInstanceOf(ArithmeticException.class);
        assertThat(half.min(third)).isSameAs(third);
        assertThat(third.min(half)).isSameAs(third);
        assertThat(half.max(third)).isSameAs(half);
        assertThat(third.max(half)).isSameAs(half);
        assertThat(half.min(Rational.of(1, 2))).isSameAs(half);
        assertThat(half.max(Rational.of(1, 2))).isSameAs(half);
        assertThat(half.max(Rational.INFINITY)).isEqualTo(Rational.INFINITY);
        assertThat(half.doubleValue()).isEqualTo(0.5);
        assertThat(Rational.of(-1, 3).doubleValue()).isEqualTo(-1.0 / 3);
        assertThat(Rational.INFINITY.doubleValue()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(half.compareTo(third)).isPositive();
        assertThat(third.compareTo(half)).isNegative();
        assertThat(half.compareTo(Rational.of(2, 4))).isZero();
        assertThat(Rational.INFINITY.compareTo(half)).isPositive();
        assertThat(half.compareTo(Rational.INFINITY)).isNegative();
        assertThat(Rational.INFINITY.compareTo(Rational.INFINITY)).isZero();
        assertThat(Rational.of(-3, 2).signum()).isEqualTo(-1);
        assertThat(Rational.INFINITY.isInfinite()).isTrue();
        assertThat(half.isInfinite()).isFalse();
    }
}
