package dev.nabla.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * {@code nabla steepest}, {@code nabla normal}, {@code nabla coords}. Tolerances 1e-12: the symbolic
 * derivatives and the hand-written values below evaluate the same functions in a different order.
 */
class GeometryCommandsTest {

    @Test
    void steepestAscentOfTheDocumentsExample() {
        JsonNode json = JsonOf.parse(CliRun.of("steepest", "x^2*sin(y) + y^3", "--at", "x=0.7,y=1.2", "--json"));
        double gx = 2 * 0.7 * Math.sin(1.2);
        double gy = 0.49 * Math.cos(1.2) + 3 * 1.44;
        double norm = Math.hypot(gx, gy);
        assertThat(json.get("rate").asDouble()).isCloseTo(norm, within(1e-12));
        assertThat(JsonOf.vector(json.get("ascent"))).containsExactly(new double[] {gx / norm, gy / norm}, within(1e-12));
        assertThat(JsonOf.vector(json.get("descent"))).containsExactly(new double[] {-gx / norm, -gy / norm}, within(1e-12));
        assertThat(json.has("stationary")).isFalse();
    }

    @Test
    void steepestClassifiesStationaryPointsAndPrintsTheProfile() {
        CliRun saddle = CliRun.of("steepest", "x^2 - y^2", "--at", "0,0");
        assertThat(saddle.exit()).isZero();
        assertThat(saddle.out()).contains("stationary point").contains("Hessian eigenvalues (-2, 2): saddle point");
        JsonNode min = JsonOf.parse(CliRun.of("steepest", "x^2 + 3*y^2 + x*y", "--at", "0,0", "--json"));
        assertThat(min.get("stationary").get("kind").asText()).startsWith("local minimum");
        JsonNode profile = JsonOf.parse(CliRun.of("steepest", "x^2 + y^2", "--at", "1,2", "--profile", "4", "--json"))
                .get("profile");
        assertThat(profile).hasSize(4);
        // θ = 0, π/2, π, 3π/2: D_v f = ∇f·v = 2, 4, −2, −4 for ∇f = (2, 4).
        double[] expected = {2, 4, -2, -4};
        for (int k = 0; k < 4; k++) {
            assertThat(profile.get(k).get("derivative").asDouble()).isCloseTo(expected[k], within(1e-12));
        }
        CliRun threeD = CliRun.of("steepest", "x+y+z", "--at", "0,0,0", "--profile", "4");
        assertThat(threeD.exit()).isEqualTo(2);
        assertThat(threeD.err()).contains("--profile needs a field of 2 variables");
    }

    @Test
    void normalGivesTheTangentLineOfACircle() {
        CliRun r = CliRun.of("normal", "x^2 + y^2", "--at", "1,2");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("tangent line: 2*(x - 1) + 4*(y - 2) = 0")
                .contains("unit normal n = ∇f/‖∇f‖ = (0.4472135954999579, 0.8944271909999159)");
        JsonNode json = JsonOf.parse(CliRun.of("normal", "x^2 + y^2 + z^2", "--at", "1,2,2", "--json"));
        assertThat(json.get("tangent").asText()).isEqualTo("2*(x - 1) + 4*(y - 2) + 4*(z - 2) = 0");
        assertThat(json.get("tangentBasis")).hasSize(2);
        double[] n = JsonOf.vector(json.get("unitNormal"));
        for (JsonNode w : json.get("tangentBasis")) {
            double[] v = JsonOf.vector(w);
            assertThat(v[0] * n[0] + v[1] * n[1] + v[2] * n[2]).isCloseTo(0, within(1e-15));
        }
    }

    @Test
    void normalAtAStationaryPointIsADomainError() {
        CliRun r = CliRun.of("normal", "x^2 + y^2", "--at", "0,0");
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).contains("no normal where ∇f = 0");
    }

    @Test
    void coordsExercise4InPolarForm() {
        // ln(x² + y²) = 2 ln r: f_r = 2/r = 0.8 at r = 2.5, f_θ = 0.
        JsonNode json = JsonOf.parse(CliRun.of("coords", "ln(x^2 + y^2)", "--system", "polar", "--q", "2.5,pi/5", "--json"));
        assertThat(JsonOf.vector(json.get("partials"))).containsExactly(new double[] {0.8, 0}, within(1e-12));
        assertThat(JsonOf.vector(json.get("components"))).containsExactly(new double[] {0.8, 0}, within(1e-12));
        assertThat(JsonOf.vector(json.get("basisDerivatives"))).containsExactly(new double[] {0.8, 0}, within(1e-12));
        assertThat(json.get("reassemblyError").asDouble()).isLessThan(1e-15);
        assertThat(json.get("coordinateNames").toString()).isEqualTo("[\"r\",\"theta\"]");
    }

    @Test
    void coordsInSphericalFromACartesianPoint() {
        // f = z at (0, 0, 2) → (r, θ) = (2, 0) on the axis: the basis is undefined there (exit 3).
        assertThat(CliRun.of("coords", "z", "--vars", "x,y,z", "--system", "spherical", "--at", "0,0,2").exit()).isEqualTo(3);
        // f = z = r cos θ: ∂f/∂r = cos θ, ∂f/∂θ = −r sin θ, component along e_θ = −sin θ.
        JsonNode json = JsonOf.parse(CliRun.of("coords", "z", "--vars", "x,y,z", "--system", "spherical", "--q",
                "2,pi/3,0.4", "--json"));
        double t = Math.PI / 3;
        assertThat(JsonOf.vector(json.get("partials"))).containsExactly(new double[] {Math.cos(t), -2 * Math.sin(t), 0}, within(1e-12));
        assertThat(JsonOf.vector(json.get("components"))).containsExactly(new double[] {Math.cos(t), -Math.sin(t), 0}, within(1e-12));
    }

    @Test
    void coordsRefusesBadInput() {
        CliRun unknown = CliRun.of("coords", "x*y", "--system", "toroidal", "--at", "1,1");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown coordinate system 'toroidal'");
        CliRun wrongDimension = CliRun.of("coords", "x*y", "--system", "spherical", "--at", "1,1");
        assertThat(wrongDimension.exit()).isEqualTo(2);
        assertThat(wrongDimension.err()).contains("need a field of 3 Cartesian variables");
        CliRun both = CliRun.of("coords", "x*y", "--system", "polar", "--at", "1,1", "--q", "1,0");
        assertThat(both.exit()).isEqualTo(2);
        assertThat(both.err()).contains("not both");
    }
}
