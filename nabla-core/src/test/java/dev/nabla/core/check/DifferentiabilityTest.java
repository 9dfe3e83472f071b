package dev.nabla.core.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.nabla.core.TestFields;
import dev.nabla.core.field.DifferentiableScalarField;
import dev.nabla.core.field.ScalarField;
import dev.nabla.core.field.Vectors;
import dev.nabla.core.numeric.RandomVectors;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The directional derivative from its definition, and the differentiability verdicts. */
class DifferentiabilityTest {

    static final double[] ORIGIN = {0, 0};
    static final Differentiability.Options OPTIONS = Differentiability.Options.DEFAULT;

    /** The documents' counterexample: x²y/(x²+y²), f(0, 0) = 0. */
    static final ScalarField COUNTEREXAMPLE = p -> {
        double x = p[0], y = p[1];
        return x == 0 && y == 0 ? 0 : x * x * y / (x * x + y * y);
    };

    /** Exercise 2: sqrt(x² + y²). */
    static final ScalarField NORM = p -> Math.sqrt(p[0] * p[0] + p[1] * p[1]);

    static Stream<double[]> randomDirections() {
        SplittableRandom random = new SplittableRandom(2);
        return IntStream.range(0, 20).mapToObj(i -> Vectors.scale(random.nextDouble(0.1, 5), RandomVectors.unitDirection(2, random)));
    }

    /** Exercise 2: D_v f(0) = ‖v‖ for every v (not normalised), one-sided; the left limit is −‖v‖. */
    @ParameterizedTest
    @MethodSource("randomDirections")
    void exercise2DirectionalDerivativeOfTheNormAtTheOriginIsTheNormOfV(double[] v) {
        DirectionalLimit d = DirectionalLimits.of(NORM, ORIGIN, v);
        // f(tv) = |t|·‖v‖ exactly: every quotient is ‖v‖ up to rounding
        assertThat(d.right().exists()).isTrue();
        assertThat(d.right().value()).isCloseTo(Vectors.norm(v), within(1e-12 * Vectors.norm(v)));
        assertThat(d.left().value()).isCloseTo(-Vectors.norm(v), within(1e-12 * Vectors.norm(v)));
        assertThat(d.twoSided()).isFalse();
    }

    @Test
    void exercise2VerdictIsOneSidedOnly() {
        DifferentiabilityReport r = Differentiability.test(NORM, ORIGIN, OPTIONS);
        assertThat(r.verdict()).isEqualTo(DifferentiabilityVerdict.ONE_SIDED_ONLY);
        assertThat(r.evidence()).contains("one-sided derivatives differ");
    }

    /** Exercise 3: D_(a,b) f(0, 0) = a²b/(a² + b²), two-sided, for every direction. */
    @ParameterizedTest
    @MethodSource("randomDirections")
    void exercise3DirectionalDerivativesOfTheCounterexample(double[] v) {
        double a = v[0], b = v[1];
        DirectionalLimit d = DirectionalLimits.of(COUNTEREXAMPLE, ORIGIN, v);
        assertThat(d.twoSided()).isTrue();
        double expected = a * a * b / (a * a + b * b);
        // f(ta, tb) = t·a²b/(a²+b²): the quotient is constant, so the limit is exact up to rounding
        assertThat(d.value()).isCloseTo(expected, within(1e-12 * Vectors.norm(v)));
    }

    @Test
    void exercise3VerdictIsDirectionalButNotLinear() {
        DifferentiabilityReport r = Differentiability.test(COUNTEREXAMPLE, ORIGIN, OPTIONS);
        assertThat(r.verdict()).isEqualTo(DifferentiabilityVerdict.DIRECTIONAL_NOT_LINEAR);
        // the axes give g = (0, 0), yet D_v f ≠ 0 off the axes
        assertThat(r.linearMap()).containsExactly(new double[] {0, 0}, within(1e-15));
        assertThat(r.evidence()).contains("not additive");
        assertThat(r.limits()).allMatch(DirectionalLimit::twoSided);
    }

    @Test
    void absoluteValueAtZeroIsOneSidedOnlyWithSlopesPlusAndMinusOne() {
        ScalarField abs = p -> Math.abs(p[0]);
        DirectionalLimit d = DirectionalLimits.of(abs, new double[] {0}, new double[] {1});
        assertThat(d.right().value()).isEqualTo(1);
        assertThat(d.left().value()).isEqualTo(-1);
        assertThat(Differentiability.test(abs, new double[] {0}, OPTIONS).verdict())
                .isEqualTo(DifferentiabilityVerdict.ONE_SIDED_ONLY);
    }

    @Test
    void maxOnTheDiagonalIsOneSidedOnly() {
        ScalarField max = p -> Math.max(p[0], p[1]);
        DirectionalLimit d = DirectionalLimits.of(max, new double[] {1, 1}, new double[] {1, -2});
        // D_v⁺ = max(v1, v2) = 1, D_v⁻ = min(v1, v2) = −2
        assertThat(d.right().value()).isCloseTo(1, within(1e-12));
        assertThat(d.left().value()).isCloseTo(-2, within(1e-12));
        assertThat(Differentiability.test(max, new double[] {1, 1}, OPTIONS).verdict())
                .isEqualTo(DifferentiabilityVerdict.ONE_SIDED_ONLY);
        // off the diagonal max is smooth
        assertThat(Differentiability.test(max, new double[] {1, 0.5}, OPTIONS).verdict())
                .isEqualTo(DifferentiabilityVerdict.DIFFERENTIABLE);
    }

    @Test
    void squareRootOfAbsoluteValueHasNoDirectionalDerivative() {
        // (sqrt|t| − 0)/t = ±1/sqrt|t| diverges
        ScalarField f = p -> Math.sqrt(Math.abs(p[0]));
        DifferentiabilityReport r = Differentiability.test(f, new double[] {0}, OPTIONS);
        assertThat(r.verdict()).isEqualTo(DifferentiabilityVerdict.NO_DIRECTIONAL_DERIVATIVE);
        assertThat(r.evidence()).contains("no right limit");
    }

    @Test
    void anOscillatingQuotientHasNoLimit() {
        // (t sin(1/t))/t = sin(1/t) oscillates as t → 0
        ScalarField f = p -> p[0] == 0 ? 0 : p[0] * Math.sin(1 / p[0]);
        OneSidedLimit right = DirectionalLimits.oneSided(f, new double[] {0}, new double[] {1}, OneSidedLimit.Side.RIGHT);
        assertThat(right.exists()).isFalse();
        assertThat(right.toString()).contains("no limit");
        assertThat(Differentiability.test(f, new double[] {0}, OPTIONS).verdict())
                .isEqualTo(DifferentiabilityVerdict.NO_DIRECTIONAL_DERIVATIVE);
    }

    @Test
    void aDirectionOutsideTheDomainHasNoLimit() {
        ScalarField sqrt = p -> {
            if (p[0] < 0) {
                throw new dev.nabla.core.field.DomainException("sqrt(x)", "sqrt of " + p[0], p);
            }
            return Math.sqrt(p[0]);
        };
        OneSidedLimit left = DirectionalLimits.oneSided(sqrt, new double[] {1e-3}, new double[] {-1}, OneSidedLimit.Side.RIGHT);
        // steps 0.1 … 1e-3 leave the domain; the remaining ones converge to −1/(2 sqrt(1e-3))
        assertThat(left.exists()).isTrue();
        assertThat(left.value()).isCloseTo(-0.5 / Math.sqrt(1e-3), within(1e-6));
    }

    @Test
    void slowlyButSurelyConvergingQuotientsAndOscillationsThatDieOut() {
        // |x|^{3/2} at 0: quotient ±sqrt|t| → 0 (like t^{1/2}); x² sin(1/x): quotient t sin(1/t) → 0
        ScalarField power = p -> Math.pow(Math.abs(p[0]), 1.5);
        ScalarField damped = p -> p[0] == 0 ? 0 : p[0] * p[0] * Math.sin(1 / p[0]);
        assertThat(Differentiability.test(power, new double[] {0}, OPTIONS).verdict()).isEqualTo(DifferentiabilityVerdict.DIFFERENTIABLE);
        assertThat(Differentiability.test(damped, new double[] {0}, OPTIONS).verdict()).isEqualTo(DifferentiabilityVerdict.DIFFERENTIABLE);
    }

    @Test
    void aProductWithAKinkThatVanishesQuadraticallyIsDifferentiable() {
        // |x|·y: |f| ≤ ‖p‖², so f is differentiable at 0 with ∇f = 0 although |x| is not
        ScalarField f = p -> Math.abs(p[0]) * p[1];
        DifferentiabilityReport r = Differentiability.test(f, ORIGIN, OPTIONS);
        assertThat(r.verdict()).isEqualTo(DifferentiabilityVerdict.DIFFERENTIABLE);
        assertThat(r.linearMap()).containsExactly(new double[] {0, 0}, within(1e-12));
    }

    @Test
    void theLimitIsComparedWithTheGradientWhereItExists() {
        DifferentiableScalarField f = TestFields.of(2, GradientCheckTest.EXAMPLE, GradientCheckTest.EXAMPLE_GRADIENT);
        DirectionalLimit d = DirectionalLimits.of(f, new double[] {0.7, 1.2}, new double[] {1, -2});
        double[] g = GradientCheckTest.EXAMPLE_GRADIENT.apply(new double[] {0.7, 1.2});
        // the documents' check: D_v f by definition = ∇f·v = 2ax sin y + b(x² cos y + 3y²) at (0.7, 1.2), v = (1, −2)
        assertThat(d.gradientDot()).isCloseTo(g[0] - 2 * g[1], within(1e-15));
        assertThat(d.value()).isCloseTo(d.gradientDot(), within(1e-9));
        assertThat(d.agreesWithGradient()).isTrue();
        DifferentiabilityReport r = Differentiability.test(f, new double[] {0.7, 1.2}, OPTIONS);
        assertThat(r.agreesWithGradient()).isTrue();
        assertThat(r.evidence()).endsWith("equal to ∇f");
    }

    @Test
    void aWrongGradientIsReportedAsDisagreeing() {
        DifferentiableScalarField f = TestFields.of(2, GradientCheckTest.EXAMPLE, x -> new double[] {1, 1});
        DifferentiabilityReport r = Differentiability.test(f, new double[] {0.7, 1.2}, OPTIONS);
        assertThat(r.verdict()).isEqualTo(DifferentiabilityVerdict.DIFFERENTIABLE);
        assertThat(r.agreesWithGradient()).isFalse();
        assertThat(r.evidence()).contains("disagrees");
    }

    static Stream<RandomSmoothFields> smoothFamilies() {
        return LongStream.range(0, 12).boxed().flatMap(seed -> Stream.of(
                RandomSmoothFields.generic(5000 + seed), RandomSmoothFields.scaled(5100 + seed, false),
                RandomSmoothFields.scaled(5200 + seed, true), RandomSmoothFields.steep(5300 + seed),
                RandomSmoothFields.offset(5400 + seed)));
    }

    /** No false verdicts on smooth fields, however scaled: differentiable, with g = ∇f. */
    @ParameterizedTest
    @MethodSource("smoothFamilies")
    void smoothFieldsAreDifferentiableWithTheirGradient(RandomSmoothFields family) {
        DifferentiableScalarField f = TestFields.of(family.n(), family.field(), family.gradient());
        DifferentiabilityReport r = Differentiability.test(f, family.point(), OPTIONS);
        assertThat(r.verdict()).as(r::toString).isEqualTo(DifferentiabilityVerdict.DIFFERENTIABLE);
        assertThat(r.agreesWithGradient()).as(r::toString).isTrue();
    }
}
