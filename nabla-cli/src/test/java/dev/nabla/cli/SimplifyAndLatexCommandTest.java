package dev.nabla.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** {@code nabla simplify} and {@code nabla latex}. */
class SimplifyAndLatexCommandTest {

    @Test
    void simplifyPrintsTheFormAPersonWrites() {
        assertThat(CliRun.of("simplify", "x + x + 0*y").out()).isEqualTo("2*x\n");
        assertThat(CliRun.of("simplify", "1*x^1 - -y").out()).isEqualTo("x + y\n");
    }

    @Test
    void simplifyAsJsonAndLatex() {
        JsonNode json = JsonOf.parse(CliRun.of("simplify", "x*x", "--json"));
        assertThat(json.fieldNames()).toIterable().containsExactly("nablaVersion", "schemaVersion", "expression", "variables", "simplified");
        assertThat(json.get("simplified").get("text").asText()).isEqualTo("x^2");
        assertThat(json.get("simplified").get("latex").asText()).isEqualTo("x^{2}");
        assertThat(CliRun.of("simplify", "x*x", "--latex").out()).isEqualTo("x^{2}\n");
    }

    @Test
    void latexPrintsTheExpression() {
        CliRun r = CliRun.of("latex", "x^2*sin(y) + y^3");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("x^{2}").contains("\\sin").contains("y^{3}").endsWith("\n");
        JsonNode json = JsonOf.parse(CliRun.of("latex", "x/y", "--json"));
        assertThat(json.fieldNames()).toIterable().containsExactly("nablaVersion", "schemaVersion", "expression", "variables", "text", "latex");
        assertThat(json.get("latex").asText()).contains("\\frac");
    }

    @Test
    void unknownVariablesOutsideVarsAreParseErrors() {
        CliRun r = CliRun.of("simplify", "x*y", "--vars", "x");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("nabla simplify: parse error: ");
    }
}
