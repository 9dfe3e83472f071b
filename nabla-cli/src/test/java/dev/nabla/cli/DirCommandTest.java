package dev.nabla.cli;

import static java.lang.Math.cos;
import static java.lang.Math.sin;
import static java.lang.Math.sqrt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** {@code nabla dir}. Tolerance 1e-12: symbolic and hand-written formulas may differ by a few ulps. */
class DirCommandTest {
    private static final double TOL = 1e-12;
    private static final double X = 0.7;
    private static final double Y = 1.2;
    /** The documents' answer D_(a,b) f = 2ax sin y + b(x² cos y + 3y²) at (0.7, 1.2), v = (1, -2). */
    private static final double ANSWER = 2 * X * sin(Y) - 2 * (X * X * cos(Y) + 3 * Y * Y);

    @Test
    void bothWaysOfTheDocumentsAgree() {
        JsonNode json = JsonOf.parse(CliRun.of("dir", "x^2*sin(y) + y^3", "--at", "x=0.7,y=1.2", "--dir", "1,-2",
                "--json"));
        assertThat(json.get("derivative").asDouble()).isCloseTo(ANSWER, within(TOL));
        assertThat(json.get("derivativeByDefinition").asDouble()).isCloseTo(ANSWER, within(TOL));
        assertThat(json.get("dotFormula").get("text").asText()).isNotBlank();
        assertThat(json.get("definitionFormula").get("text").asText()).isNotBlank();
        // D_v̂ f is always given for a non-zero direction (was: only with --unit)
        assertThat(json.get("unit").get("derivative").asDouble()).isCloseTo(ANSWER / sqrt(5), within(TOL));
        assertThat(json.get("differentiable").asBoolean()).isTrue();
        assertThat(json.get("method").asText()).isEqualTo("symbolic");
        assertThat(json.get("kind").asText()).isEqualTo("FINITE");
        assertThat(json.get("agreement").get("adAgrees").asBoolean()).isTrue();
        assertThat(json.get("agreement").get("numericAgrees").asBoolean()).isTrue();
    }

    @Test
    void textShowsBothWays() {
        CliRun r = CliRun.of("dir", "x^2*sin(y) + y^3", "--at", "x=0.7,y=1.2", "--dir", "1,-2");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("v = (1, -2)").contains("D_v f(x, y) = ∇f·v = ")
                .contains("D_v f(x, y) = d/dt f(x + t, y - 2*t) at t = 0 = ")
                .containsPattern("D_v f = ∇f·v = .* = -7\\.69")
                .containsPattern("D_v f = d/dt f\\(x \\+ t v\\) at t = 0 = -7\\.69")
                .containsPattern("D_v f = lim \\(f\\(x \\+ t v\\) − f\\(x\\)\\)/t as t → 0\\+ = -7\\.69")
                .containsPattern("D_v̂ f = D_v f/‖v‖ = -3\\.43")
                .contains("automatic differentiation agrees; the numerical limit agrees");
    }

    @Test
    void unitNormalisesAndPrintsBoth() {
        CliRun text = CliRun.of("dir", "x^2*sin(y) + y^3", "--at", "x=0.7,y=1.2", "--dir", "1,-2", "--unit");
        assertThat(text.exit()).isZero();
        assertThat(text.out()).contains("‖v‖ = 2.23606797749979").contains("D_v̂ f = ");
        JsonNode json = JsonOf.parse(CliRun.of("dir", "x^2*sin(y) + y^3", "--at", "x=0.7,y=1.2", "--dir", "1,-2",
                "--unit", "--json"));
        JsonNode unit = json.get("unit");
        assertThat(unit.get("norm").asDouble()).isEqualTo(sqrt(5));
        assertThat(JsonOf.vector(unit.get("direction")))
                .containsExactly(new double[] {1 / sqrt(5), -2 / sqrt(5)}, within(1e-15));
        // D_v f = ‖v‖ D_v̂ f
        assertThat(unit.get("derivative").asDouble()).isCloseTo(ANSWER / sqrt(5), within(TOL));
        assertThat(json.get("derivative").asDouble()).isCloseTo(ANSWER, within(TOL));
    }

    @Test
    void unitRefusesTheZeroVector() {
        CliRun r = CliRun.of("dir", "x*y", "--at", "x=1,y=1", "--dir", "0,0", "--unit");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("nabla dir: --unit needs a non-zero direction, got --dir (0, 0)\n");
    }

    @Test
    void theDirectionIsRequired() {
        CliRun r = CliRun.of("dir", "x*y", "--at", "x=1,y=1");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("nabla dir: Missing required option: '--dir=V'").hasLineCount(1);
    }

    @Test
    void atTheKinkOfTheNormTheDefinitionFormulaIsUndefinedAndSaysSo() {
        // the documents' exercise 2: sqrt(x²+y²) is not differentiable at 0. Its symbolic d/dt f(x + t v) at t = 0
        // contains 1/sqrt(x²+y²), undefined there: reported, not turned into a number (the true one-sided
        // limit ‖v‖ is the business of the numeric limit checks).
        CliRun r = CliRun.of("dir", "sqrt(x^2 + y^2)", "--at", "x=0,y=0", "--dir", "3,4", "--json");
        assertThat(r.exit()).isZero();
        assertThat(r.err()).contains("warning").contains("sqrt(x^2 + y^2)");
        JsonNode json = JsonOf.parse(r);
        assertThat(json.get("differentiable").asBoolean()).isFalse();
        assertThat(json.has("derivativeByDefinition")).isFalse();
        assertThat(json.get("definitionUndefined").asText()).contains("division by zero");
        CliRun text = CliRun.of("dir", "sqrt(x^2 + y^2)", "--at", "x=0,y=0", "--dir", "3,4");
        assertThat(text.out()).contains("D_v f = d/dt f(x + t v) at t = 0 is undefined here: division by zero");
    }

    /** Exercise 2: D_v f(0) = ‖v‖ = 5, exactly, and D_v̂ f = 1; the conventional ∇f·v = 0 is not shown. */
    @Test
    void exercise2TheNormAtTheOriginIsFive() {
        CliRun text = CliRun.of("dir", "sqrt(x^2+y^2)", "--at", "x=0,y=0", "--dir", "3,4");
        assertThat(text.exit()).isZero();
        assertThat(text.out()).contains("D_v f = lim (f(x + t v) − f(x))/t as t → 0+ = 5   (exact one-sided")
                .contains("D_v̂ f = D_v f/‖v‖ = 1   along the unit vector").contains("f is not differentiable here")
                .doesNotContain("D_v f = ∇f·v");
        JsonNode json = JsonOf.parse(CliRun.of("dir", "sqrt(x^2+y^2)", "--at", "x=0,y=0", "--dir", "3,4", "--json"));
        assertThat(json.get("derivative").asDouble()).isEqualTo(5);
        assertThat(json.get("unit").get("derivative").asDouble()).isEqualTo(1);
        assertThat(json.get("oneSided").asBoolean()).isTrue();
        assertThat(json.has("gradient")).isFalse();
        assertThat(json.get("expansion").asText()).startsWith("5*t");
    }

    /** Exercise 3: the counterexample along (1, 1) has D_v f = 1/2 exactly (the documents' a²b/(a² + b²)). */
    @Test
    void exercise3TheCounterexampleAlongTheDiagonalIsOneHalf() {
        String f = "if(x == 0 and y == 0, 0, x^2*y/(x^2 + y^2))";
        JsonNode json = JsonOf.parse(CliRun.of("dir", f, "--at", "0,0", "--dir", "1,1", "--json"));
        assertThat(json.get("derivative").asDouble()).isEqualTo(0.5);
        assertThat(json.get("differentiable").asBoolean()).isFalse();
        assertThat(json.get("differentiabilityProven").asBoolean()).isTrue();
        assertThat(json.has("derivativeByDefinition")).isFalse();
        CliRun text = CliRun.of("dir", f, "--at", "0,0", "--dir", "1,1");
        assertThat(text.out()).contains("as t → 0+ = 0.5   (exact one-sided").contains("not additive");
    }

    @Test
    void sqrtAtZeroIsInfiniteUpwardsAndDoesNotExistDownwards() {
        JsonNode up = JsonOf.parse(CliRun.of("dir", "sqrt(x)", "--at", "0", "--dir", "1", "--json"));
        assertThat(up.get("derivative").asText()).isEqualTo("Infinity");
        assertThat(up.get("kind").asText()).isEqualTo("POSITIVE_INFINITY");
        assertThat(CliRun.of("dir", "sqrt(x)", "--at", "0", "--dir", "1").out()).contains("= +∞ (");
        CliRun down = CliRun.of("dir", "sqrt(x)", "--at", "0", "--dir", "-1");
        assertThat(down.exit()).isZero();
        assertThat(down.out()).contains("does not exist: sqrt of a negative argument: f is undefined for small t > 0");
        JsonNode json = JsonOf.parse(CliRun.of("dir", "sqrt(x)", "--at", "0", "--dir", "-1", "--json"));
        assertThat(json.get("kind").asText()).isEqualTo("DOES_NOT_EXIST");
        assertThat(json.has("derivative")).isFalse();
        assertThat(json.get("reason").asText()).contains("undefined for small t > 0");
    }

    @Test
    void byComputesOneWayAndSaysWhich() {
        String[] base = {"dir", "x^2*sin(y) + y^3", "--at", "x=0.7,y=1.2", "--dir", "1,-2", "--json", "--by"};
        for (String way : new String[] {"symbolic", "ad", "numeric"}) {
            String[] args = java.util.Arrays.copyOf(base, base.length + 1);
            args[base.length] = way;
            JsonNode json = JsonOf.parse(CliRun.of(args));
            assertThat(json.get("method").asText()).isEqualTo(way);
            // numeric: the extrapolated right limit of the definition, within its error estimate
            assertThat(json.get("derivative").asDouble()).isCloseTo(ANSWER, within(way.equals("numeric") ? 1e-8 : TOL));
            assertThat(json.has("agreement")).isFalse();
        }
        // at the kink AD carries the expansion through its numbers: the same 5
        JsonNode ad = JsonOf.parse(CliRun.of("dir", "sqrt(x^2+y^2)", "--at", "0,0", "--dir", "3,4", "--by", "ad",
                "--json"));
        assertThat(ad.get("derivative").asDouble()).isEqualTo(5);
        CliRun bad = CliRun.of("dir", "x", "--at", "0", "--dir", "1", "--by", "guess");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("--by must be symbolic, ad or numeric");
    }
}
