package dev.nabla.cli;

import static java.lang.Math.cos;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** {@code nabla jac}. */
class JacCommandTest {

    @Test
    void rowsAreTheGradientsOfTheComponents() {
        JsonNode json = JsonOf.parse(CliRun.of("jac", "x*y; x + y; sin(x)", "--at", "x=2,y=3", "--json"));
        assertThat(json.get("expressions").toString()).isEqualTo("[\"x*y\",\"x + y\",\"sin(x)\"]");
        assertThat(JsonOf.vector(json.get("values"))).containsExactly(new double[] {6, 5, Math.sin(2)}, within(1e-15));
        double[][] j = JsonOf.matrix(json.get("jacobian"));
        assertThat(j).hasDimensions(3, 2);
        assertThat(j[0]).containsExactly(3, 2);
        assertThat(j[1]).containsExactly(1, 1);
        assertThat(j[2]).containsExactly(new double[] {cos(2), 0}, within(1e-15));
        assertThat(json.get("jacobianFormulas").get(0).get(0).get("text").asText()).isEqualTo("y");
        assertThat(json.get("jacobianFormulas").get(2).get(1).get("text").asText()).isEqualTo("0");
        assertThat(json.get("differentiable").asBoolean()).isTrue();
    }

    @Test
    void theVariablesAreThoseOfAllComponents() {
        JsonNode json = JsonOf.parse(CliRun.of("jac", "y; x", "--at", "x=1,y=2", "--json"));
        assertThat(json.get("variables").toString()).isEqualTo("[\"x\",\"y\"]");
        double[][] j = JsonOf.matrix(json.get("jacobian"));
        assertThat(j[0]).containsExactly(0, 1);
        assertThat(j[1]).containsExactly(1, 0);
    }

    @Test
    void polarCoordinatesHaveTheJacobianOfTheDocuments() {
        // x = r cos θ, y = r sin θ: J = [[cos θ, -r sin θ], [sin θ, r cos θ]]
        JsonNode json = JsonOf.parse(CliRun.of("jac", "r*cos(theta); r*sin(theta)", "--vars", "r,theta",
                "--at", "r=2,theta=pi/3", "--json"));
        double[][] j = JsonOf.matrix(json.get("jacobian"));
        double t = Math.PI / 3;
        assertThat(j[0]).containsExactly(new double[] {cos(t), -2 * Math.sin(t)}, within(1e-15));
        assertThat(j[1]).containsExactly(new double[] {Math.sin(t), 2 * cos(t)}, within(1e-15));
    }

    @Test
    void textShowsFormulasThenNumbers() {
        CliRun r = CliRun.of("jac", "x*y; x + y", "--at", "x=2,y=3");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("u(x, y) = (x*y, x + y)")
                .contains("J_u(x, y) =\n  [ y  x ]\n  [ 1  1 ]\n")
                .contains("  u = (6, 5)\n  J_u =\n  [ 3  2 ]\n  [ 1  1 ]\n");
    }

    @Test
    void anEmptyComponentIsAUsageError() {
        CliRun r = CliRun.of("jac", "x;;y", "--at", "x=1,y=1");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo(
                "nabla jac: expression 2 of 3 is empty in 'x;;y' (separate expressions with ';')\n");
    }

    @Test
    void kinksOfAnyRowAreReported() {
        CliRun r = CliRun.of("jac", "x; max(x, y)", "--at", "x=1,y=1", "--json");
        assertThat(r.exit()).isZero();
        assertThat(r.err()).contains("warning").contains("max");
        assertThat(JsonOf.parse(r).get("differentiable").asBoolean()).isFalse();
    }
}
