package dev.nabla.core.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.nabla.core.ad.AD;
import dev.nabla.core.ad.RealFunction;
import dev.nabla.core.ad.RealVectorFunction;
import dev.nabla.core.field.DifferentiableScalarField;
import dev.nabla.core.nonsmooth.ClarkeSet;
import dev.nabla.core.nonsmooth.GradientSampling;
import dev.nabla.core.nonsmooth.SampledSubdifferential;
import org.junit.jupiter.api.Test;

/** The checks on fields written once in Java and differentiated by the AD engine. */
class OnAutomaticDifferentiationTest {

    static final RealFunction EXAMPLE = x -> x[0].square().multiply(x[1].sin()).add(x[1].pow(3));

    @Test
    void theAutomaticGradientOfTheWorkedExamplePassesTheCheck() {
        GradientCheckReport r = GradientCheck.check(AD.field(EXAMPLE, 2), new double[] {0.7, 1.2});
        assertThat(r.passed()).as(r::toString).isTrue();
        assertThat(r.kinks()).isEmpty();
    }

    @Test
    void theAutomaticJacobianOfPolarCoordinatesPassesTheCheck() {
        RealVectorFunction polar = p -> new dev.nabla.core.ad.Real[] {p[0].multiply(p[1].cos()), p[0].multiply(p[1].sin())};
        JacobianCheckReport r = JacobianCheck.check(AD.vectorField(polar, 2, 2), new double[] {2, 0.4},
                GradientCheck.Options.DEFAULT);
        assertThat(r.passed()).as(r::toString).isTrue();
    }

    @Test
    void theNormWrittenInJavaIsOneSidedAtZeroAndItsSampledClarkeSetSurroundsZero() {
        DifferentiableScalarField norm = AD.field(x -> x[0].hypot(x[1]), 2);
        DifferentiabilityReport r = Differentiability.test(norm, new double[] {0, 0}, Differentiability.Options.DEFAULT);
        assertThat(r.verdict()).isEqualTo(DifferentiabilityVerdict.ONE_SIDED_ONLY);
        SampledSubdifferential s = GradientSampling.sample(norm, new double[] {0, 0});
        assertThat(s.stationarity()).isLessThan(1e-9);
    }

    @Test
    void maxWrittenInJavaAtATie() {
        DifferentiableScalarField max = AD.field(x -> x[0].max(x[1]), 2);
        assertThat(Differentiability.test(max, new double[] {1, 1}, Differentiability.Options.DEFAULT).verdict())
                .isEqualTo(DifferentiabilityVerdict.ONE_SIDED_ONLY);
        ClarkeSet hull = GradientSampling.sample(max, new double[] {1, 1}).hull();
        assertThat(hull).hasToString("conv{(1, 0), (0, 1)}");
        // the engine records the tie, so the gradient check reports the kink
        assertThat(GradientCheck.check(max, new double[] {1, 1}).kinks()).isNotEmpty();
        assertThat(hull.minimumNormElement()).containsExactly(new double[] {0.5, 0.5}, within(1e-12));
    }
}
