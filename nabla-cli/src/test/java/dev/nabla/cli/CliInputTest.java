package dev.nabla.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** No input breaks the command line: @-arguments, '-' for standard input, JSON errors, overflow. */
class CliInputTest {

    @Test
    void anArgumentStartingWithAtIsAFormulaNotAFileToRead(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("f.txt");
        Files.writeString(file, "x^2", StandardCharsets.UTF_8);
        CliRun r = CliRun.of("grad", "@" + file, "--at", "x=3");
        // with @file expansion the command would print the gradient of x^2 (6) and exit 0
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.errLines()[0]).startsWith("nabla grad: parse error: ").contains("column 1");
        assertThat(r.err()).contains("@" + file);
    }

    @Test
    void aDashAsTheExpressionReadsStandardInput() {
        CliRun fromStdin = CliRun.withInput("x^2*sin(y) + y^3\n", "grad", "-", "--at", "x=0.7,y=1.2");
        CliRun fromArgument = CliRun.of("grad", "x^2*sin(y) + y^3", "--at", "x=0.7,y=1.2");
        assertThat(fromStdin.exit()).isZero();
        assertThat(fromStdin.err()).isEmpty();
        assertThat(fromStdin.out()).isEqualTo(fromArgument.out()).contains("x^2*sin(y) + y^3");
    }

    @Test
    void aDashReadsStandardInputForJsonAndKeepsOptionValuesAsTyped() {
        JsonNode json = JsonOf.parse(CliRun.withInput("  x*y \n", "eval", "-", "--at", "x=2,y=-3", "--json"));
        assertThat(json.get("expression").asText()).isEqualTo("x*y");
        assertThat(json.get("value").asDouble()).isEqualTo(-6.0);
    }

    @Test
    void aDashWithEmptyStandardInputIsAUsageError() {
        CliRun r = CliRun.withInput(" \n", "grad", "-", "--at", "x=1");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo(
                "nabla grad: '-' reads the expression from standard input, which is empty\n");
    }

    @Test
    void aParseErrorInStandardInputPointsIntoTheTextRead() {
        CliRun r = CliRun.withInput("sin(x +)\n", "eval", "-", "--at", "x=1");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.errLines()).hasSize(3);
        assertThat(r.errLines()[1]).isEqualTo("sin(x +)");
        assertThat(r.errLines()[2]).isEqualTo("       ^");
    }

    @ParameterizedTest
    @MethodSource("overflowingFormulas")
    void overflowWhileFoldingConstantsIsAMathematicalErrorInOneLine(String formula) {
        CliRun r = CliRun.of("grad", formula, "--at", "x=1");
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("nabla grad: overflow: ")
                .doesNotContain("internal error").doesNotContain("Exception");
    }

    /** Constants that overflow while the gradient is formed: ∞·x folded from a sum, 2·10^308·x from x^2. */
    static Stream<String> overflowingFormulas() {
        return Stream.of("1e308*x + 1e308*x", "1e308*x^2");
    }

    static Stream<Arguments> errorsUnderJson() {
        return Stream.of(
                Arguments.of(new String[] {"grad", "x^2*sin(y + ) + y^3", "--at", "x=1,y=2", "--json"},
                        2, "parse", 12),
                Arguments.of(new String[] {"eval", "x*y", "--at", "x=1,z=2", "--json"}, 2, "usage", null),
                Arguments.of(new String[] {"grad", "x*y", "--json", "--at", "x=1,y=2", "--bogus"}, 2, "usage", null),
                Arguments.of(new String[] {"dir", "x*y", "--at", "x=1,y=2", "--dir", "1,abc", "--json"},
                        2, "usage", null),
                Arguments.of(new String[] {"eval", "log(x - 2)", "--at", "x=1", "--json"}, 3, "domain", null),
                Arguments.of(new String[] {"hess", "x/y", "--at", "x=1,y=0", "--json"}, 3, "domain", null),
                Arguments.of(new String[] {"grad", "1e308*x^2", "--at", "x=1", "--json"}, 3, "overflow",
                        null));
    }

    @ParameterizedTest
    @MethodSource("errorsUnderJson")
    void underJsonEveryErrorIsAJsonObjectOnStdout(String[] args, int exit, String kind, Integer position) {
        CliRun r = CliRun.of(args);
        assertThat(r.exit()).isEqualTo(exit);
        assertThat(r.err()).isEmpty();
        JsonNode error = JsonOf.parse(r).get("error");
        assertThat(error).isNotNull();
        assertThat(error.get("kind").asText()).isEqualTo(kind);
        assertThat(error.get("message").asText()).isNotBlank().doesNotContain("\n").doesNotContain("Exception");
        assertThat(error.has("position")).isTrue();
        if (position == null) {
            assertThat(error.get("position").isNull()).isTrue();
        } else {
            assertThat(error.get("position").asInt()).isEqualTo(position);
        }
        // the same failure without --json: one line on stderr (plus source and caret for a parse error), same exit
        String[] plain = Stream.of(args).filter(a -> !a.equals("--json")).toArray(String[]::new);
        CliRun text = CliRun.of(plain);
        assertThat(text.exit()).isEqualTo(exit);
        assertThat(text.out()).isEmpty();
        assertThat(text.errLines().length).isIn(1, 3); // 3: a caret line under the source
        assertThat(text.errLines()[0]).endsWith(error.get("message").asText());
    }

    @Test
    void symbolsThatAreNotVariablesAreParametersWithValuesFromLet() {
        CliRun r = CliRun.of("grad", "a*x^2 + b*y", "--vars", "x,y", "--let", "a=2,b=1/3", "--at", "x=1,y=5");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("f(x, y) = 2*x^2 + y/3").contains("∇f(x, y) = (4*x, 1/3)");
        // without --vars the variables are what remains after the parameters
        CliRun implicit = CliRun.of("grad", "a*x^2 + b*y", "--let", "a=2,b=1/3", "--at", "x=1,y=5");
        assertThat(implicit.out()).isEqualTo(r.out());
    }

    @Test
    void aSymbolThatIsNeitherVariableNorParameterIsAUsageError() {
        CliRun r = CliRun.of("grad", "a*x^2 + b*y", "--vars", "x,y", "--let", "a=2", "--at", "x=1,y=5");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("'b' is neither a variable (--vars x,y) nor a parameter with a value (--let b=…)");
        assertThat(CliRun.of("eval", "a*x", "--vars", "x", "--let", "x=2", "--at", "x=1").err())
                .contains("'x' is a variable (--vars), not a parameter");
        assertThat(CliRun.of("eval", "a*x", "--let", "a=y", "--at", "x=1").exit()).isEqualTo(2);
        assertThat(CliRun.of("eval", "a*x", "--let", "a=1,a=2", "--at", "x=1").err()).contains("given twice");
    }

    @Test
    void withoutAPointGradDirAndHessPrintFormulas() {
        CliRun grad = CliRun.of("grad", "x^2*sin(y) + y^3", "--dir", "1,2");
        assertThat(grad.exit()).as(grad.err()).isZero();
        assertThat(grad.out()).isEqualTo("""
                f(x, y) = x^2*sin(y) + y^3
                ∇f(x, y) = (2*x*sin(y), x^2*cos(y) + 3*y^2)
                D_v f(x, y) = ∇f·v = 2*x^2*cos(y) + 2*x*sin(y) + 6*y^2   with v = (1, 2)
                D_v̂ f(x, y) = ∇f·v/‖v‖ = (2*x^2*cos(y) + 2*x*sin(y) + 6*y^2)/sqrt(5)   (unit direction)
                (formulas only: give --at for values at a point)
                """);
        CliRun dir = CliRun.of("dir", "x^2*sin(y) + y^3", "--dir", "3,4");
        assertThat(dir.out()).contains("D_v̂ f(x, y) = ∇f·v/‖v‖ = ");
        assertThat(dir.out()).contains("= (4*x^2*cos(y) + 6*x*sin(y) + 12*y^2)/5   (unit direction)");
        CliRun hess = CliRun.of("hess", "x^3*y");
        assertThat(hess.out()).contains("[ 6*x*y  3*x^2 ]").contains("[ 3*x^2  0     ]");
        JsonNode json = JsonOf.parse(CliRun.of("grad", "x*y/3", "--json"));
        assertThat(json.get("gradientFormulas").get(0).get("text").asText()).isEqualTo("y/3");
    }
}
