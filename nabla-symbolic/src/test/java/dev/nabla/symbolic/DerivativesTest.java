package dev.nabla.symbolic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nabla.core.field.DomainException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Partial derivatives, Hessians and Jacobians as formulas. */
class DerivativesTest {

    @Test
    void jacobianOfSeveralFormulasHasOneRowPerComponent() {
        List<Formula> u = Formula.parseAll(List.of("x*y", "sin(x) + z", "y^2"), null);
        assertThat(u.get(0).variables()).containsExactly("x", "y", "z");
        List<List<Formula>> j = Formula.jacobianFormulas(u);
        assertThat(j).hasSize(3);
        assertThat(j.get(0)).extracting(Formula::toString).containsExactly("y", "x", "0");
        assertThat(j.get(1)).extracting(Formula::toString).containsExactly("cos(x)", "0", "1");
        assertThat(j.get(2)).extracting(Formula::toString).containsExactly("0", "2*y", "0");
        assertThatThrownBy(() -> Formula.jacobianFormulas(List.of(Formula.parse("x"), Formula.parse("y"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("parseAll");
    }

    @Test
    void hessianFormulasOfTheWorkedExample() {
        Formula f = Formula.parse("x^2*sin(y) + y^3");
        List<List<Formula>> h = f.hessianFormulas();
        assertThat(h.get(0)).extracting(Formula::toString).containsExactly("2*sin(y)", "2*x*cos(y)");
        assertThat(h.get(1)).extracting(Formula::toString).containsExactly("2*x*cos(y)", "6*y - x^2*sin(y)");
        double[] p = {0.7, 1.2};
        double[][] expected = {{2 * Math.sin(1.2), 2 * 0.7 * Math.cos(1.2)},
            {2 * 0.7 * Math.cos(1.2), 6 * 1.2 - 0.49 * Math.sin(1.2)}};
        double[][] actual = f.hessian(p);
        for (int i = 0; i < 2; i++) {
            assertThat(actual[i]).containsExactly(expected[i], within(1e-12));
        }
        assertThat(f.hessianVectorProduct(p, new double[] {1, -2})).containsExactly(
                new double[] {expected[0][0] - 2 * expected[0][1], expected[1][0] - 2 * expected[1][1]}, within(1e-12));
    }

    @Test
    void hessianIsTheDerivativeOfTheGradient() {
        Formula f = Formula.parse("exp(x*sin(y))*ln(1 + x^2 + y^2) + atan2(y, x + 3)*cosh(x*y)");
        double[] p = {0.4, -0.9};
        double[][] h = f.hessian(p);
        double step = 1e-6;
        for (int j = 0; j < 2; j++) {
            double[] a = p.clone();
            double[] b = p.clone();
            a[j] += step;
            b[j] -= step;
            double[] ga = f.gradient(a);
            double[] gb = f.gradient(b);
            for (int i = 0; i < 2; i++) {
                // central difference of the gradient, h = 1e-6: error ~ h^2 |f''''| + 1e-16 |∇f| / h ≈ 1e-10
                assertThat(h[i][j]).isCloseTo((ga[i] - gb[i]) / (2 * step), within(1e-7));
            }
        }
    }

    @Test
    void unusedVariablesHaveZeroPartials() {
        Formula f = Formula.parse("x^2", List.of("x", "y"));
        assertThat(f.partial("y").toString()).isEqualTo("0");
        assertThat(f.directionalDerivativeFormula(new double[] {0, 5}).toString()).isEqualTo("0");
        assertThat(f.directionalDerivativeByDefinition(new double[] {3, 5}).toString()).isEqualTo("6*x");
    }

    @Test
    void byDefinitionPicksAFreshLineParameterWhenTIsAVariable() {
        Formula f = Formula.parse("t^2*x");
        assertThat(f.directionalDerivativeByDefinition(new double[] {1, 1})).isEqualTo(f.directionalDerivativeFormula(new double[] {1, 1}));
        assertThat(f.directionalDerivativeFormula(new double[] {1, 1}).toString()).isEqualTo("t^2 + 2*t*x");
    }

    @Test
    void variableExponentsNeedAPositiveBaseForTheirDerivative() {
        Formula f = Formula.parse("x^y");
        assertThat(f.partial("y").toString()).isEqualTo("x^y*log(x)");
        assertThatThrownBy(() -> f.valueAndGradient(new double[] {-2, 2})).isInstanceOf(DomainException.class)
                .hasMessageContaining("positive base");
        assertThat(f.gradient(new double[] {2, 3})).containsExactly(new double[] {12, 8 * Math.log(2)}, within(1e-12));
    }

    @Test
    void naryMaxMinAndNormDifferentiateAsTheirNestedBinaryForms() {
        double[] p = {1, 3, 2};
        assertThat(Formula.parse("max(x, y, z)").gradient(p)).containsExactly(0, 1, 0);
        assertThat(Formula.parse("min(x, y, z)").gradient(p)).containsExactly(1, 0, 0);
        // ∇‖x‖ = x/‖x‖, against the formula written out
        double n = Math.sqrt(14);
        assertThat(Formula.parse("norm(x, y, z)").gradient(p)).containsExactly(new double[] {1 / n, 3 / n, 2 / n},
                within(1e-15));
        assertThat(Formula.parse("norm(x, y, z)").value(p)).isCloseTo(n, within(1e-15));
    }

    @Test
    void derivativesOfEveryFunctionPrintAsExpected() {
        // the table of primitives' rules (dev.nabla.core.prim.Primitive) applied to expressions: the accurate
        // forms AD uses too (asinh' = 1/hypot(1, a), atanh' = 1/((1 - a)(1 + a)), acosh' without overflow)
        String[][] cases = {
            {"tan(x)", "tan(x)^2 + 1"}, {"sec(x)", "sec(x)*tan(x)"}, {"csc(x)", "-cot(x)*csc(x)"},
            {"cot(x)", "-(cot(x)^2 + 1)"}, {"asin(x)", "1/sqrt((x + 1)*(1 - x))"},
            {"acos(x)", "-1/sqrt((x + 1)*(1 - x))"},
            {"atan(x)", "1/(x^2 + 1)"}, {"sinh(x)", "cosh(x)"}, {"cosh(x)", "sinh(x)"},
            {"tanh(x)", "(tanh(x) + 1)*(1 - tanh(x))"}, {"asinh(x)", "1/hypot(1, x)"},
            {"acosh(x)", "1/(sqrt(x - 1)*sqrt(x + 1))"},
            {"atanh(x)", "1/((x + 1)*(1 - x))"}, {"exp(2*x)", "2*exp(2*x)"}, {"ln(x)", "1/x"},
            {"log10(x)", "1/(x*log(10))"}, {"log2(x)", "1/(x*log(2))"}, {"sqrt(x)", "1/(2*sqrt(x))"},
            {"cbrt(x)", "1/(3*cbrt(x)^2)"}, {"abs(x)", "sign(x)"}, {"sign(x)", "0"},
            {"max(x, 1)", "if(x >= 1, 1, 0)"}, {"min(x, 1)", "if(1 >= x, 1, 0)"},
            {"hypot(x, 2)", "x/hypot(x, 2)"}, {"atan2(1, x)", "-1/hypot(1, x)^2"}, {"2^x", "2^x*log(2)"},
            {"if(x > 0, x^2, -x)", "if(x > 0, 2*x, -1)"},
            // rational constants stay exact (never 0.3333333333333333)
            {"x^(1/3)", "x^(-2/3)/3"}, {"x/3", "1/3"}, {"x^3/3", "x^2"}, {"0.5*x^2", "x"}, {"x^1.5", "3*x^0.5/2"},
            {"0.1*x^2", "x/5"},
        };
        for (String[] c : cases) {
            assertThat(Formula.parse(c[0]).partial("x").toString()).as(c[0]).isEqualTo(c[1]);
        }
    }
}
