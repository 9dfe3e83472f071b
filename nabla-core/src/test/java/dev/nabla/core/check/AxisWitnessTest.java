package dev.nabla.core.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nabla.core.ad.AD;
import dev.nabla.core.ad.RealFunction;
import dev.nabla.core.onesided.DirectionalDerivative;
import dev.nabla.core.onesided.OneSided;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A proof of non-differentiability shows the documents' directions e1, e2 and e1 + e2 when they witness it,
 * not seeded random directions.
 */
class AxisWitnessTest {

    /** The documents' counterexample x²y/(x² + y²), 0 at the origin (D_(a,b) f(0) = a²b/(a² + b²)). */
    static final RealFunction COUNTEREXAMPLE = x -> OneSided.signForSmallT(x[0]) == 0
            && OneSided.signForSmallT(x[1]) == 0
            ? x[0].constant(0) : x[0].square().multiply(x[1]).divide(x[0].square().add(x[1].square()));

    @Test
    void theCounterexampleIsShownNotAdditiveOnE1E2AndTheirSum() {
        ExactDifferentiability r = AD.differentiability(COUNTEREXAMPLE, new double[] {0, 0});
        assertThat(r.verdict()).isEqualTo(DifferentiabilityVerdict.DIRECTIONAL_NOT_LINEAR);
        assertThat(r.proven()).isTrue();
        List<DirectionalDerivative> w = r.witnesses();
        assertThat(w).extracting(DirectionalDerivative::direction)
                .containsExactly(new double[] {1, 0}, new double[] {0, 1}, new double[] {1, 1});
        // D_e1 f = 0, D_e2 f = 0, D_{e1+e2} f = 1·1/(1 + 1) = 1/2
        assertThat(w).extracting(DirectionalDerivative::value).containsExactly(0.0, 0.0, 0.5);
        assertThat(r.evidence()).contains("u = (1, 0)").contains("w = (0, 1)").contains("D_{u+w} f = 0.5");
    }

    @Test
    void inThreeVariablesTheWitnessingAxesAreTheOnesThatShowIt() {
        // x²z/(x² + z²)-like defect between y and z only: D_{e2+e3} f = 1/2 but D_e2 f = D_e3 f = 0
        RealFunction f = x -> OneSided.signForSmallT(x[1]) == 0 && OneSided.signForSmallT(x[2]) == 0
                ? x[0] : x[1].square().multiply(x[2]).divide(x[1].square().add(x[2].square()))
                .add(x[0]);
        ExactDifferentiability r = AD.differentiability(f, new double[] {0, 0, 0});
        assertThat(r.verdict()).isEqualTo(DifferentiabilityVerdict.DIRECTIONAL_NOT_LINEAR);
        assertThat(r.witnesses()).extracting(DirectionalDerivative::direction)
                .containsExactly(new double[] {0, 1, 0}, new double[] {0, 0, 1}, new double[] {0, 1, 1});
    }

    @Test
    void aDifferentiableFieldIsStillFoundDifferentiable() {
        // x·y + sin(x): smooth, no kink: proven differentiable with ∇f(0.3, −2) = (y + cos x, x)
        ExactDifferentiability r = AD.differentiability(x -> x[0].multiply(x[1]).add(x[0].sin()),
                new double[] {0.3, -2});
        assertThat(r.differentiable()).isTrue();
        assertThat(r.proven()).isTrue();
        assertThat(r.gradient()).containsExactly(-2 + Math.cos(0.3), 0.3);
    }
}
