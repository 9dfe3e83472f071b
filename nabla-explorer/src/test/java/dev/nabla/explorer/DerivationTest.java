package dev.nabla.explorer;

import dev.nabla.symbolic.Formula;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The step-by-step derivation: each step a rule of the table, and the end equal to the engine's ∂f/∂x_i. */
class DerivationTest {
    private static final List<String> XY = List.of("x", "y");

    private static Derivation derive(String source, String variable) {
        return Derivation.of(Formula.parse(source, XY), variable, new PrintBudget(Limits.DEFAULT.maxFormulaTerms()));
    }

    private static List<String> rules(Derivation d) {
        return d.steps().stream().map(Derivation.Step::rule).toList();
    }

    @Test
    void theWorkedExampleIsTheSumRuleThenTheProductRuleThenThePowerRule() {
        // ∂/∂x (x² sin y + y³) = ∂/∂x (x² sin y) = sin y · ∂/∂x (x²) = sin y · 2x (the documents' 2x sin y)
        Derivation d = derive("x^2*sin(y) + y^3", "x");
        assertThat(rules(d)).containsExactly("sum", "product", "power");
        assertThat(d.steps()).extracting(Derivation.Step::depth).containsExactly(0, 1, 2);
        assertThat(d.steps().get(2).table()).as("the table's rule for u^w").contains("u^{w - 1} w");
        assertThat(value(d, 0.7, 1.2)).isEqualTo(2 * 0.7 * Math.sin(1.2), org.assertj.core.api.Assertions.within(1e-15));
        // ∂/∂y: the sum rule, then the product rule with the chain rule for sin (the table's sin' = cos), and y³
        Derivation dy = derive("x^2*sin(y) + y^3", "y");
        assertThat(rules(dy)).containsExactly("sum", "product", "chain", "power");
        assertThat(dy.steps().get(2).table()).contains("\\frac{d}{d u}\\sin").contains("\\cos");
        assertThat(value(dy, 0.7, 1.2)).isEqualTo(0.49 * Math.cos(1.2) + 3 * 1.44,
                org.assertj.core.api.Assertions.within(1e-14));
    }

    @Test
    void aKinkedPrimitiveUsesTheTablesConventionAndAnIfDerivesBranchByBranch() {
        Derivation abs = derive("abs(x*y)", "x");
        assertThat(rules(abs)).containsExactly("chain", "product");
        assertThat(abs.steps().get(0).table()).contains("\\operatorname{sgn}").as("d|u|/du = sign(u)");
        Derivation piecewise = derive("if(x > 0, x^2, -x)", "x");
        assertThat(rules(piecewise).get(0)).isEqualTo("piecewise");
        assertThat(value(piecewise, 2, 0)).isEqualTo(4.0);
        assertThat(value(piecewise, -2, 0)).isEqualTo(-1.0);
    }

    @Test
    void aConstantOrTheVariableItselfIsOneStep() {
        assertThat(rules(derive("y^2 + 3", "x"))).containsExactly("constant");
        assertThat(rules(derive("x", "x"))).containsExactly("variable");
        assertThat(derive("y^2 + 3", "x").result().plain()).isEqualTo("0");
    }

    @Test
    void aSharedSubExpressionIsDerivedOnceAndALongFormulaIsCutButItsResultIsWhole() {
        Derivation shared = derive("sin(x*y) + cos(x*y)", "x");
        assertThat(rules(shared)).containsExactly("sum", "chain", "product", "chain");
        String longSum = String.join(" + ", IntStream.range(1, 120).mapToObj(k -> "sin(" + k + "*x)").toList());
        Derivation cut = derive(longSum, "x");
        assertThat(cut.truncated()).isTrue();
        assertThat(cut.steps()).hasSize(Derivation.MAX_STEPS);
        double expected = IntStream.range(1, 120).mapToDouble(k -> k * Math.cos(k * 0.3)).sum();
        assertThat(value(cut, 0.3, 0)).isEqualTo(expected, org.assertj.core.api.Assertions.within(1e-9));
    }

    /** Random formulas of x and y (seeded): sums, products, quotients, powers and the table's functions. */
    static Stream<String> randomFormulas() {
        SplittableRandom random = new SplittableRandom(17);
        return IntStream.range(0, 40).mapToObj(i -> formula(random, 4));
    }

    private static String formula(SplittableRandom r, int depth) {
        if (depth == 0 || r.nextInt(4) == 0) {
            return switch (r.nextInt(4)) {
                case 0 -> "x";
                case 1 -> "y";
                case 2 -> String.valueOf(r.nextInt(1, 5));
                default -> "(x - " + r.nextInt(1, 3) + "*y)";
            };
        }
        String a = formula(r, depth - 1);
        String b = formula(r, depth - 1);
        return switch (r.nextInt(11)) {
            case 0 -> a + " + " + b;
            case 1 -> a + " - " + b;
            case 2 -> "(" + a + ")*(" + b + ")";
            case 3 -> "(" + a + ")/(2 + (" + b + ")^2)";
            case 4 -> "(" + a + ")^" + r.nextInt(2, 4);
            case 5 -> "sin(" + a + ")";
            case 6 -> "cos(" + a + ")*" + b;
            case 7 -> "exp(0.3*(" + a + "))";
            case 8 -> "log(1 + (" + a + ")^2)";
            case 9 -> "sqrt(1 + (" + a + ")^2)";
            default -> "atan2(" + a + ", 1 + (" + b + ")^2)";
        };
    }

    @ParameterizedTest
    @MethodSource("randomFormulas")
    void theDerivationEndsWhereTheEngineAndTheDifferenceQuotientDo(String source) {
        Formula f = Formula.parse(source, XY);
        SplittableRandom random = new SplittableRandom(source.hashCode());
        for (int i = 0; i < 2; i++) {
            Derivation d = derive(source, XY.get(i));
            Formula engine = f.gradientFormulas().get(i);
            for (int k = 0; k < 5; k++) {
                double[] p = {random.nextDouble(-1.5, 1.5), random.nextDouble(-1.5, 1.5)};
                double mine = value(d, p[0], p[1]);
                // the engine's reverse sweep builds ∂f/∂x_i another way (adjoints, parents first): the same up to rounding
                assertThat(mine).as("%s, ∂/∂%s at (%s, %s)", source, XY.get(i), p[0], p[1])
                        .isCloseTo(engine.value(p), org.assertj.core.api.Assertions.within(1e-9 * (1 + Math.abs(mine))));
                // independent of the table: a Richardson-extrapolated central difference of f's values, error O(h⁴)
                assertThat(mine).as("%s by difference quotients", source)
                        .isCloseTo(differenceQuotient(f, p, i), org.assertj.core.api.Assertions.within(1e-5 * (1 + Math.abs(mine))));
            }
        }
    }

    private static double differenceQuotient(Formula f, double[] p, int i) {
        double h = 1e-3;
        return (4 * central(f, p, i, h / 2) - central(f, p, i, h)) / 3;
    }

    private static double central(Formula f, double[] p, int i, double h) {
        double[] a = p.clone();
        double[] b = p.clone();
        a[i] += h;
        b[i] -= h;
        return (f.value(a) - f.value(b)) / (2 * h);
    }

    private static double value(Derivation d, double x, double y) {
        return Formula.parse(d.result().plain(), XY).value(new double[] {x, y});
    }
}
