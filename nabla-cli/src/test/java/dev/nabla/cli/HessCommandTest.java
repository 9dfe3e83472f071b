package dev.nabla.cli;

import static java.lang.Math.cos;
import static java.lang.Math.sin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** {@code nabla hess}. Tolerance 1e-12: symbolic and hand-written formulas may differ by a few ulps. */
class HessCommandTest {
    private static final double TOL = 1e-12;

    @Test
    void theDocumentsExample() {
        double x = 0.7;
        double y = 1.2;
        JsonNode json = JsonOf.parse(CliRun.of("hess", "x^2*sin(y) + y^3", "--at", "x=0.7,y=1.2", "--json"));
        double[][] h = JsonOf.matrix(json.get("hessian"));
        assertThat(h[0]).containsExactly(new double[] {2 * sin(y), 2 * x * cos(y)}, within(TOL));
        assertThat(h[1]).containsExactly(new double[] {2 * x * cos(y), -x * x * sin(y) + 6 * y}, within(TOL));
        assertThat(json.get("hessianFormulas").get(0).get(0).get("text").asText()).isEqualTo("2*sin(y)");
        assertThat(json.get("hessianFormulas").get(0).get(1).get("text").asText())
                .isEqualTo(json.get("hessianFormulas").get(1).get(0).get("text").asText());
        assertThat(json.get("differentiable").asBoolean()).isTrue();
    }

    @Test
    void theQuadraticFormHasHessianQ() {
        // ½xᵀQx + bᵀx with Q = [[2, 1], [1, 3]]: the documents' exercise 5, Hessian Q everywhere
        JsonNode json = JsonOf.parse(CliRun.of("hess", "0.5*(2*x^2 + 2*x*y + 3*y^2) + x - y", "--at", "-4,9",
                "--json"));
        double[][] h = JsonOf.matrix(json.get("hessian"));
        assertThat(h[0]).containsExactly(new double[] {2, 1}, within(TOL));
        assertThat(h[1]).containsExactly(new double[] {1, 3}, within(TOL));
    }

    @Test
    void textAlignsTheMatrices() {
        CliRun r = CliRun.of("hess", "x^2*y", "--at", "x=1,y=2");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("H_f(x, y) =\n  [ 2*y  2*x ]\n  [ 2*x  0   ]\n")
                .contains("  H_f =   (symbolic)\n  [ 4  2 ]\n  [ 2  0 ]\n")
                .contains("automatic differentiation agrees; finite differences agree");
    }

    @Test
    void latexUsesPmatrix() {
        CliRun r = CliRun.of("hess", "x^2*y", "--at", "x=1,y=2", "--latex");
        assertThat(r.out()).contains("H_f(1, 2) = \\begin{pmatrix} 4 & 2 \\\\ 2 & 0 \\end{pmatrix}");
    }

    /** x·|x| is differentiable at 0 (∇f = 2|x|) but not twice: no Hessian, and the sub-expression is named. */
    @Test
    void notTwiceDifferentiableSaysSoAndNamesTheSubExpression() {
        CliRun r = CliRun.of("hess", "x*abs(x) + y^2", "--at", "0,1");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("no Hessian: f is not twice differentiable here (abs(x)")
                .doesNotContain("H_f =   (symbolic)");
        JsonNode json = JsonOf.parse(CliRun.of("hess", "x*abs(x) + y^2", "--at", "0,1", "--json"));
        assertThat(json.get("twiceDifferentiable").asBoolean()).isFalse();
        assertThat(json.get("differentiable").asBoolean()).isTrue();
        assertThat(json.has("hessian")).isFalse();
        assertThat(json.get("subExpressions").toString()).contains("abs(x)");
        JsonNode abs = JsonOf.parse(CliRun.of("hess", "abs(x)", "--at", "0", "--json"));
        assertThat(abs.get("differentiable").asBoolean()).isFalse();
        assertThat(abs.get("notTwiceDifferentiable").asText()).startsWith("f is not differentiable");
    }

    @Test
    void byComputesOneWay() {
        for (String way : new String[] {"symbolic", "ad", "numeric"}) {
            JsonNode json = JsonOf.parse(CliRun.of("hess", "x^2*y", "--at", "x=1,y=2", "--by", way, "--json"));
            assertThat(json.get("method").asText()).isEqualTo(way);
            double[][] h = JsonOf.matrix(json.get("hessian"));
            // numeric: nested extrapolated central differences, error estimates below 1e-6 here
            double tol = way.equals("numeric") ? 1e-6 : TOL;
            assertThat(h[0]).containsExactly(new double[] {4, 2}, within(tol));
            assertThat(h[1]).containsExactly(new double[] {2, 0}, within(tol));
        }
    }
}
