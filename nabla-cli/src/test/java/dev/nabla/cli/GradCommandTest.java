package dev.nabla.cli;

import static java.lang.Math.cos;
import static java.lang.Math.exp;
import static java.lang.Math.log;
import static java.lang.Math.sin;
import static java.lang.Math.sqrt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code nabla grad}. Tolerance 1e-12 (relative to O(1) values): the symbolic gradient and the hand-written
 * formulas below evaluate the same elementary functions in a different order, so they may differ by a few ulps.
 */
class GradCommandTest {
    private static final double TOL = 1e-12;
    private static final double X = 0.7;
    private static final double Y = 1.2;

    @Test
    void theDocumentsExamplePrintsGradientFormulasNumbersAndTheDirectionalDerivative() {
        CliRun r = CliRun.of("grad", "x^2*sin(y) + y^3", "--at", "x=0.7,y=1.2", "--dir", "1,-2");
        assertThat(r.exit()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("∇f(x, y) = (2*x*sin(y), x^2*cos(y) + 3*y^2)")
                .contains("at (x, y) = (0.7, 1.2):")
                .contains("D_v f(x, y) = ∇f·v = ").contains("with v = (1, -2)")
                .containsPattern("  D_v f = [0-9.]+·1 \\+ [0-9.]+·\\(-2\\) = -7\\.69");
    }

    @Test
    void theDocumentsExampleAsJson() {
        JsonNode json = JsonOf.parse(CliRun.of("grad", "x^2*sin(y) + y^3", "--at", "x=0.7,y=1.2", "--dir", "1,-2",
                "--json"));
        assertThat(json.get("expression").asText()).isEqualTo("x^2*sin(y) + y^3");
        assertThat(json.get("variables").toString()).isEqualTo("[\"x\",\"y\"]");
        assertThat(JsonOf.vector(json.get("point"))).containsExactly(X, Y);
        assertThat(json.get("value").asDouble()).isCloseTo(X * X * sin(Y) + Y * Y * Y, within(TOL));
        assertThat(json.get("gradientFormulas").get(0).get("text").asText()).isEqualTo("2*x*sin(y)");
        assertThat(json.get("gradientFormulas").get(1).get("text").asText()).isEqualTo("x^2*cos(y) + 3*y^2");
        assertThat(json.get("gradientFormulas").get(0).get("latex").asText()).isNotBlank();
        double fx = 2 * X * sin(Y);
        double fy = X * X * cos(Y) + 3 * Y * Y;
        assertThat(JsonOf.vector(json.get("gradient"))).containsExactly(new double[] {fx, fy}, within(TOL));
        assertThat(json.get("differentiable").asBoolean()).isTrue();
        assertThat(json.get("kinks")).isEmpty();
        JsonNode direction = json.get("direction");
        assertThat(JsonOf.vector(direction.get("v"))).containsExactly(1, -2);
        // the documents' answer: D_(a,b) f = 2ax sin y + b(x² cos y + 3y²) with (a, b) = (1, -2)
        assertThat(direction.get("value").asDouble()).isCloseTo(fx - 2 * fy, within(TOL));
        assertThat(direction.get("formula").get("text").asText()).isNotBlank();
    }

    @Test
    void withoutDirectionThereIsNoDirectionalDerivative() {
        CliRun r = CliRun.of("grad", "x^2*sin(y) + y^3", "--at", "0.7,1.2");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).doesNotContain("D_v");
        assertThat(JsonOf.parse(CliRun.of("grad", "x^2*sin(y) + y^3", "--at", "0.7,1.2", "--json")).has("direction"))
                .isFalse();
    }

    @Test
    void varsFixesTheOrderOfPointGradientAndDirection() {
        JsonNode json = JsonOf.parse(CliRun.of("grad", "x^2*sin(y) + y^3", "--vars", "y,x", "--at", "1.2,0.7",
                "--dir", "-2,1", "--json"));
        assertThat(json.get("variables").toString()).isEqualTo("[\"y\",\"x\"]");
        assertThat(JsonOf.vector(json.get("gradient"))).containsExactly(
                new double[] {X * X * cos(Y) + 3 * Y * Y, 2 * X * sin(Y)}, within(TOL));
        assertThat(json.get("direction").get("value").asDouble())
                .isCloseTo(2 * X * sin(Y) - 2 * (X * X * cos(Y) + 3 * Y * Y), within(TOL));
    }

    @Test
    void negativeDirectionComponentsAreValuesNotOptions() {
        JsonNode json = JsonOf.parse(CliRun.of("grad", "x*y", "--at", "x=2,y=3", "--dir", "-1,-1", "--json"));
        assertThat(json.get("direction").get("value").asDouble()).isEqualTo(-5);
    }

    static Stream<Arguments> documentsExercises() {
        Function<double[], double[]> expLog = p -> {
            double x = p[0], y = p[1], s = 1 + x * x + y * y, e = exp(x * sin(y));
            return new double[] {e * sin(y) * log(s) + e * 2 * x / s, e * x * cos(y) * log(s) + e * 2 * y / s};
        };
        Function<double[], double[]> expCos = p -> new double[] {
                p[1] * exp(p[0] * p[1]) - sin(p[0] - p[1]), p[0] * exp(p[0] * p[1]) + sin(p[0] - p[1])};
        Function<double[], double[]> norm = p -> {
            double r = sqrt(p[0] * p[0] + p[1] * p[1]);
            return new double[] {p[0] / r, p[1] / r};
        };
        Function<double[], double[]> logSquares = p -> {
            double r2 = p[0] * p[0] + p[1] * p[1];
            return new double[] {2 * p[0] / r2, 2 * p[1] / r2};
        };
        // ½xᵀQx + bᵀx with Q = [[2, 1], [1, 3]], b = (1, -1): ∇ = Qx + b
        Function<double[], double[]> quadratic = p -> new double[] {2 * p[0] + p[1] + 1, p[0] + 3 * p[1] - 1};
        return Stream.of(
                Arguments.of("exp(x*sin(y))*ln(1 + x^2 + y^2)", expLog),
                Arguments.of("exp(x*y) + cos(x - y)", expCos),
                Arguments.of("sqrt(x^2 + y^2)", norm),
                Arguments.of("ln(x^2 + y^2)", logSquares),
                Arguments.of("0.5*(2*x^2 + 2*x*y + 3*y^2) + x - y", quadratic));
    }

    @ParameterizedTest
    @MethodSource("documentsExercises")
    void theDocumentsExercisesMatchTheirHandDerivedGradients(String expression, Function<double[], double[]> grad) {
        JsonNode json = JsonOf.parse(CliRun.of("grad", expression, "--at", "x=0.7,y=-1.3", "--json"));
        assertThat(JsonOf.vector(json.get("gradient")))
                .containsExactly(grad.apply(new double[] {0.7, -1.3}), within(TOL));
    }

    @Test
    void softmaxCrossEntropyGradientIsPMinusY() {
        // f(z) = -ln p_1(z) for the true class 1 of 3: ∇f = p - e_1
        double[] z = {0.3, -1.1, 2.0};
        CliRun r = CliRun.of("grad", "-ln(exp(a)/(exp(a) + exp(b) + exp(c)))", "--at", "a=0.3,b=-1.1,c=2", "--json");
        double sum = exp(z[0]) + exp(z[1]) + exp(z[2]);
        assertThat(JsonOf.vector(JsonOf.parse(r).get("gradient"))).containsExactly(
                new double[] {exp(z[0]) / sum - 1, exp(z[1]) / sum, exp(z[2]) / sum}, within(TOL));
    }

    /**
     * abs(x) + y at (0, 1) has no gradient: said so with the directions that prove it, the exact D_v f for the
     * direction asked and the Clarke set. (Was: a conventional ∇f labelled one-sided.)
     */
    @Test
    void whereThereIsNoGradientItSaysSo() {
        CliRun r = CliRun.of("grad", "abs(x) + y", "--at", "x=0,y=1", "--dir", "1,1");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("∇f does not exist here: D_v f = 1 along v = (1, 0) but D_{−v} f = 1")
                .contains("D_v f = 2   (exact one-sided").contains("Clarke subdifferential ∂f = ")
                .contains("minimum-norm element g* = (0, 1)").doesNotContainPattern("  ∇f = \\(");

        JsonNode json = JsonOf.parse(CliRun.of("grad", "abs(x) + y", "--at", "x=0,y=1", "--json"));
        assertThat(json.get("differentiable").asBoolean()).isFalse();
        assertThat(json.get("proven").asBoolean()).isTrue();
        assertThat(json.has("gradient")).isFalse();
        assertThat(json.get("kinks").get(0).get("primitive").asText()).isEqualTo("abs");
        assertThat(JsonOf.vector(json.get("subdifferential").get("minimumNormElement"))).containsExactly(0, 1);
    }

    /** Exercise 2 on grad: no gradient at 0, D_v f = ‖v‖, Clarke set the unit ball with minimum-norm element 0. */
    @Test
    void exercise2TheNormAtTheOrigin() {
        JsonNode json = JsonOf.parse(CliRun.of("grad", "sqrt(x^2+y^2)", "--at", "0,0", "--dir", "3,4", "--json"));
        assertThat(json.get("differentiable").asBoolean()).isFalse();
        assertThat(json.has("gradient")).isFalse();
        assertThat(json.get("direction").get("value").asDouble()).isEqualTo(5);
        assertThat(json.get("direction").get("unitValue").asDouble()).isEqualTo(1);
        JsonNode set = json.get("subdifferential");
        assertThat(set.get("set").get("shape").asText()).isEqualTo("ball");
        assertThat(set.get("set").get("radius").asDouble()).isEqualTo(1);
        assertThat(JsonOf.vector(set.get("minimumNormElement"))).containsExactly(0, 0);
        CliRun abs = CliRun.of("grad", "abs(x)", "--at", "x=0");
        assertThat(abs.out()).contains("∇f does not exist here").contains("∂f = [-1, 1]");
    }

    @Test
    void byComputesOneWayAndTheDefaultComparesTheOthers() {
        double[] expected = {2 * X * sin(Y), X * X * cos(Y) + 3 * Y * Y};
        for (String way : new String[] {"symbolic", "ad", "numeric"}) {
            JsonNode json = JsonOf.parse(CliRun.of("grad", "x^2*sin(y) + y^3", "--at", "x=0.7,y=1.2", "--by", way,
                    "--json"));
            assertThat(json.get("method").asText()).isEqualTo(way);
            assertThat(JsonOf.vector(json.get("gradient")))
                    .containsExactly(expected, within(way.equals("numeric") ? 1e-9 : TOL));
            assertThat(json.has("gradientError")).isEqualTo(way.equals("numeric"));
        }
        JsonNode json = JsonOf.parse(CliRun.of("grad", "x^2*sin(y) + y^3", "--at", "x=0.7,y=1.2", "--json"));
        assertThat(json.get("agreement").get("adAgrees").asBoolean()).isTrue();
        assertThat(json.get("agreement").get("numericAgrees").asBoolean()).isTrue();
    }

    @Test
    void theDocumentsCounterexampleIsFlaggedAtTheOrigin() {
        JsonNode json = JsonOf.parse(CliRun.of("grad", "if(x == 0 and y == 0, 0, x^2*y/(x^2 + y^2))",
                "--at", "x=0,y=0", "--json"));
        assertThat(json.get("differentiable").asBoolean()).isFalse();
        assertThat(json.get("value").asDouble()).isZero();
    }

    @Test
    void latexOutputUsesNabla() {
        CliRun r = CliRun.of("grad", "x^2*sin(y) + y^3", "--at", "x=0.7,y=1.2", "--dir", "1,-2", "--latex");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("\\nabla f(x, y) = \\left( ").contains("D_{v} f = \\nabla f \\cdot v = ")
                .doesNotContain("∇");
    }
}
