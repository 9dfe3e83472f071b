package dev.nabla.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code nabla descend}: methods, stop reasons, the path files and the contour plot. */
class DescendCommandTest {

    static final String ROSENBROCK = "(1-x)^2 + 100*(y-x^2)^2";

    static final String HIMMELBLAU = "(x^2 + y - 11)^2 + (x + y^2 - 7)^2";

    @ParameterizedTest
    @ValueSource(strings = {"armijo", "wolfe", "lbfgs"})
    void everySmoothMethodReachesAHimmelblauMinimumWithArmijoAtEveryStep(String method) {
        JsonNode json = JsonOf.parse(CliRun.of("descend", HIMMELBLAU, "--at", "0,0", "--method", method, "--json"));
        assertThat(json.get("stopReason").asText()).isEqualTo("gradient_tolerance");
        assertThat(json.get("gradientNorm").asDouble()).isLessThanOrEqualTo(1e-8);
        // from (0, 0) every method reaches the minimum (3, 2); ‖∇f‖ ≤ 1e-8 with Hessian eigenvalues ≥ 8 there.
        assertThat(JsonOf.vector(json.get("point"))).containsExactly(new double[] {3, 2}, within(1e-8));
        JsonNode path = json.get("path");
        assertThat(path).hasSize(json.get("iterations").asInt() + 1);
        for (int k = 1; k < path.size(); k++) {
            double previous = path.get(k - 1).get("value").asDouble();
            JsonNode it = path.get(k);
            assertThat(it.get("value").asDouble()).isLessThanOrEqualTo(
                    previous + 1e-4 * it.get("stepSize").asDouble() * it.get("slope").asDouble());
        }
    }

    @Test
    void lbfgsReachesTheRosenbrockMinimum() {
        JsonNode json = JsonOf.parse(CliRun.of("descend", ROSENBROCK, "--at", "-1.2,1", "--method", "lbfgs", "--json"));
        assertThat(json.get("stopReason").asText()).isEqualTo("gradient_tolerance");
        // ‖∇f‖ ≤ 1e-8 and the smallest Hessian eigenvalue ≈ 0.4 at (1, 1): ‖x − x*‖ ≲ 3e-8.
        assertThat(JsonOf.vector(json.get("point"))).containsExactly(new double[] {1, 1}, within(1e-7));
    }

    @Test
    void textOutputNamesTheStopReasonAndTheCounts() {
        CliRun r = CliRun.of("descend", "(x-1)^2 + 2*(y+3)^2", "--at", "0,0", "--method", "lbfgs");
        assertThat(r.exit()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("L-BFGS (m = 10) from (x, y) = (0, 0):").contains("stopped: gradient tolerance reached")
                .contains("evaluations: f ").contains("Armijo condition (c1 = 0.0001) held at every accepted step");
    }

    @Test
    void gradientSamplingMinimisesANonSmoothField() {
        JsonNode json = JsonOf.parse(CliRun.of("descend", "abs(x - 1) + 2*abs(y + 0.5)", "--at", "-1.3,2.2",
                "--method", "sampling", "--json"));
        assertThat(json.get("stopReason").asText()).isEqualTo("stationarity_tolerance");
        // final sampling radius 1e-6: the corner is found to a few 1e-6.
        assertThat(JsonOf.vector(json.get("point"))).containsExactly(new double[] {1, -0.5}, within(5e-6));
    }

    @Test
    void iterationLimitIsReportedWithAWarning() {
        CliRun r = CliRun.of("descend", ROSENBROCK, "--at", "-1.2,1", "--max-iter", "3");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("iteration limit reached after 3 iterations");
        assertThat(r.err()).contains("warning: did not converge");
    }

    @Test
    void writesThePathAsCsvAndJsonAndDrawsTheContourMap(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("path.csv");
        Path svg = dir.resolve("map.svg");
        CliRun r = CliRun.of("descend", ROSENBROCK, "--at", "-1.2,1", "--method", "lbfgs", "--out", csv.toString(),
                "--plot", svg.toString());
        assertThat(r.exit()).isZero();
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("k,x,y,f,gradient_norm,step,slope,f_evaluations,gradient_evaluations");
        assertThat(lines.get(1)).startsWith("0,-1.2,1,24.19999");
        assertThat(lines.get(lines.size() - 1).split(",")[0]).isEqualTo(Integer.toString(lines.size() - 2));
        String map = Files.readString(svg);
        assertThat(map).startsWith("<svg").contains("<polyline").contains("<title>start</title>").endsWith("</svg>\n");
        assertThat(map.split("<path ", -1).length - 1).isGreaterThanOrEqualTo(10);

        Path json = dir.resolve("path.json");
        assertThat(CliRun.of("descend", ROSENBROCK, "--at", "-1.2,1", "--method", "wolfe", "--max-iter", "20",
                "--out", json.toString()).exit()).isZero();
        JsonNode tree = new ObjectMapper().readTree(json.toFile());
        assertThat(tree.get("path")).hasSize(21);
        assertThat(tree.get("stopReason").asText()).isEqualTo("iteration_limit");
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertThat(CliRun.of("descend", "x^2", "--at", "1", "--method", "newton").err()).contains("unknown method 'newton'");
        assertThat(CliRun.of("descend", "x^2", "--at", "1", "--method", "newton").exit()).isEqualTo(2);
        assertThat(CliRun.of("descend", "x^2", "--at", "1", "--out", "p.txt").err()).contains("must end in .csv or .json");
        assertThat(CliRun.of("descend", "x^2+y^2+z^2", "--at", "1,1,1", "--plot", "p.svg").err()).contains("2-D fields only");
        CliRun c1 = CliRun.of("descend", "x^2", "--at", "1", "--c1", "2");
        assertThat(c1.exit()).isEqualTo(2);
        assertThat(c1.err()).contains("0 < c1 < 1");
    }
}
