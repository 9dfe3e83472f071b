package dev.nabla.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** nabla grad where a derivative overflows: one line naming the overflow (exit 3), not a kink warning and ∞. */
class GradOverflowTest {

    @Test
    void aChainRuleProductThatOverflowsIsAnOverflowNotAKinkWarning() {
        // ∂/∂x 1e308·x^π = 1e308·π·x^(π−1) = 3.14e308 at x = 1: beyond the double range though every partial is finite
        CliRun r = CliRun.of("grad", "1e308*x^pi", "--at", "x=1");
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).contains("overflow").contains("1e308*x^pi").doesNotContain("kinks");
        assertThat(r.out()).doesNotContain("Infinity");
    }
}
