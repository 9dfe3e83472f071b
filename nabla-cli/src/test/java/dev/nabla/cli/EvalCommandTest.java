package dev.nabla.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** {@code nabla eval}. */
class EvalCommandTest {

    @Test
    void printsTheFormulaAndItsValue() {
        CliRun r = CliRun.of("eval", "x^2*sin(y) + y^3", "--at", "x=0.7,y=1.2");
        assertThat(r.exit()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).startsWith("f(x, y) = ").contains("f(0.7, 1.2) = ");
        assertThat(JsonOf.parse(CliRun.of("eval", "x^2*sin(y) + y^3", "--at", "x=0.7,y=1.2", "--json"))
                .get("value").asDouble())
                // exact to the last bit is not promised: the evaluator may order the operations differently
                .isCloseTo(0.49 * Math.sin(1.2) + 1.728, within(1e-14));
    }

    @Test
    void aConstantExpressionNeedsNoPoint() {
        CliRun r = CliRun.of("eval", "2^3^2");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("f = ").endsWith("\nf = 512\n"); // 2^(3^2): ^ is right-associative
    }

    @Test
    void anExpressionMayStartWithAMinus() {
        CliRun r = CliRun.of("eval", "-x^2", "--at", "x=3");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).endsWith("f(3) = -9\n");
    }

    @Test
    void pointValuesMayBeConstants() {
        JsonNode json = JsonOf.parse(CliRun.of("eval", "sin(x)", "--at", "x=pi/6", "--json"));
        assertThat(json.get("value").asDouble()).isCloseTo(0.5, within(1e-15));
        assertThat(json.get("point").get(0).asDouble()).isEqualTo(Math.PI / 6);
    }

    @Test
    void jsonHasTheDocumentedFields() {
        JsonNode json = JsonOf.parse(CliRun.of("eval", "x*y", "--at", "x=2,y=3", "--json"));
        assertThat(json.fieldNames()).toIterable()
                .containsExactly("nablaVersion", "schemaVersion", "expression", "variables", "formula", "point", "value",
                        "certified");
        assertThat(json.get("value").asDouble()).isEqualTo(6);
        assertThat(json.get("formula").get("text").asText()).isEqualTo("x*y");
    }

    @Test
    void aDomainErrorExitsWithThreeNamingTheSubExpression() {
        CliRun r = CliRun.of("eval", "log(x - 2)", "--at", "x=1");
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.out()).isEmpty();
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).startsWith("nabla eval: domain error: ").contains("log(x - 2)");
    }

    @Test
    void divisionByZeroIsADomainError() {
        CliRun r = CliRun.of("eval", "1/(x - y)", "--at", "x=1,y=1");
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).contains("domain error");
    }
}
