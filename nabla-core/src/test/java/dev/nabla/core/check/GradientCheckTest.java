package dev.nabla.core.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.nabla.core.TestFields;
import dev.nabla.core.field.DifferentiableScalarField;
import dev.nabla.core.field.ScalarField;
import dev.nabla.core.field.Vectors;
import java.util.List;
import java.util.function.Function;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class GradientCheckTest {

    static final ScalarField EXAMPLE = x -> x[0] * x[0] * Math.sin(x[1]) + x[1] * x[1] * x[1];
    static final Function<double[], double[]> EXAMPLE_GRADIENT =
            x -> new double[] {2 * x[0] * Math.sin(x[1]), x[0] * x[0] * Math.cos(x[1]) + 3 * x[1] * x[1]};
    static final double[] AT = {0.7, 1.2};

    @Test
    void theDocumentsGradCheckPasses() {
        GradientCheckReport r = GradientCheck.check(EXAMPLE, EXAMPLE_GRADIENT, AT);
        assertThat(r.passed()).isTrue();
        assertThat(r.directions()).hasSize(2 + 20);
        assertThat(r.suspectComponents()).isEmpty();
        // the extrapolated differences reproduce the gradient to ~1e-12 relative
        double[] g = EXAMPLE_GRADIENT.apply(AT);
        assertThat(Vectors.norm(Vectors.subtract(r.differenceGradient(), g))).isLessThan(1e-9);
        assertThat(r.toString()).contains("gradient check at (0.7, 1.2): PASS");
    }

    @Test
    void theDocumentsPlantedFactorIsCaughtAndLocated() {
        // ∂f/∂y written as x² cos y + 3y (a missing square): the y axis fails, x passes
        Function<double[], double[]> wrong = x -> new double[] {2 * x[0] * Math.sin(x[1]), x[0] * x[0] * Math.cos(x[1]) + 3 * x[1]};
        GradientCheckReport r = GradientCheck.check(EXAMPLE, wrong, AT);
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.suspectComponents()).containsExactly(1);
        assertThat(r.directions().get(0).status()).isEqualTo(CheckStatus.PASS);
        assertThat(r.toString()).contains("suspect components: ∂/∂x2");
    }

    @Test
    void theLadderShowsTheVCurve() {
        ScalarField exp = x -> Math.exp(x[0]);
        GradientCheckReport r = GradientCheck.check(exp, x -> new double[] {Math.exp(x[0])}, new double[] {1});
        List<StepError> ladder = r.directions().get(0).ladder();
        StepError bottom = r.directions().get(0).bestStep();
        // truncation ~ e·h²/6 ≈ 4.5e-3 at h = 0.1; rounding grows like ε·e/h to ~7e-9 at h = 1e-8 (measured);
        // the bottom lies near 3e-11: both arms of the V rise well above it
        assertThat(ladder.get(0).error()).isGreaterThan(1e-3);
        assertThat(ladder.get(ladder.size() - 1).error()).isGreaterThan(50 * bottom.error());
        assertThat(bottom.step()).isBetween(1e-6, 1e-3);
    }

    @Test
    void theCheckIsDeterministicForASeedAndDependsOnIt() {
        GradientCheckReport a = GradientCheck.check(EXAMPLE, EXAMPLE_GRADIENT, AT, GradientCheck.Options.DEFAULT.withSeed(42));
        GradientCheckReport b = GradientCheck.check(EXAMPLE, EXAMPLE_GRADIENT, AT, GradientCheck.Options.DEFAULT.withSeed(42));
        GradientCheckReport c = GradientCheck.check(EXAMPLE, EXAMPLE_GRADIENT, AT, GradientCheck.Options.DEFAULT.withSeed(43));
        assertThat(a).usingRecursiveComparison().isEqualTo(b);
        assertThat(a.directions().get(5).direction()).isNotEqualTo(c.directions().get(5).direction());
    }

    @Test
    void atAKinkTheReportSaysTheGradientIsOneSided() {
        // |x| with the right derivative +1 at 0: central differences see 0, the average of the two sides
        DifferentiableScalarField abs = TestFields.of(1, x -> Math.abs(x[0]), x -> new double[] {x[0] >= 0 ? 1 : -1},
                x -> x[0] == 0);
        GradientCheckReport r = GradientCheck.check(abs, new double[] {0});
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.kinks()).hasSize(1);
        assertThat(r.toString()).contains("note: the point is a kink");
        assertThat(GradientCheck.check(abs, new double[] {0.5}).passed()).isTrue();
    }

    @Test
    void aGradientOfTheWrongLengthIsRefused() {
        assertThatThrownBy(() -> GradientCheck.check(EXAMPLE, x -> new double[] {1}, AT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 components, the point 2");
    }

    static Stream<RandomSmoothFields> correctFamilies() {
        return LongStream.range(0, 25).boxed().flatMap(seed -> Stream.of(
                RandomSmoothFields.generic(seed), RandomSmoothFields.scaled(100 + seed, false),
                RandomSmoothFields.scaled(200 + seed, true), RandomSmoothFields.steep(300 + seed),
                RandomSmoothFields.offset(400 + seed)));
    }

    /** No false alarms: correct gradients pass, however the function is scaled. */
    @ParameterizedTest
    @MethodSource("correctFamilies")
    void correctGradientsPass(RandomSmoothFields family) {
        GradientCheckReport r = GradientCheck.check(family.field(), family.gradient(), family.point());
        assertThat(r.status()).as(() -> r.toString()).isEqualTo(CheckStatus.PASS);
    }

    static Stream<RandomSmoothFields> plantedFamilies() {
        return LongStream.range(0, 20).boxed().flatMap(seed -> Stream.of(
                RandomSmoothFields.generic(1000 + seed), RandomSmoothFields.scaled(1100 + seed, false),
                RandomSmoothFields.scaled(1200 + seed, true), RandomSmoothFields.steep(1300 + seed)));
    }

    @ParameterizedTest
    @MethodSource("plantedFamilies")
    void aFlippedSignIsCaught(RandomSmoothFields family) {
        Function<double[], double[]> g = family.gradient();
        GradientCheckReport r = GradientCheck.check(family.field(), x -> Vectors.scale(-1, g.apply(x)), family.point());
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
    }

    @ParameterizedTest
    @MethodSource("plantedFamilies")
    void aFactorOfTwoIsCaught(RandomSmoothFields family) {
        Function<double[], double[]> g = family.gradient();
        GradientCheckReport r = GradientCheck.check(family.field(), x -> Vectors.scale(2, g.apply(x)), family.point());
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
    }

    @ParameterizedTest
    @MethodSource("plantedFamilies")
    void swappedComponentsAreCaughtAndBothNamed(RandomSmoothFields family) {
        assumeThat(family.n()).isGreaterThan(1);
        double[] g0 = family.gradient().apply(family.point());
        int bi = 0;
        int bj = 1;
        for (int i = 0; i < g0.length; i++) {
            for (int j = i + 1; j < g0.length; j++) {
                if (Math.abs(g0[i] - g0[j]) > Math.abs(g0[bi] - g0[bj])) {
                    bi = i;
                    bj = j;
                }
            }
        }
        int i = bi;
        int j = bj;
        assumeThat(Math.abs(g0[i] - g0[j])).isGreaterThan(1e-3 * Vectors.norm(g0));
        Function<double[], double[]> swapped = x -> {
            double[] g = family.gradient().apply(x);
            double t = g[i];
            g[i] = g[j];
            g[j] = t;
            return g;
        };
        GradientCheckReport r = GradientCheck.check(family.field(), swapped, family.point());
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.suspectComponents()).contains(i, j);
    }

    @ParameterizedTest
    @MethodSource("plantedFamilies")
    void aMissingTermIsCaught(RandomSmoothFields family) {
        double[] x = family.point();
        double[] g = family.gradient().apply(x);
        int k = 0;
        for (int t = 1; t < family.terms().size(); t++) {
            if (Vectors.norm(family.terms().get(t).gradient(x)) > Vectors.norm(family.terms().get(k).gradient(x))) {
                k = t;
            }
        }
        // a term whose gradient is below 1e-4 of the total is, by design, within what τ may not resolve
        assumeThat(family.scale() * Vectors.norm(family.terms().get(k).gradient(x))).isGreaterThan(1e-4 * Vectors.norm(g));
        GradientCheckReport r = GradientCheck.check(family.field(), family.gradientWithout(k), x);
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
    }

    @ParameterizedTest
    @MethodSource("plantedFamilies")
    void anErrorInOneComponentIsCaughtAndOnlyThatComponentIsNamed(RandomSmoothFields family) {
        int i = (int) (Math.abs(family.description().hashCode()) % family.n());
        double[] g0 = family.gradient().apply(family.point());
        // an error of 1e-4 of ‖∇f‖ in one component: far below what grad_check's fixed tol = 1e-6 would see on
        // badly scaled fields (it is relative here), far above the check's own resolution
        double delta = 1e-4 * Vectors.norm(g0);
        Function<double[], double[]> wrong = x -> {
            double[] g = family.gradient().apply(x);
            g[i] += delta;
            return g;
        };
        GradientCheckReport r = GradientCheck.check(family.field(), wrong, family.point());
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.suspectComponents()).containsExactly(i);
    }
}
