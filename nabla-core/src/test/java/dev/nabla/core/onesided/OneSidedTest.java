package dev.nabla.core.onesided;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nabla.core.ad.AD;
import dev.nabla.core.ad.Real;
import dev.nabla.core.ad.RealFunction;
import dev.nabla.core.onesided.DirectionalDerivative.Kind;
import org.junit.jupiter.api.Test;

/** The exact one-sided directional derivative of Java code at kinks: the documents' cases and the one-sided rules. */
class OneSidedTest {

    private static DirectionalDerivative d(RealFunction f, double[] x, double... v) {
        return AD.directionalDerivative(f, x, v);
    }

    @Test
    void exercise2NormAtTheOriginIsTheNormOfTheDirection() {
        RealFunction norm = x -> x[0].square().add(x[1].square()).sqrt();
        DirectionalDerivative r = d(norm, new double[] {0, 0}, 3, 4);
        assertThat(r.kind()).isEqualTo(Kind.FINITE);
        assertThat(r.value()).isEqualTo(5);
        assertThat(r.oneSided()).isTrue();
        assertThat(r.unit().value()).isEqualTo(1);
        assertThat(r.unit().normalised()).isTrue();
        assertThat(d(x -> x[0].hypot(x[1]), new double[] {0, 0}, 3, 4).value()).isEqualTo(5);
        assertThat(d(norm, new double[] {0, 0}, -3, -4).value()).isEqualTo(5);
    }

    @Test
    void exercise3CounterexampleWrittenWithAOneSidedCondition() {
        RealFunction f = x -> OneSided.signForSmallT(x[0]) == 0 && OneSided.signForSmallT(x[1]) == 0
                ? x[0].constant(0) : x[0].square().multiply(x[1]).divide(x[0].square().add(x[1].square()));
        double[] origin = {0, 0};
        assertThat(d(f, origin, 1, 1).value()).isEqualTo(0.5);
        for (double[] v : new double[][] {{1, 2}, {-2, 1}, {3, -1}, {1, 0}, {0, 1}}) {
            double a = v[0];
            double b = v[1];
            assertThat(d(f, origin, v).value()).isCloseTo(a * a * b / (a * a + b * b),
                    org.assertj.core.api.Assertions.within(1e-15));
        }
    }

    @Test
    void absMaxMinFollowTheLeadingTerm() {
        double[] zero = {0};
        assertThat(d(x -> x[0].abs(), zero, 1).value()).isEqualTo(1);
        assertThat(d(x -> x[0].abs(), zero, -1).value()).isEqualTo(1);
        assertThat(d(x -> x[0].max(x[0].constant(0)), zero, 1).value()).isEqualTo(1);
        assertThat(d(x -> x[0].max(x[0].constant(0)), zero, -1).value()).isEqualTo(0);
        assertThat(d(x -> x[0].min(x[0].constant(0)), zero, -1).value()).isEqualTo(-1);
        assertThat(d(x -> x[0].multiply(x[0].sign()), zero, -2).value()).isEqualTo(2);
        // x² − x at 0 along +1 is negative for small t, though its value is 0
        assertThat(d(x -> x[0].square().subtract(x[0]).abs(), zero, 1).value()).isEqualTo(1);
        // the tie is broken at second order: max(t², 0)
        assertThat(d(x -> x[0].square().max(x[0].constant(0)), zero, 1).value()).isEqualTo(0);
    }

    @Test
    void rootsAtZero() {
        double[] zero = {0};
        DirectionalDerivative up = d(x -> x[0].sqrt(), zero, 1);
        assertThat(up.kind()).isEqualTo(Kind.POSITIVE_INFINITY);
        assertThat(up.value()).isEqualTo(Double.POSITIVE_INFINITY);
        DirectionalDerivative down = d(x -> x[0].sqrt(), zero, -1);
        assertThat(down.kind()).isEqualTo(Kind.DOES_NOT_EXIST);
        assertThat(down.reason()).contains("sqrt of a negative argument").contains("undefined for small t > 0");
        assertThat(d(x -> x[0].cbrt(), zero, -1).kind()).isEqualTo(Kind.NEGATIVE_INFINITY);
        assertThat(d(x -> x[0].sqrt().square(), zero, 1).value()).isEqualTo(1);
        assertThat(d(x -> x[0].abs().pow(1.5), zero, 1).value()).isEqualTo(0);
        assertThat(d(x -> x[0].sqrt().add(x[0]).square(), zero, 1).value()).isEqualTo(1);
    }

    @Test
    void aJumpIsAnInfiniteQuotient() {
        DirectionalDerivative r = d(x -> x[0].sign(), new double[] {0}, 1);
        assertThat(r.kind()).isEqualTo(Kind.POSITIVE_INFINITY);
        assertThat(r.reason()).contains("jumps");
    }

    @Test
    void smoothPointsGiveTheUsualDerivative() {
        RealFunction f = x -> x[0].square().multiply(x[1]).add(x[1].pow(3)).divide(x[0].add(2));
        double[] x = {0.7, 1.2};
        double[] v = {1, -2};
        assertThat(d(f, x, v).value()).isCloseTo(AD.jvp(f, x, v), org.assertj.core.api.Assertions.within(1e-13));
        assertThat(d(f, x, v).oneSided()).isFalse();
    }

    @Test
    void transcendentalFunctionsFromTheTablesRules() {
        RealFunction f = x -> x[0].sin().multiply(x[1].exp()).add(x[0].multiply(x[1]).add(3).log())
                .add(x[1].atan().multiply(x[0].cosh())).add(x[0].pow(x[1])).add(x[1].atan2(x[0]))
                .add(x[0].divide(4).asin()).add(x[1].tanh().sqrt());
        double[] x = {0.7, 1.2};
        for (double[] v : new double[][] {{1, -2}, {0.3, 0.1}, {-1, 0}}) {
            double expected = AD.jvp(f, x, v);
            assertThat(d(f, x, v).value()).isCloseTo(expected, org.assertj.core.api.Assertions.within(1e-13));
        }
    }

    @Test
    void smoothFunctionsOfKinks() {
        double[] zero = {0};
        assertThat(d(x -> x[0].abs().sin(), zero, -1).value()).isEqualTo(1);
        assertThat(d(x -> x[0].square().add(x[1].square()).sqrt().exp(), new double[] {0, 0}, 3, 4).value())
                .isEqualTo(5);
        assertThat(d(x -> x[0].abs().add(1).log(), zero, 2).value()).isEqualTo(2);
        // asin(1 − t) = π/2 − √(2t) + …: an infinite slope downwards
        DirectionalDerivative edge = d(x -> x[0].asin(), new double[] {1}, -1);
        assertThat(edge.kind()).isEqualTo(Kind.NEGATIVE_INFINITY);
        assertThat(d(x -> x[0].asin(), new double[] {1}, 1).kind()).isEqualTo(Kind.DOES_NOT_EXIST);
    }

    @Test
    void theBranchCutOfAtan2IsAJump() {
        RealFunction angle = x -> x[1].atan2(x[0]);
        double[] onCut = {-1, 0};
        assertThat(d(angle, onCut, 0, 1).value()).isCloseTo(-1, org.assertj.core.api.Assertions.within(1e-15));
        DirectionalDerivative below = d(angle, onCut, 0, -1);
        assertThat(below.kind()).isEqualTo(Kind.NEGATIVE_INFINITY);
        assertThat(below.reason()).contains("jumps");
    }

    @Test
    void oscillationHasNoLimit() {
        RealFunction f = x -> OneSided.signForSmallT(x[0]) == 0 ? x[0].constant(0)
                : x[0].multiply(x[0].reciprocal().sin());
        DirectionalDerivative r = d(f, new double[] {0}, 1);
        assertThat(r.kind()).isEqualTo(Kind.DOES_NOT_EXIST);
        assertThat(r.reason()).contains("oscillates");
        // x² sin(1/x) is differentiable at 0 with derivative 0, but its expansion oscillates: honest "does not
        // exist" would be wrong, so the expansion must not claim it
        RealFunction g = x -> OneSided.signForSmallT(x[0]) == 0 ? x[0].constant(0)
                : x[0].square().multiply(x[0].reciprocal().sin());
        assertThat(d(g, new double[] {0}, 1).kind()).isNotEqualTo(Kind.FINITE);
    }

    @Test
    void theJavaApiDecidesDifferentiabilityAsTheCommandsDo() {
        dev.nabla.core.check.ExactDifferentiability kink = AD.differentiability(x -> x[0].abs().add(x[1]),
                new double[] {0, 1});
        assertThat(kink.differentiable()).isFalse();
        assertThat(kink.proven()).isTrue();
        assertThat(kink.verdict()).isEqualTo(dev.nabla.core.check.DifferentiabilityVerdict.ONE_SIDED_ONLY);
        assertThat(kink.witnesses()).hasSize(2);
        dev.nabla.core.check.ExactDifferentiability smooth = AD.differentiability(
                x -> x[0].square().multiply(x[1].sin()), new double[] {0.7, 1.2});
        assertThat(smooth.differentiable()).isTrue();
        assertThat(smooth.proven()).isTrue();
        assertThat(smooth.gradient()).containsExactly(new double[] {2 * 0.7 * Math.sin(1.2), 0.49 * Math.cos(1.2)},
                org.assertj.core.api.Assertions.within(1e-14));
    }
}
