package dev.nabla.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** {@code nabla check}, {@code limit}, {@code diffable}, {@code subgrad}: text, JSON and exit codes. */
class VerificationCommandsTest {

    static final String EXAMPLE = "x^2*sin(y) + y^3";
    static final String COUNTEREXAMPLE = "if(x == 0 and y == 0, 0, x^2*y/(x^2 + y^2))";

    @Test
    void checkPassesTheDocumentsGradient() {
        CliRun r = CliRun.of("check", EXAMPLE, "--grad", "2*x*sin(y); x^2*cos(y) + 3*y^2", "--at", "x=0.7,y=1.2");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("at (x, y) = (0.7, 1.2): PASS").contains("22 directions (2 axes + 20 random, seed 0)");
    }

    @Test
    void checkFailsAPlantedErrorNamesTheComponentAndExitsOne() {
        CliRun r = CliRun.of("check", EXAMPLE, "--grad", "2*x*sin(y); x^2*cos(y) + 3*y", "--at", "x=0.7,y=1.2");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("FAIL").contains("suspect: ∂f/∂y").contains("the V-curve along it");
        JsonNode json = JsonOf.parse(CliRun.of("check", EXAMPLE, "--grad", "2*x*sin(y); x^2*cos(y) + 3*y",
                "--at", "x=0.7,y=1.2", "--json"));
        assertThat(json.get("status").asText()).isEqualTo("FAIL");
        assertThat(json.get("passed").asBoolean()).isFalse();
        assertThat(json.get("suspects").get(0).asText()).isEqualTo("∂f/∂y");
        assertThat(json.get("directions")).hasSize(22);
        assertThat(json.get("worst").get("ladder")).hasSize(15);
        // the finite-difference gradient is the true one, x² cos y + 3y² at (0.7, 1.2)
        assertThat(JsonOf.vector(json.get("finiteDifferences"))[1])
                .isCloseTo(0.49 * Math.cos(1.2) + 3 * 1.44, within(1e-9));
    }

    @Test
    void checkWithoutGradChecksNablasOwnSymbolicGradientAndIsDeterministic() {
        CliRun a = CliRun.of("check", "exp(x*y) + cos(x - y)", "--at", "1,2", "--seed", "7", "--json");
        CliRun b = CliRun.of("check", "exp(x*y) + cos(x - y)", "--at", "1,2", "--seed", "7", "--json");
        assertThat(a.exit()).isZero();
        assertThat(a.out()).isEqualTo(b.out());
        assertThat(JsonOf.parse(a).get("seed").asLong()).isEqualTo(7);
    }

    @Test
    void checkRefusesAGradientOfTheWrongLength() {
        CliRun r = CliRun.of("check", EXAMPLE, "--grad", "2*x*sin(y)", "--at", "0.7,1.2");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--grad has 1 formula but the variables are (x, y): give 2");
    }

    /** Exercise 2 on the command line: D_v f(0) = ‖v‖ from the right; no two-sided limit: exit 1. */
    @Test
    void limitOfTheNormAtTheOrigin() {
        CliRun r = CliRun.of("limit", "sqrt(x^2 + y^2)", "--at", "0,0", "--dir", "3,4");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("exact      t→0+: 5   t→0−: -5").contains("two-sided: does not exist");
        JsonNode json = JsonOf.parse(CliRun.of("limit", "sqrt(x^2 + y^2)", "--at", "0,0", "--dir", "3,4", "--json"));
        assertThat(json.get("symbolic").get("right").asDouble()).isEqualTo(5);
        assertThat(json.get("numeric").get("right").asDouble()).isCloseTo(5, within(1e-10));
        assertThat(json.get("twoSided").asBoolean()).isFalse();
    }

    /** Exercise 3 on the command line: D_(a,b) f(0, 0) = a²b/(a² + b²), two-sided. */
    @Test
    void limitOfTheCounterexample() {
        JsonNode json = JsonOf.parse(CliRun.of("limit", COUNTEREXAMPLE, "--at", "0,0", "--dir", "2,-1", "--json"));
        assertThat(json.get("twoSided").asBoolean()).isTrue();
        assertThat(json.get("derivative").asDouble()).isCloseTo(4.0 * -1 / 5, within(1e-15));
    }

    @Test
    void limitAgreesWithTheGradientAtASmoothPoint() {
        CliRun r = CliRun.of("limit", EXAMPLE, "--at", "0.7,1.2", "--dir", "1,-2");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("(agrees)");
    }

    @Test
    void diffableVerdicts() {
        CliRun counter = CliRun.of("diffable", COUNTEREXAMPLE, "--at", "0,0");
        assertThat(counter.exit()).isEqualTo(1);
        assertThat(counter.out()).contains("DIRECTIONAL_NOT_LINEAR").contains("not additive");
        CliRun kink = CliRun.of("diffable", "abs(x)", "--at", "0", "--json");
        assertThat(kink.exit()).isEqualTo(1);
        assertThat(JsonOf.parse(kink).get("verdict").asText()).isEqualTo("ONE_SIDED_ONLY");
        CliRun none = CliRun.of("diffable", "sqrt(abs(x))", "--at", "0");
        assertThat(none.out()).contains("NO_DIRECTIONAL_DERIVATIVE");
        CliRun smooth = CliRun.of("diffable", EXAMPLE, "--at", "0.7,1.2");
        assertThat(smooth.exit()).isZero();
        assertThat(smooth.out()).contains("DIFFERENTIABLE").contains("equal to ∇f");
    }

    /** Exercise 2: the Clarke subdifferential of the norm at 0 is the unit ball. */
    @Test
    void subgradOfTheNormIsTheUnitBall() {
        CliRun r = CliRun.of("subgrad", "sqrt(x^2 + y^2)", "--at", "0,0");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("∂f = unit ball {g : ‖g‖ ≤ 1}   (exact)").contains("Clarke stationary");
        JsonNode json = JsonOf.parse(CliRun.of("subgrad", "sqrt(x^2 + y^2)", "--at", "0,0", "--json"));
        JsonNode set = json.get("subdifferential").get("set");
        assertThat(set.get("shape").asText()).isEqualTo("ball");
        assertThat(set.get("radius").asDouble()).isEqualTo(1);
    }

    @Test
    void subgradOfMaxAtATieWithSampling() {
        CliRun r = CliRun.of("subgrad", "max(x, y)", "--at", "1,1", "--sample");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("∂f = conv{(1, 0), (0, 1)}   (exact)").contains("∂f ≈ conv{(1, 0), (0, 1)}")
                .contains("steepest descent −g*/‖g*‖ = (-0.7071067811865475, -0.7071067811865475)");
        CliRun abs = CliRun.of("subgrad", "abs(x)", "--at", "0", "--json");
        assertThat(JsonOf.parse(abs).get("subdifferential").get("set").get("text").asText()).isEqualTo("[-1, 1]");
    }

    @Test
    void subgradSaysWhenThereIsNoClarkeSubdifferential() {
        CliRun r = CliRun.of("subgrad", "sign(x)", "--at", "0");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("not locally Lipschitz").contains("sign jumps at 0");
    }

    @Test
    void badInputGivesOneLineAndTheUsualExitCodes() {
        CliRun parse = CliRun.of("diffable", "x^", "--at", "0");
        assertThat(parse.exit()).isEqualTo(2);
        assertThat(parse.err()).doesNotContain("Exception");
        CliRun domain = CliRun.of("subgrad", "log(x)", "--at", "-1");
        assertThat(domain.exit()).isEqualTo(3);
        CliRun zero = CliRun.of("limit", "x", "--at", "0", "--dir", "0");
        assertThat(zero.exit()).isEqualTo(2);
        assertThat(zero.err()).contains("--dir must not be the zero vector");
        for (String command : new String[] {"check", "diffable", "subgrad"}) {
            CliRun constant = CliRun.of(command, "3");
            assertThat(constant.exit()).isEqualTo(2);
            assertThat(constant.err()).contains("the expression has no variables");
        }
        CliRun huge = CliRun.of("check", "x", "--at", "1", "--directions", "1000000000");
        assertThat(huge.exit()).isEqualTo(2);
        assertThat(huge.err()).contains("--directions must be between 0 and 10000");
    }

    /** At a kink the claim is tested against the Clarke set: a valid 0 for max(x, 0) at 0 passes, never as PASS. */
    @Test
    void checkAtAKinkTestsMembershipOfTheClarkeSet() {
        CliRun zero = CliRun.of("check", "max(x, 0)", "--grad", "0", "--at", "0");
        assertThat(zero.exit()).isZero();
        assertThat(zero.out()).contains("IN_CLARKE_SET").contains("∂f = [0, 1]").doesNotContain("PASS");
        JsonNode json = JsonOf.parse(CliRun.of("check", "max(x, 0)", "--grad", "0", "--at", "0", "--json"));
        assertThat(json.get("status").asText()).isEqualTo("IN_CLARKE_SET");
        assertThat(json.get("passed").asBoolean()).isTrue();
        assertThat(json.get("differentiable").asBoolean()).isFalse();
        CliRun wrong = CliRun.of("check", "max(x, 0)", "--grad", "2", "--at", "0");
        assertThat(wrong.exit()).isEqualTo(1);
        assertThat(wrong.out()).contains("NOT_IN_CLARKE_SET");
        // a gradient at a point where f is not differentiable is never reported as PASS, even Nabla's own
        for (String[] c : new String[][] {{"abs(x)", "0"}, {"sqrt(x^2 + y^2)", "0,0"}, {COUNTEREXAMPLE, "0,0"}}) {
            JsonNode r = JsonOf.parse(CliRun.of("check", c[0], "--at", c[1], "--json"));
            assertThat(r.get("status").asText()).isNotEqualTo("PASS");
            assertThat(r.get("differentiable").asBoolean()).isFalse();
        }
        CliRun jump = CliRun.of("check", "sign(x)", "--grad", "0", "--at", "0");
        assertThat(jump.exit()).isEqualTo(1);
        assertThat(jump.out()).contains("NO_CLARKE_SET");
    }

    /** The non-differentiability verdicts are proofs that name the directions; a smooth point is proven too. */
    @Test
    void diffableProvesWithTheDirectionsThatShowIt() {
        JsonNode counter = JsonOf.parse(CliRun.of("diffable", COUNTEREXAMPLE, "--at", "0,0", "--json"));
        assertThat(counter.get("proven").asBoolean()).isTrue();
        JsonNode w = counter.get("witnesses");
        assertThat(w).hasSize(3);
        // D_{u+w} ≠ D_u + D_w
        assertThat(w.get(2).get("value").asDouble())
                .isNotCloseTo(w.get(0).get("value").asDouble() + w.get(1).get("value").asDouble(), within(1e-6));
        JsonNode abs = JsonOf.parse(CliRun.of("diffable", "abs(x)", "--at", "0", "--json"));
        assertThat(abs.get("witnesses")).hasSize(2);
        assertThat(abs.get("witnesses").get(0).get("value").asDouble()).isEqualTo(1);
        assertThat(abs.get("witnesses").get(1).get("value").asDouble()).isEqualTo(1);
        CliRun smooth = CliRun.of("diffable", EXAMPLE, "--at", "0.7,1.2");
        assertThat(smooth.out()).contains("DIFFERENTIABLE (proven)");
        // |x|² at 0 is differentiable, but through a kink: linear on the directions tested, not a proof
        CliRun sampled = CliRun.of("diffable", "abs(x)^2", "--at", "0");
        assertThat(sampled.exit()).isZero();
        assertThat(sampled.out()).contains("sampled, not proven");
    }

    @Test
    void subgradOfADiscontinuousFunctionSaysTheClarkeSetIsNotDefined() {
        CliRun r = CliRun.of("subgrad", "if(x < 0, 0, 1)", "--at", "0");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("not continuous at the point").contains("the Clarke set is not defined there");
        JsonNode json = JsonOf.parse(CliRun.of("subgrad", "sign(x)", "--at", "0", "--json"));
        assertThat(json.get("discontinuous").asText()).contains("jumps");
    }
}
