package dev.nabla.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nabla.core.ad.AD;
import dev.nabla.core.ad.Real;
import dev.nabla.core.ad.RealFunction;
import dev.nabla.core.field.Gradient;
import dev.nabla.core.optim.ArmijoBacktracking;
import dev.nabla.core.optim.GradientDescent;
import dev.nabla.core.optim.Lbfgs;
import dev.nabla.core.optim.OptimizationResult;
import dev.nabla.core.optim.StrongWolfe;
import dev.nabla.core.optim.Termination;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The distributed value, gradient and Hessian-vector product equal the single-machine ones on the same seeded
 * data, whatever the partitioning; nabla-core's optimisers on the distributed objective reach the
 * single-machine optimum.
 *
 * <p>Tolerance 1e-12 relative (max norm): the only difference between the paths is the order of the
 * floating-point summation over a few hundred rows (rounding error of order √N·ε ≈ 1e-15 relative for these
 * well-scaled sums), so 1e-12 leaves a wide margin while any wrong row, missed partition or wrong derivative
 * shows up at order 1e-3 or more.
 */
class SparkObjectiveTest {
    static final double TOLERANCE = 1e-12;
    static final int FEATURES = 3;
    static final List<String> W = List.of("w1", "w2", "w3", "b");
    static final List<String> X = List.of("x1", "x2", "x3", "y");
    static final String LOGISTIC = "log(1 + exp(-y*(w1*x1 + w2*x2 + w3*x3 + b)))";

    /** ℓ = log(1 + exp(−y (w·x + b))) in Java, over the same names as {@link #LOGISTIC}. */
    static final RecordLoss JAVA_LOGISTIC = (w, r) -> {
        Real z = w[FEATURES];
        for (int j = 0; j < FEATURES; j++) {
            z = z.add(w[j].multiply(r[j]));
        }
        return z.multiply(-r[FEATURES]).exp().add(1).log();
    };

    static Loss loss(String kind) {
        return kind.equals("formula") ? Loss.formula(LOGISTIC, W, X) : Loss.of(JAVA_LOGISTIC, W, X);
    }

    /** (loss kind, target partitions, source partitions, seed): 1, 3 and 8 partitions, each loss kind, kept and re-spread. */
    static Stream<Arguments> partitionings() {
        List<Arguments> cases = new ArrayList<>();
        long seed = 11;
        for (int partitions : new int[] {1, 3, 8}) {
            cases.add(Arguments.of("formula", partitions, partitions, seed++)); // the source's partitions kept
            cases.add(Arguments.of("java", partitions, 5, seed++));             // rows spread from 5 source partitions
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} loss, {1} partitions from {2}, seed {3}")
    @MethodSource("partitionings")
    void valueGradientAndHvpEqualTheSingleMachineOnes(String kind, int partitions, int source, long seed) {
        List<double[]> rows = TestSpark.logistic(357, FEATURES, seed);
        SplittableRandom random = new SplittableRandom(seed);
        double[] theta = randomVector(random, FEATURES + 1);
        double[] v = randomVector(random, FEATURES + 1);
        try (SparkObjective f = SparkObjective.of(TestSpark.frame(X, rows, source), loss(kind), partitions)) {
            assertThat(f.data().partitions()).isEqualTo(partitions);
            assertThat(f.data().blocks().getNumPartitions()).isEqualTo(partitions);
            assertThat(f.rows()).isEqualTo(rows.size());
            Gradient g = f.valueAndGradient(theta);
            double[] hv = f.hessianVectorProduct(theta, v);

            // reference 1: hand-written logistic regression (the textbook formulas, no differentiation)
            double[] analytic = analyticLogistic(rows, theta, v);
            assertClose(g.value(), analytic[0]);
            assertClose(g.gradient(), slice(analytic, 1, FEATURES + 1));
            assertClose(hv, slice(analytic, FEATURES + 2, FEATURES + 1));

            // reference 2: nabla-core's reverse mode and forward-over-reverse on the whole sum, one machine, one tape
            RealFunction sum = wholeSum(JAVA_LOGISTIC, rows);
            Gradient single = AD.valueAndGrad(sum, theta);
            assertClose(g.value(), single.value());
            assertClose(g.gradient(), single.gradient());
            assertClose(hv, AD.hvp(sum, theta, v));
            assertThat(f.statistics().passes()).isEqualTo(2);
            assertThat(f.statistics().rows()).isEqualTo(2L * rows.size());
        }
    }

    static Stream<Arguments> decayCases() {
        return Stream.of(Arguments.of(1, 21L), Arguments.of(3, 22L), Arguments.of(8, 23L));
    }

    /** A non-linear least-squares loss: the formula (symbolic) and the Java code (AD) agree with each other and with one machine. */
    @ParameterizedTest(name = "{0} partitions, seed {1}")
    @MethodSource("decayCases")
    void formulaAndJavaLossesAgreeOnANonlinearFit(int partitions, long seed) {
        List<double[]> rows = TestSpark.decay(263, seed);
        List<String> params = List.of("a", "k", "c");
        List<String> cols = List.of("t", "y");
        RecordLoss java = (p, r) -> p[0].multiply(p[1].multiply(-r[0]).exp()).add(p[2]).subtract(r[1]).square();
        Loss formula = Loss.formula("(y - a*exp(-k*t) - c)^2", params, null);
        assertThat(formula.columns()).containsExactly("t", "y");
        SplittableRandom random = new SplittableRandom(seed);
        double[] theta = {1 + random.nextDouble(), 0.2 + random.nextDouble(), random.nextDouble()};
        double[] v = randomVector(random, 3);
        try (SparkObjective fs = SparkObjective.of(TestSpark.frame(cols, rows, 4), formula, partitions);
             SparkObjective fj = SparkObjective.of(TestSpark.frame(cols, rows, 4), Loss.of(java, params, cols), partitions)) {
            RealFunction sum = wholeSum(java, rows);
            Gradient single = AD.valueAndGrad(sum, theta);
            double[] singleHv = AD.hvp(sum, theta, v);
            for (SparkObjective f : List.of(fs, fj)) {
                Gradient g = f.valueAndGradient(theta);
                assertClose(g.value(), single.value());
                assertClose(g.gradient(), single.gradient());
                assertClose(f.hessianVectorProduct(theta, v), singleHv);
            }
        }
    }

    @Test
    void lbfgsOnSparkReachesTheSingleMachineOptimum() {
        List<double[]> rows = TestSpark.logistic(1500, FEATURES, 7);
        // ‖∇f‖ ≤ 1e-4 on the sum of 1500 rows: above the precision floor of its line search (√(2ε|f*|λ) ≈ 2e-6 at
        // f* ≈ 860), and with the Hessian's smallest eigenvalue λ ≳ 100 each run is within 1e-6 of θ*
        Lbfgs lbfgs = new Lbfgs(10, StrongWolfe.DEFAULT, new Termination(1e-4, 200));
        double[] x0 = new double[FEATURES + 1];
        OptimizationResult single = lbfgs.minimize(AD.field(wholeSum(JAVA_LOGISTIC, rows), FEATURES + 1), x0);
        try (SparkObjective f = SparkObjective.of(TestSpark.frame(X, rows, 3), loss("formula"), 3)) {
            OptimizationResult spark = lbfgs.minimize(f, x0);
            assertThat(single.converged()).as(single.stopReason().name()).isTrue();
            assertThat(spark.converged()).as(spark.stopReason().name()).isTrue();
            assertClose(spark.point(), single.point(), 2e-6);
            assertThat(f.statistics().passes()).isEqualTo(spark.gradientEvaluations());
        }
    }

    @Test
    void armijoDescentOnTheMeanReachesTheSameOptimum() {
        List<double[]> rows = TestSpark.logistic(600, FEATURES, 8);
        double[] x0 = new double[FEATURES + 1];
        try (SparkObjective sum = SparkObjective.of(TestSpark.frame(X, rows, 2), loss("java"), 2)) {
            SparkObjective mean = sum.mean();
            OptimizationResult lbfgs = new Lbfgs(10, StrongWolfe.DEFAULT, new Termination(1e-8, 200)).minimize(mean, x0);
            OptimizationResult descent = new GradientDescent(ArmijoBacktracking.DEFAULT, new Termination(1e-5, 500))
                    .minimize(mean, x0);
            assertThat(lbfgs.converged()).as(lbfgs.stopReason().name()).isTrue();
            assertThat(descent.converged()).as(descent.stopReason().name()).isTrue();
            assertThat(descent.armijoHoldsAtEveryStep(ArmijoBacktracking.DEFAULT.c1())).isTrue();
            // ‖∇f‖ ≤ 1e-5 on the mean, whose Hessian's smallest eigenvalue is ≳ 0.05 here: ‖θ − θ*‖ ≲ 2e-4
            assertClose(descent.point(), lbfgs.point(), 1e-3);
            assertClose(mean.value(lbfgs.point()), sum.value(lbfgs.point()) / rows.size());
        }
    }

    // ---- references and helpers ----

    /** θ ↦ Σ_rows ℓ(θ; row) as one function (one tape on one machine). */
    static RealFunction wholeSum(RecordLoss loss, List<double[]> rows) {
        return theta -> {
            Real s = theta[0].constant(0);
            for (double[] r : rows) {
                s = s.add(loss.apply(theta, r));
            }
            return s;
        };
    }

    /** [f, ∇f (p), H v (p)] of Σ log(1 + exp(−y z)), z = w·x + b: ∇ = Σ −y σ(−yz) u, H v = Σ σ(1−σ) u (u·v), u = (x, 1). */
    static double[] analyticLogistic(List<double[]> rows, double[] theta, double[] v) {
        int p = theta.length;
        double[] out = new double[1 + 2 * p];
        for (double[] r : rows) {
            double[] u = new double[p];
            System.arraycopy(r, 0, u, 0, p - 1);
            u[p - 1] = 1;
            double y = r[p - 1];
            double z = 0;
            double uv = 0;
            for (int j = 0; j < p; j++) {
                z += theta[j] * u[j];
                uv += u[j] * v[j];
            }
            double s = 1 / (1 + Math.exp(y * z)); // σ(−yz)
            out[0] += Math.log1p(Math.exp(-y * z));
            for (int j = 0; j < p; j++) {
                out[1 + j] += -y * s * u[j];
                out[1 + p + j] += s * (1 - s) * u[j] * uv;
            }
        }
        return out;
    }

    static double[] randomVector(SplittableRandom random, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = random.nextDouble(-1, 1);
        }
        return v;
    }

    static double[] slice(double[] a, int from, int length) {
        return java.util.Arrays.copyOfRange(a, from, from + length);
    }

    static void assertClose(double actual, double expected) {
        assertThat(Math.abs(actual - expected)).as("%s vs %s", actual, expected)
                .isLessThanOrEqualTo(TOLERANCE * Math.abs(expected));
    }

    static void assertClose(double[] actual, double[] expected) {
        assertClose(actual, expected, TOLERANCE);
    }

    /** max_i |a_i − e_i| ≤ tol · max_i |e_i|. */
    static void assertClose(double[] actual, double[] expected, double tol) {
        assertThat(actual).hasSameSizeAs(expected);
        double err = 0;
        double scale = 0;
        for (int i = 0; i < expected.length; i++) {
            err = Math.max(err, Math.abs(actual[i] - expected[i]));
            scale = Math.max(scale, Math.abs(expected[i]));
        }
        assertThat(err).as("%s vs %s", java.util.Arrays.toString(actual), java.util.Arrays.toString(expected))
                .isLessThanOrEqualTo(tol * scale);
    }
}
