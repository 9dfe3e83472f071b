package dev.nabla.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** nabla grad where differentiability is only sampled and no kink was met: the warning names no empty kink list. */
class GradOverflowTest {

    @Test
    void anUndecidedTestWithoutKinksSaysNotProvenNotKinks() {
        // ∂/∂x 1e308·x^π = 1e308·π at x = 1 exceeds the double range: the expansions' first coefficients overflow,
        // so most exact directional derivatives are not decided, and no kink was met
        CliRun r = CliRun.of("grad", "1e308*x^pi", "--at", "x=1");
        assertThat(r.exit()).isZero();
        assertThat(r.err()).doesNotContain("()").doesNotContain("has kinks")
                .startsWith("nabla grad: warning: f is not proven differentiable at x = 1; ")
                .contains("directional derivatives were not decided");
        // a real kink is still named
        CliRun kink = CliRun.of("grad", "abs(x)*abs(y)", "--at", "x=0,y=0");
        assertThat(kink.err()).startsWith("nabla grad: warning: f has kinks at (x, y) = (0, 0) (abs at 0); ");
    }
}
