package dev.nabla.symbolic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nabla.core.field.DomainException;
import dev.nabla.core.field.Gradient;
import dev.nabla.core.field.Kink;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Domain errors name the sub-expression and the point; kinks are reported, never silently a number. */
class EvaluationTest {

    @Test
    void logOfANegativeNumberNamesTheSubExpressionAndThePoint() {
        Formula f = Formula.parse("x^2 + log(x - 2)");
        DomainException e = org.assertj.core.api.Assertions.catchThrowableOfType(DomainException.class,
                () -> f.value(new double[] {1}));
        assertThat(e.getMessage()).isEqualTo("log of -1 (argument must be > 0) in log(x - 2) at [1.0]");
        assertThat(e.subExpression()).isEqualTo("log(x - 2)");
        assertThat(e.point()).containsExactly(1);
    }

    @ParameterizedTest(name = "{0} at {1}")
    @CsvSource(delimiter = '|', value = {
        "x/y             | 1;0    | division by zero (y is 0) in x/y at [1.0, 0.0]",
        "1/(x - y)       | 2;2    | division by zero (x - y is 0) in 1/(x - y) at [2.0, 2.0]",
        "x^-2            | 0      | division by zero (x is 0) in 1/x^2 at [0.0]",
        "sqrt(x)         | -4     | sqrt of -4 (argument must be >= 0) in sqrt(x) at [-4.0]",
        "asin(x)         | 2      | asin of 2 (argument must be in [-1, 1]) in asin(x) at [2.0]",
        "acos(x)         | -1.5   | acos of -1.5 (argument must be in [-1, 1]) in acos(x) at [-1.5]",
        "acosh(x)        | 0.5    | acosh of 0.5 (argument must be >= 1) in acosh(x) at [0.5]",
        "atanh(x)        | 1      | atanh of 1 (argument must be in (-1, 1)) in atanh(x) at [1.0]",
        "log10(x)        | 0      | log10 of 0 (argument must be > 0) in log10(x) at [0.0]",
        "ln(x)           | -3     | log of -3 (argument must be > 0) in log(x) at [-3.0]",
        "log2(x)         | -1     | log2 of -1 (argument must be > 0) in log2(x) at [-1.0]",
        "csc(x)          | 0      | csc of 0 (sin is 0) in csc(x) at [0.0]",
        "cot(x)          | 0      | cot of 0 (sin is 0) in cot(x) at [0.0]",
        "sec(x)          | 0      | ",
        "atan2(x, y)     | 0;0    | atan2 of (0, 0) (undefined at the origin) in atan2(x, y) at [0.0, 0.0]",
        "x^0.5           | -8     | power of negative base -8 with non-integer exponent 0.5 in x^0.5 at [-8.0]",
        "x^y             | -2;0.5 | power of negative base -2 with non-integer exponent 0.5 in x^y at [-2.0, 0.5]",
        "exp(x) - exp(y) | 1000;1000 | undefined sum (infinity minus infinity) in exp(x) - exp(y) at [1000.0, 1000.0]",
    })
    void everyDomainErrorIsADomainExceptionFromBothEngines(String formula, String point, String message) {
        Formula f = Formula.parse(formula);
        String[] parts = point.split(";");
        double[] x = new double[parts.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = Double.parseDouble(parts[i]);
        }
        if (message == null) {
            assertThat(f.value(x)).isEqualTo(1); // sec(0) = 1 is defined
            return;
        }
        assertThatThrownBy(() -> f.value(x)).isInstanceOf(DomainException.class).hasMessage(message);
        assertThatThrownBy(() -> f.compile().value(x)).isInstanceOf(DomainException.class).hasMessage(message);
        assertThatThrownBy(() -> f.valueAndGradient(x)).isInstanceOf(DomainException.class).hasMessage(message);
        assertThatThrownBy(() -> f.compile().valueAndGradient(x, new double[x.length]))
                .isInstanceOf(DomainException.class).hasMessage(message);
    }

    @Test
    void untakenBranchesAndShortCircuitedConditionsAreNeverEvaluated() {
        assertThat(Formula.parse("if(x > 0, log(x), 0)").value(new double[] {-1})).isZero();
        assertThat(Formula.parse("if(x > 0 and log(x) > 1, 1, 2)").value(new double[] {-1})).isEqualTo(2);
        assertThat(Formula.parse("if(x <= 0 or log(x) > 1, 1, 2)").value(new double[] {-1})).isEqualTo(1);
        assertThat(Formula.parse("if(x > 0, log(x), 0)").compile().value(new double[] {-1})).isZero();
        assertThat(Formula.parse("if(x > 0, log(x), 0)").compile().valueAndGradient(new double[] {-1}).gradient())
                .containsExactly(0);
    }

    @Test
    void overflowIsInfinityNotAnError() {
        assertThat(Formula.parse("exp(x)").value(new double[] {1000})).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(Formula.parse("exp(x)").compile().value(new double[] {1000})).isEqualTo(Double.POSITIVE_INFINITY);
    }

    private static Gradient at(String formula, double... x) {
        Formula f = Formula.parse(formula);
        Gradient interpreted = f.valueAndGradient(x);
        Gradient compiled = f.compile().valueAndGradient(x);
        assertThat(compiled.gradient()).containsExactly(interpreted.gradient());
        assertThat(compiled.kinks()).isEqualTo(interpreted.kinks());
        return interpreted;
    }

    @Test
    void kinksAreReportedWithTheDocumentedOneSidedConvention() {
        Gradient abs = at("abs(x - 1)", 1);
        assertThat(abs.kinks()).containsExactly(new Kink("abs", "abs(x - 1)"));
        assertThat(abs.gradient()).containsExactly(0); // abs'(0) = 0

        Gradient max = at("max(x, y)", 2, 2);
        assertThat(max.kinks()).extracting(Kink::primitive).containsExactly("max");
        assertThat(max.gradient()).containsExactly(1, 0); // a tie takes the first argument

        Gradient min = at("min(x, y)", 2, 2);
        assertThat(min.kinks()).extracting(Kink::primitive).containsExactly("min");
        assertThat(min.gradient()).containsExactly(1, 0);

        Gradient sign = at("x*sign(y)", 3, 0);
        assertThat(sign.kinks()).extracting(Kink::primitive).containsExactly("sign");
        assertThat(sign.gradient()).containsExactly(0, 0);

        Gradient hypot = at("hypot(x, y)", 0, 0);
        assertThat(hypot.kinks()).extracting(Kink::primitive).containsExactly("hypot");
        assertThat(hypot.gradient()).containsExactly(0, 0);

        Gradient piecewise = at("if(x < 0, -x, 2*x)", 0);
        assertThat(piecewise.kinks()).extracting(Kink::primitive).containsExactly("if");
        assertThat(piecewise.gradient()).containsExactly(2); // the branch the condition selects

        Gradient cbrt = at("cbrt(x)", 0);
        assertThat(cbrt.kinks()).extracting(Kink::primitive).containsExactly("cbrt");
    }

    @Test
    void aKinkWhoseAdjointIsZeroIsHarmlessAndNotReported() {
        // y*|x| at (0, 0): |f(h)| <= |h|^2, so f is differentiable with gradient 0
        Gradient g = at("y*abs(x)", 0, 0);
        assertThat(g.isSmooth()).isTrue();
        assertThat(g.gradient()).containsExactly(0, 0);
    }

    @Test
    void awayFromKinksEverythingIsSmooth() {
        assertThat(at("abs(x - 1) + max(x, y)", 3, 1).isSmooth()).isTrue();
        assertThat(at("abs(x - 1) + max(x, y)", 3, 1).gradient()).containsExactly(2, 0);
    }

    @Test
    void pointsOfTheWrongDimensionAreRefused() {
        Formula f = Formula.parse("x + y");
        assertThatThrownBy(() -> f.value(new double[] {1})).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("point has 1 coordinates, expected 2");
        assertThatThrownBy(() -> f.compile().value(new double[] {1})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> f.value(new double[] {1, Double.NaN})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("finite");
        assertThatThrownBy(() -> f.compile().value(new double[] {Double.POSITIVE_INFINITY, 1}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> f.directionalDerivativeFormula(new double[] {1})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> f.partial("z")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Formula.parse("x", List.of("x", "x"))).isInstanceOf(IllegalArgumentException.class);
    }
}
