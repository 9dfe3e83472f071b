package dev.nabla.core.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.nabla.core.field.Vectors;
import dev.nabla.core.optim.TestProblems.Problem;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Descent methods reach the published minima of the classical test set, with Armijo at every accepted step. */
class DescentTest {

    /** Generous iteration budget: steepest descent on κ = 1e4 needs tens of thousands of steps. */
    static final Termination LONG = new Termination(1e-8, 200_000);

    static List<Problem> problems() {
        return List.of(TestProblems.rosenbrock(), TestProblems.beale(), TestProblems.booth(), TestProblems.himmelblau(),
                TestProblems.illConditionedQuadratic());
    }

    static Stream<Arguments> methodsAndProblems() {
        return problems().stream().flatMap(p -> Stream.of(
                Arguments.of("armijo", p), Arguments.of("wolfe", p), Arguments.of("lbfgs", p)));
    }

    /** Runs are deterministic, so each (method, problem) pair runs once for all the tests that inspect it. */
    private static final java.util.Map<String, OptimizationResult> RUNS = new java.util.concurrent.ConcurrentHashMap<>();

    static OptimizationResult run(String method, Problem p) {
        return RUNS.computeIfAbsent(method + "/" + p.name(), key -> runAfresh(method, p));
    }

    private static OptimizationResult runAfresh(String method, Problem p) {
        return switch (method) {
            case "armijo" -> new GradientDescent(ArmijoBacktracking.DEFAULT, LONG).minimize(p.field(), p.start());
            case "wolfe" -> new GradientDescent(StrongWolfe.DEFAULT, LONG).minimize(p.field(), p.start());
            default -> new Lbfgs(10, StrongWolfe.DEFAULT, LONG).minimize(p.field(), p.start());
        };
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("methodsAndProblems")
    void reachesThePublishedMinimum(String method, Problem p) {
        OptimizationResult r = run(method, p);
        assertThat(r.stopReason()).isEqualTo(StopReason.GRADIENT_TOLERANCE);
        assertThat(r.last().gradientNorm()).isLessThanOrEqualTo(1e-8);
        // ‖∇f‖ ≤ 1e-8 at a minimum with Hessian eigenvalues ≥ ~0.4 (Rosenbrock's smallest) puts x within
        // ‖H⁻¹‖·1e-8 ≈ 3e-8 of x*; 1e-6 leaves room for the κ = 1e4 quadratic's smallest eigenvalue 1.
        double distance = p.minima().stream().mapToDouble(m -> Vectors.norm(Vectors.subtract(r.point(), m))).min().orElseThrow();
        assertThat(distance).isLessThan(1e-6);
        assertThat(r.value()).isCloseTo(p.minimum(), within(1e-12));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("methodsAndProblems")
    void armijoHoldsAtEveryAcceptedStepAndThePathIsMonotone(String method, Problem p) {
        OptimizationResult r = run(method, p);
        assertThat(r.armijoHoldsAtEveryStep(1e-4)).isTrue();
        List<Iterate> path = r.path();
        for (int k = 1; k < path.size(); k++) {
            Iterate it = path.get(k);
            assertThat(it.value()).isLessThanOrEqualTo(path.get(k - 1).value() + 1e-4 * it.stepSize() * it.slope());
            assertThat(it.slope()).isNegative();
            assertThat(it.stepSize()).isPositive();
            assertThat(it.gradientEvaluations()).isGreaterThanOrEqualTo(path.get(k - 1).gradientEvaluations() + 1);
        }
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("methodsAndProblems")
    void thePathIsRecordedWithItsEvaluationCounts(String method, Problem p) {
        OptimizationResult r = run(method, p);
        assertThat(r.path().get(0).point()).containsExactly(p.start());
        assertThat(r.path().get(0).stepSize()).isZero();
        assertThat(r.iterations()).isEqualTo(r.path().size() - 1);
        assertThat(r.valueEvaluations()).isGreaterThanOrEqualTo(r.gradientEvaluations());
        assertThat(r.gradientEvaluations()).isEqualTo(r.last().gradientEvaluations());
        for (Iterate it : r.path()) {
            assertThat(it.value()).isCloseTo(p.field().value(it.point()), within(0.0));
        }
    }

    @Test
    void stopsAtTheIterationLimit() {
        Problem p = TestProblems.rosenbrock();
        OptimizationResult r = new GradientDescent(ArmijoBacktracking.DEFAULT, new Termination(1e-8, 5)).minimize(p.field(), p.start());
        assertThat(r.stopReason()).isEqualTo(StopReason.ITERATION_LIMIT);
        assertThat(r.iterations()).isEqualTo(5);
    }

    @Test
    void reportsANonFiniteStartingValue() {
        Problem p = TestProblems.rosenbrock();
        OptimizationResult r = new Lbfgs().minimize(p.field(), new double[] {Double.NaN, 1});
        assertThat(r.stopReason()).isEqualTo(StopReason.NON_FINITE_VALUE);
        assertThat(r.iterations()).isZero();
    }

    @Test
    void reportsALineSearchFailureWhenNoStepDecreasesF() {
        // f(x) = x with a wrong gradient −1: every step along +x increases f, so backtracking never succeeds.
        TestProblems.HandField wrong = new TestProblems.HandField("wrong gradient", 1, x -> x[0],
                x -> new double[] {-1}, x -> new double[][] {{0}});
        OptimizationResult r = new GradientDescent().minimize(wrong, new double[] {0});
        assertThat(r.stopReason()).isEqualTo(StopReason.LINE_SEARCH_FAILURE);
        assertThat(r.valueEvaluations()).isEqualTo(1 + 61);
    }

    @Test
    void backsOffWhereTheFieldIsUndefined() {
        // f(x) = x − log(x) (minimum at 1) from x = 5: the full step lands at x < 0 where log throws.
        TestProblems.HandField f = new TestProblems.HandField("x - log x", 1, x -> {
            if (x[0] <= 0) {
                throw new dev.nabla.core.field.DomainException("log(x)", "log of " + x[0], x);
            }
            return x[0] - Math.log(x[0]);
        }, x -> new double[] {1 - 1 / x[0]}, x -> new double[][] {{1 / (x[0] * x[0])}});
        OptimizationResult r = new GradientDescent(new ArmijoBacktracking(1e-4, 0.5, 10, 60), Termination.DEFAULT)
                .minimize(f, new double[] {5});
        assertThat(r.stopReason()).isEqualTo(StopReason.GRADIENT_TOLERANCE);
        assertThat(r.point()[0]).isCloseTo(1, within(1e-7));
    }

    @Test
    void strongWolfeStepsSatisfyTheCurvatureCondition() {
        Problem p = TestProblems.rosenbrock();
        CountingField f = new CountingField(p.field());
        double[] x = p.start();
        double[] g = p.field().gradient(x);
        double[] d = Vectors.scale(-1 / Vectors.norm(g), g);
        double slope0 = Vectors.dot(g, d);
        Trial t = StrongWolfe.DEFAULT.search(SearchPath.line(f, x, d), p.field().value(x), slope0).orElseThrow();
        assertThat(t.value()).isLessThanOrEqualTo(p.field().value(x) + 1e-4 * t.alpha() * slope0);
        assertThat(Math.abs(t.slope())).isLessThanOrEqualTo(0.9 * Math.abs(slope0));
        assertThat(t.slope()).isCloseTo(Vectors.dot(p.field().gradient(t.point()), d), within(1e-12));
    }

    @Test
    void lbfgsNeedsFarFewerIterationsThanSteepestDescentOnTheIllConditionedQuadratic() {
        Problem p = TestProblems.illConditionedQuadratic();
        OptimizationResult lbfgs = run("lbfgs", p);
        OptimizationResult gd = run("armijo", p);
        assertThat(lbfgs.iterations() * 10).isLessThan(gd.iterations());
    }
}
