package dev.nabla.core.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The one menu of descent methods that the command line and the explorer share. */
class OptimizerTest {

    @Test
    void theMenuNamesEveryMethodOnce() {
        assertThat(Optimizer.menu()).isEqualTo("armijo, wolfe, lbfgs or sampling");
        assertThat(Optimizer.of(" LBFGS ")).isEqualTo(Optimizer.LBFGS);
        assertThatThrownBy(() -> Optimizer.of("newton")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown method 'newton' (expected armijo, wolfe, lbfgs or sampling)");
    }

    @ParameterizedTest
    @EnumSource(Optimizer.class)
    void everyMethodFindsBoothsMinimumFromItsDefaults(Optimizer method) {
        TestProblems.Problem booth = TestProblems.booth();
        OptimizationResult r = method.minimize(booth.field(), booth.start(), Optimizer.Settings.DEFAULTS, it -> { });
        assertThat(r.converged()).as(method + ": " + r.stopReason()).isTrue();
        // the minimum (1, 3) to the accuracy the stopping tolerance allows (‖∇f‖ ≤ tol, Hessian eigenvalues ≥ 2)
        double tolerance = method.tolerance(Optimizer.Settings.DEFAULTS);
        assertThat(r.point()).containsExactly(new double[] {1, 3}, within(Math.max(1e-6, tolerance)));
    }

    @Test
    void settingsOverrideTheDefaults() {
        Optimizer.Settings s = new Optimizer.Settings(1e-3, 7, null, null, null, null, null, null, null);
        assertThat(Optimizer.SAMPLING.tolerance(s)).isEqualTo(1e-3);
        assertThat(Optimizer.ARMIJO.maxIterations(s)).isEqualTo(7);
        assertThat(Optimizer.SAMPLING.maxIterations(Optimizer.Settings.DEFAULTS)).isEqualTo(1000);
        assertThat(Optimizer.ARMIJO.tolerance(Optimizer.Settings.DEFAULTS)).isEqualTo(1e-8);
    }
}
