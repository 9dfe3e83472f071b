package dev.nabla.core.ad;

import dev.nabla.core.ad.RandomPrograms.Program;
import dev.nabla.core.field.Gradient;
import dev.nabla.core.field.Kink;
import dev.nabla.core.field.Matrices;
import dev.nabla.core.field.Vectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The flat forward-over-reverse tape ({@link SecondOrderTape}) behind {@link AD#hvp}, {@link AD#hessian} and
 * {@link AD#hessianVectorProductOf}: H(x)v = ∇(∇f·v)(x) equals the nested path (forward mode over the nestable
 * reverse tape, {@code AD.jvp(y -> AD.grad(f, y), x, v)}, what {@code AD.hvp} ran before), central differences
 * of the gradient along v, and closed-form second derivatives of every elementary function.
 */
class HessianVectorProductTest {

    /**
     * Two exact computations that differ only by rounding in a different order of operations (≈ 1e-14 per
     * operation over a few dozen operations): relative 1e-9 is far above that and far below any wrong rule.
     */
    static final double EXACT = 1e-9;

    /**
     * Central differences of the exact gradient with one Richardson step (h = 1e-4): truncation O(h⁴) ≈ 1e-16
     * times the fifth derivative (large for the steepest random programs, hence the small h), rounding
     * ≈ 1e-16 |∇f| / h ≈ 1e-12 |∇f|; relative 1e-6 leaves room for both.
     */
    static final double NUMERIC = 1e-6;

    static void assertClose(double actual, double expected, double rel, String what) {
        assertThat(Math.abs(actual - expected))
                .as("%s: %s vs %s", what, actual, expected)
                .isLessThanOrEqualTo(rel * (1 + Math.abs(expected)));
    }

    static void assertClose(double[] actual, double[] expected, double rel, String what) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < actual.length; i++) {
            assertClose(actual[i], expected[i], rel, what + "[" + i + "]");
        }
    }

    /** The nested path: forward mode (dual numbers along v) over the nestable reverse tape. */
    static double[] nestedHvp(RealFunction f, double[] x, double[] v) {
        return AD.vectorJvp(y -> AD.grad(f, y), x, v);
    }

    /** (∇f(x + hv) − ∇f(x − hv)) / 2h with one Richardson extrapolation step. */
    static double[] gradientDifference(RealFunction f, double[] x, double[] v) {
        double h = 1e-4;
        double[] d1 = difference(f, x, v, h);
        double[] d2 = difference(f, x, v, h / 2);
        double[] r = new double[x.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = (4 * d2[i] - d1[i]) / 3;
        }
        return r;
    }

    private static double[] difference(RealFunction f, double[] x, double[] v, double h) {
        double[] gp = AD.grad(f, Vectors.axpy(h, v, x));
        double[] gm = AD.grad(f, Vectors.axpy(-h, v, x));
        double[] r = new double[x.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = (gp[i] - gm[i]) / (2 * h);
        }
        return r;
    }

    /** One pass on a fresh second-order tape: value, gradient, H v and the kinks met. */
    record Pass(double value, double[] gradient, double[] hv, List<Kink> kinks) {
    }

    static Pass pass(RealFunction f, double[] x, double[] v) {
        SecondOrderTape tape = new SecondOrderTape(4);
        double[] g = new double[x.length];
        double[] hv = new double[x.length];
        double value = AD.valueGradientAndHvp(tape, f, x, v, g, hv);
        return new Pass(value, g, hv, tape.kinks());
    }

    // ---- random programs ----

    static LongStream seeds() {
        return LongStream.range(0, 150);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void onRandomProgramsHvEqualsTheNestedPathAndDifferencesOfTheGradient(long seed) {
        SplittableRandom r = new SplittableRandom(5000 + seed);
        int n = 1 + r.nextInt(5);
        Program p = RandomPrograms.smooth(r, n, 4);
        double[] x = RandomPrograms.point(r, n);
        double[] v = RandomPrograms.point(r, n);
        RealFunction f = p.f();
        String on = p + " at " + Arrays.toString(x) + " along " + Arrays.toString(v);

        Pass pass = pass(f, x, v);
        assertThat(pass.kinks()).as(on).isEmpty();
        assertClose(pass.value(), AD.value(f, x), EXACT, "value of " + on);
        assertClose(pass.gradient(), AD.grad(f, x), EXACT, "gradient of " + on);
        assertClose(pass.hv(), nestedHvp(f, x, v), EXACT, "H v against the nested path, " + on);
        assertClose(pass.hv(), gradientDifference(f, x, v), NUMERIC, "H v against differences of ∇f, " + on);
        assertThat(AD.hvp(f, x, v)).as(on).containsExactly(pass.hv());

        double[] g = new double[n];
        double[] hv = new double[n];
        HessianVectorProduct reusable = AD.hessianVectorProductOf(f, n);
        reusable.valueGradientAndHvp(RandomPrograms.point(r, n), v, g, hv); // an earlier pass elsewhere
        assertThat(reusable.valueGradientAndHvp(x, v, g, hv)).as(on).isEqualTo(pass.value());
        assertThat(g).as(on).containsExactly(pass.gradient());
        assertThat(hv).as(on).containsExactly(pass.hv());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void hessianOfRandomProgramsIsSymmetricAndItsColumnsAreHvps(long seed) {
        SplittableRandom r = new SplittableRandom(6000 + seed);
        int n = 1 + r.nextInt(4);
        Program p = RandomPrograms.smooth(r, n, 4);
        double[] x = RandomPrograms.point(r, n);
        double[] v = RandomPrograms.point(r, n);
        String on = p + " at " + Arrays.toString(x);
        double[][] h = AD.hessian(p.f(), x);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                assertClose(h[i][j], h[j][i], EXACT, "symmetry of H[" + i + "][" + j + "] of " + on);
            }
        }
        assertClose(AD.hvp(p.f(), x, v), Matrices.multiply(h, v), EXACT, "H v = (columns H e_j) v, " + on);
    }

    /**
     * Programs with abs, sign, max and min at points with coordinates in {−1, 0, 1}, where kinks are often hit:
     * the second-order tape follows the same one-sided convention as the nested path and records the same
     * kinks as the first-order tape. Programs with {@code Reals.norm} are compared with the nested path only
     * away from zeros: the nested path expands ‖x‖ into the chain hypot(hypot(0, x₀), x₁)…, whose first link
     * is a kink when x₀ = 0 although ‖x‖ is smooth there (see {@link #normWithAZeroEntryIsSmooth}).
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void kinkedProgramsFollowTheSameConventionAndRecordTheSameKinks(long seed) {
        SplittableRandom r = new SplittableRandom(7000 + seed);
        int n = 1 + r.nextInt(3);
        Program p = RandomPrograms.withKinks(r, n, 4);
        double[] x = RandomPrograms.gridPoint(r, n);
        double[] v = RandomPrograms.point(r, n);
        String on = p + " at " + Arrays.toString(x) + " along " + Arrays.toString(v);
        Pass pass = pass(p.f(), x, v);
        Gradient first = AD.valueAndGrad(p.f(), x);
        assertThat(pass.kinks()).as(on).isEqualTo(first.kinks());
        assertClose(pass.gradient(), first.gradient(), EXACT, "gradient of " + on);
        if (!p.text().replace("sqnorm(", "").contains("norm(")) {
            assertClose(pass.hv(), nestedHvp(p.f(), x, v), EXACT, "H v against the nested path, " + on);
        }
    }

    // ---- every elementary function ----

    /** A unary elementary g with its first and second derivatives, written independently, and its domain. */
    record Unary(String name, UnaryOperator<Real> g, DoubleUnaryOperator d1, DoubleUnaryOperator d2, double lo,
                 double hi) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final List<Unary> UNARY = List.of(
            new Unary("sqrt", Real::sqrt, u -> 0.5 / Math.sqrt(u), u -> -0.25 * Math.pow(u, -1.5), 0.05, 3),
            new Unary("cbrt", Real::cbrt, u -> 1 / (3 * Math.cbrt(u * u)), u -> -2 / (9 * Math.pow(Math.cbrt(u), 5)),
                    -3, 3),
            new Unary("exp", Real::exp, Math::exp, Math::exp, -2, 2),
            new Unary("log", Real::log, u -> 1 / u, u -> -1 / (u * u), 0.05, 4),
            new Unary("sin", Real::sin, Math::cos, u -> -Math.sin(u), -3, 3),
            new Unary("cos", Real::cos, u -> -Math.sin(u), u -> -Math.cos(u), -3, 3),
            new Unary("tan", Real::tan, u -> 1 / (Math.cos(u) * Math.cos(u)),
                    u -> 2 * Math.sin(u) / Math.pow(Math.cos(u), 3), -1.3, 1.3),
            new Unary("asin", Real::asin, u -> 1 / Math.sqrt(1 - u * u), u -> u / Math.pow(1 - u * u, 1.5), -0.95, 0.95),
            new Unary("acos", Real::acos, u -> -1 / Math.sqrt(1 - u * u), u -> -u / Math.pow(1 - u * u, 1.5), -0.95,
                    0.95),
            new Unary("atan", Real::atan, u -> 1 / (1 + u * u), u -> -2 * u / Math.pow(1 + u * u, 2), -3, 3),
            new Unary("sinh", Real::sinh, Math::cosh, Math::sinh, -2, 2),
            new Unary("cosh", Real::cosh, Math::sinh, Math::cosh, -2, 2),
            new Unary("tanh", Real::tanh, u -> 1 / Math.pow(Math.cosh(u), 2),
                    u -> -2 * Math.tanh(u) / Math.pow(Math.cosh(u), 2), -2, 2),
            new Unary("asinh", Real::asinh, u -> 1 / Math.sqrt(1 + u * u), u -> -u / Math.pow(1 + u * u, 1.5), -3, 3),
            new Unary("acosh", Real::acosh, u -> 1 / Math.sqrt(u * u - 1), u -> -u / Math.pow(u * u - 1, 1.5), 1.05, 4),
            new Unary("atanh", Real::atanh, u -> 1 / (1 - u * u), u -> 2 * u / Math.pow(1 - u * u, 2), -0.95, 0.95),
            new Unary("reciprocal", Real::reciprocal, u -> -1 / (u * u), u -> 2 / (u * u * u), 0.2, 3),
            new Unary("square", Real::square, u -> 2 * u, u -> 2, -3, 3),
            new Unary("pow 2.5", a -> a.pow(2.5), u -> 2.5 * Math.pow(u, 1.5), u -> 3.75 * Math.sqrt(u), 0.05, 3),
            new Unary("pow -1.5", a -> a.pow(-1.5), u -> -1.5 * Math.pow(u, -2.5), u -> 3.75 * Math.pow(u, -3.5), 0.2,
                    3),
            new Unary("pow 3", a -> a.pow(3), u -> 3 * u * u, u -> 6 * u, -3, 3),
            new Unary("negate", Real::negate, u -> -1, u -> 0, -3, 3),
            new Unary("add 1.5", a -> a.add(1.5), u -> 1, u -> 0, -3, 3),
            new Unary("subtract 1.5", a -> a.subtract(1.5), u -> 1, u -> 0, -3, 3),
            new Unary("multiply -2", a -> a.multiply(-2), u -> -2, u -> 0, -3, 3),
            new Unary("divide 4", a -> a.divide(4), u -> 0.25, u -> 0, -3, 3),
            new Unary("abs (away from 0)", Real::abs, Math::signum, u -> 0, -3, 3),
            new Unary("2^u", a -> a.constant(2).pow(a), u -> Math.pow(2, u) * Math.log(2),
                    u -> Math.pow(2, u) * Math.log(2) * Math.log(2), -2, 2));

    static Stream<Arguments> unaryCases() {
        return UNARY.stream().flatMap(g -> LongStream.range(0, 8).mapToObj(seed -> Arguments.of(g, seed)));
    }

    /**
     * f(x) = g(u), u = x₀x₁ + 0.5, so that the argument of g has a non-trivial tangent and the product's
     * partials have tangents too: ∇f = g'(u)∇u and H v = g''(u)(∇u·v)∇u + g'(u)∇²u v with ∇u = (x₁, x₀) and
     * ∇²u = [[0, 1], [1, 0]].
     */
    @ParameterizedTest(name = "{0}, seed {1}")
    @MethodSource("unaryCases")
    void everyUnaryElementaryFunctionHasTheChainRulesSecondDerivative(Unary g, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double u = r.nextDouble(g.lo(), g.hi());
        double x1 = r.nextDouble(0.5, 1.5);
        double[] x = {(u - 0.5) / x1, x1};
        double[] v = RandomPrograms.point(r, 2);
        RealFunction f = s -> g.g().apply(s[0].multiply(s[1]).add(0.5));
        double uu = x[0] * x[1] + 0.5; // u after rounding
        double[] gradU = {x[1], x[0]};
        double d1 = g.d1().applyAsDouble(uu);
        double d2 = g.d2().applyAsDouble(uu);
        double along = Vectors.dot(gradU, v);
        double[] expected = {d2 * along * gradU[0] + d1 * v[1], d2 * along * gradU[1] + d1 * v[0]};
        String on = g + " at u = " + uu;

        Pass pass = pass(f, x, v);
        assertClose(pass.gradient(), new double[] {d1 * gradU[0], d1 * gradU[1]}, EXACT, "gradient of " + on);
        assertClose(pass.hv(), expected, EXACT, "H v of " + on);
        assertClose(pass.hv(), nestedHvp(f, x, v), EXACT, "H v against the nested path, " + on);
    }

    /** A binary elementary g(a, b) with its Hessian, written independently. */
    record Binary(String name, java.util.function.BinaryOperator<Real> g,
                  java.util.function.BiFunction<Double, Double, double[][]> hessian, double lo, double hi) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final List<Binary> BINARY = List.of(
            new Binary("add", Real::add, (a, b) -> new double[][] {{0, 0}, {0, 0}}, -3, 3),
            new Binary("subtract", Real::subtract, (a, b) -> new double[][] {{0, 0}, {0, 0}}, -3, 3),
            new Binary("multiply", Real::multiply, (a, b) -> new double[][] {{0, 1}, {1, 0}}, -3, 3),
            new Binary("divide", Real::divide,
                    (a, b) -> new double[][] {{0, -1 / (b * b)}, {-1 / (b * b), 2 * a / (b * b * b)}}, 0.3, 3),
            new Binary("pow", Real::pow, (a, b) -> {
                double ab = Math.pow(a, b - 1) * (1 + b * Math.log(a));
                return new double[][] {{b * (b - 1) * Math.pow(a, b - 2), ab},
                        {ab, Math.pow(a, b) * Math.log(a) * Math.log(a)}};
            }, 0.2, 3),
            new Binary("atan2", Real::atan2, (y, x) -> {
                double r4 = Math.pow(x * x + y * y, 2);
                return new double[][] {{-2 * x * y / r4, (y * y - x * x) / r4}, {(y * y - x * x) / r4, 2 * x * y / r4}};
            }, -3, 3),
            new Binary("hypot", Real::hypot, (a, b) -> {
                double h3 = Math.pow(Math.hypot(a, b), 3);
                return new double[][] {{b * b / h3, -a * b / h3}, {-a * b / h3, a * a / h3}};
            }, -3, 3),
            new Binary("dot", (a, b) -> Reals.dot(new Real[] {a, b}, new Real[] {b, b}),
                    (a, b) -> new double[][] {{0, 1}, {1, 2}}, -3, 3),
            new Binary("logSumExp", (a, b) -> Reals.logSumExp(new Real[] {a, b}), (a, b) -> {
                double s = Math.exp(a) / (Math.exp(a) + Math.exp(b));
                double c = s * (1 - s);
                return new double[][] {{c, -c}, {-c, c}};
            }, -3, 3),
            new Binary("norm", (a, b) -> Reals.norm(new Real[] {a, b}), (a, b) -> {
                double h3 = Math.pow(Math.hypot(a, b), 3);
                return new double[][] {{b * b / h3, -a * b / h3}, {-a * b / h3, a * a / h3}};
            }, -3, 3));

    static Stream<Arguments> binaryCases() {
        return BINARY.stream().flatMap(g -> LongStream.range(0, 8).mapToObj(seed -> Arguments.of(g, seed)));
    }

    @ParameterizedTest(name = "{0}, seed {1}")
    @MethodSource("binaryCases")
    void everyBinaryElementaryFunctionHasItsHessian(Binary g, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = {r.nextDouble(g.lo(), g.hi()), r.nextDouble(g.lo(), g.hi())};
        double[] v = RandomPrograms.point(r, 2);
        RealFunction f = s -> g.g().apply(s[0], s[1]);
        String on = g + " at " + Arrays.toString(x);
        double[] expected = Matrices.multiply(g.hessian().apply(x[0], x[1]), v);
        assertClose(AD.hvp(f, x, v), expected, EXACT, "H v of " + on);
        assertClose(AD.hvp(f, x, v), nestedHvp(f, x, v), EXACT, "H v against the nested path, " + on);
        // the same with the second operand a constant of an enclosing context: only ∂²g/∂a² remains
        double b = x[1];
        RealFunction withConstant = s -> g.g().apply(s[0], Reals.of(b)[0]);
        double[] one = {v[0]};
        assertClose(AD.hvp(withConstant, new double[] {x[0]}, one)[0], g.hessian().apply(x[0], b)[0][0] * v[0],
                EXACT, "∂²/∂a² of " + on + " with b constant");
    }

    @ParameterizedTest(name = "atan2({0}, {1})")
    @CsvSource({"1, 2", "1, -2", "-1, -2", "-1, 2", "0, 3", "0, -3", "3, 0", "-3, 0"})
    void atan2HasItsHessianInEveryQuadrantAndOnTheAxes(double y, double x) {
        RealFunction f = s -> s[0].atan2(s[1]);
        double r4 = Math.pow(x * x + y * y, 2);
        double[][] expected = {{-2 * x * y / r4, (y * y - x * x) / r4}, {(y * y - x * x) / r4, 2 * x * y / r4}};
        double[][] h = AD.hessian(f, new double[] {y, x});
        for (int i = 0; i < 2; i++) {
            assertClose(h[i], expected[i], 1e-15, "row " + i);
        }
    }

    // ---- domain edges and kinks ----

    @Test
    void sqrtNearAndAtZero() {
        RealFunction f = x -> x[0].sqrt();
        double a = 1e-8;
        assertClose(AD.hvp(f, new double[] {a}, new double[] {1})[0], -0.25 * Math.pow(a, -1.5), 1e-15, "near 0");
        Pass atZero = pass(f, new double[] {0}, new double[] {1}); // the table's convention at the kink: 0, recorded
        assertThat(atZero.gradient()).containsExactly(0);
        assertThat(atZero.hv()).containsExactly(0);
        assertThat(atZero.kinks()).containsExactly(new Kink("sqrt", "sqrt at 0 (infinite slope)"));
        // a direction that does not move the argument gives 0, not ∞·0 = NaN
        Pass still = pass(x -> x[0].sqrt().add(x[1].square()), new double[] {0, 1}, new double[] {0, 1});
        assertThat(still.hv()).containsExactly(0, 2);
        // nor does a zero adjoint through the infinite partial
        assertThat(AD.hvp(x -> x[0].sqrt().multiply(0).add(x[0]), new double[] {0}, new double[] {1}))
                .containsExactly(0);
    }

    @Test
    void powWithBaseZero() {
        double[] zero = {0};
        double[] one = {1};
        assertThat(AD.hvp(x -> x[0].pow(2), zero, one)).containsExactly(2);
        assertThat(AD.hvp(x -> x[0].pow(3), zero, one)).containsExactly(0);
        assertThat(AD.hvp(x -> x[0].pow(1), zero, one)).containsExactly(0);
        assertThat(AD.hvp(x -> x[0].pow(0), zero, one)).containsExactly(0);
        assertThat(AD.hvp(x -> x[0].pow(0.5), zero, one)).containsExactly(0); // infinite slope: 0, a kink
        // x^y at x = 0: the partial in y is its limit 0, and so are the second derivatives where the limit is finite
        RealFunction xy = x -> x[0].pow(x[1]);
        assertThat(AD.hessian(xy, new double[] {0, 3})).isDeepEqualTo(new double[][] {{0, 0}, {0, 0}});
        assertThat(AD.hessian(xy, new double[] {0, 2})).isDeepEqualTo(new double[][] {{2, 0}, {0, 0}});
        // at y = 1, ∂²/∂x∂y = x^0 (1 + log x) → −∞
        Pass p = pass(xy, new double[] {0, 1}, new double[] {1, 0});
        assertThat(p.gradient()).containsExactly(1, 0);
        assertThat(p.hv()).containsExactly(0, Double.NEGATIVE_INFINITY);
    }

    @Test
    void absAndSignAtZeroTakeSignZeroWithZeroSecondDerivativeAndRecordAKink() {
        Pass abs = pass(x -> x[0].abs(), new double[] {0}, new double[] {1});
        assertThat(abs.gradient()).containsExactly(0); // the table's convention abs'(0) = sign(0)
        assertThat(abs.hv()).containsExactly(0);
        assertThat(abs.kinks()).containsExactly(new Kink("abs", "abs at 0"));
        // x |x| has one-sided second derivatives ±2 at 0; with abs'(0) = 0 the chain rule gives their mean 0
        Pass xAbs = pass(x -> x[0].multiply(x[0].abs()), new double[] {0}, new double[] {1});
        assertThat(xAbs.gradient()).containsExactly(0);
        assertThat(xAbs.hv()).containsExactly(0);
        Pass sign = pass(x -> x[0].sign().multiply(x[0]), new double[] {0}, new double[] {1});
        assertThat(sign.hv()).containsExactly(0);
        assertThat(sign.kinks()).containsExactly(new Kink("sign", "sign at 0"));
    }

    @Test
    void maxAndMinAtATieFollowTheFirstArgumentAndRecordAKink() {
        RealFunction max = x -> x[0].square().max(x[1]);
        Pass tie = pass(max, new double[] {1, 1}, new double[] {1, 1});
        assertThat(tie.gradient()).containsExactly(2, 0);
        assertThat(tie.hv()).containsExactly(2, 0);
        assertThat(tie.kinks()).containsExactly(new Kink("max", "max at a tie (both 1)"));
        Pass second = pass(max, new double[] {1, 2}, new double[] {1, 1});
        assertThat(second.hv()).containsExactly(0, 0);
        assertThat(second.kinks()).isEmpty();
        Pass min = pass(x -> x[0].square().min(x[1].multiply(x[1])), new double[] {-1, 1}, new double[] {1, 3});
        assertThat(min.hv()).containsExactly(2, 0);
        assertThat(min.kinks()).containsExactly(new Kink("min", "min at a tie (both 1)"));
    }

    @Test
    void hypotAndNormAtTheOriginHaveZeroDerivativesAndRecordAKink() {
        Pass hypot = pass(x -> x[0].hypot(x[1]), new double[] {0, 0}, new double[] {1, 2});
        assertThat(hypot.gradient()).containsExactly(0, 0);
        assertThat(hypot.hv()).containsExactly(0, 0);
        assertThat(hypot.kinks()).containsExactly(new Kink("hypot", "hypot at (0, 0)"));
        Pass norm = pass(Reals::norm, new double[] {0, 0, 0}, new double[] {1, 2, 3});
        assertThat(norm.hv()).containsExactly(0, 0, 0);
        assertThat(norm.kinks()).containsExactly(new Kink("norm", "norm at 0"));
    }

    @Test
    void normWithAZeroEntryIsSmooth() {
        // ‖(x, 3, 4)‖ at x = 0: gradient (0), second derivative 1/5, no kink
        Pass p = pass(x -> Reals.norm(new Real[] {x[0], x[0].constant(3), x[0].constant(4)}), new double[] {0},
                new double[] {1});
        assertThat(p.gradient()).containsExactly(0);
        assertThat(p.hv()).containsExactly(0.2);
        assertThat(p.kinks()).isEmpty();
    }

    // ---- array primitives ----

    static Stream<Arguments> primitiveCases() {
        return ArrayPrimitivesTest.CASES.stream()
                .flatMap(c -> LongStream.range(0, 5).mapToObj(seed -> Arguments.of(c, seed)));
    }

    /** Closed-form partial tangents of every array primitive against the nested path over its scalar expansion. */
    @ParameterizedTest(name = "{0}, seed {1}")
    @MethodSource("primitiveCases")
    void arrayPrimitivesHaveTheSecondDerivativesOfTheirScalarExpansion(ArrayPrimitivesTest.Case c, long seed) {
        SplittableRandom r = new SplittableRandom(100 + seed);
        double[] z = RandomPrograms.point(r, ArrayPrimitivesTest.N);
        double[] v = RandomPrograms.point(r, ArrayPrimitivesTest.N);
        assertClose(AD.hvp(c.primitive(), z, v), nestedHvp(c.expansion(), z, v), EXACT, "H v of " + c);
        assertClose(AD.hvp(c.primitive(), z, v), gradientDifference(c.expansion(), z, v), NUMERIC,
                "H v against differences of the gradient, " + c);
    }

    // ---- nesting ----

    @Test
    void aNestedDerivativeInsideLiftsTheSecondOrderNumbers() {
        // f(x) = x² · d/dy (x·y) = x³: the inner forward context is nested in the second-order tape
        RealFunction f = x -> x[0].square().multiply(AD.jvp(y -> x[0].multiply(y[0]), Reals.of(1), Reals.of(1)));
        Pass p = pass(f, new double[] {2}, new double[] {1});
        assertThat(p.gradient()).containsExactly(12);
        assertThat(p.hv()).containsExactly(12);
        // Siskind–Pearlmutter: f(x) = x · d/dy (x + y) = x, so H = 0 (a confused implementation gives 2)
        RealFunction confusion = x -> x[0].multiply(AD.jvp(y -> x[0].add(y[0]), Reals.of(1), Reals.of(1)));
        assertThat(AD.hessian(confusion, new double[] {1})[0]).containsExactly(0);
        assertThat(AD.grad(confusion, new double[] {1})).containsExactly(1);
    }

    @Test
    void theHvpOfAFunctionContainingAGradientIsAThirdDerivative() {
        // g = ‖∇f‖² with f = x³y + exp(xy): the nestable reverse tape runs inside the second-order tape
        RealFunction f = s -> s[0].pow(3).multiply(s[1]).add(s[0].multiply(s[1]).exp());
        RealFunction g = s -> Reals.squaredNorm(AD.grad(f, s));
        double[] x = {0.4, -0.9};
        double[] v = {0.7, 1.3};
        double[] hv = AD.hvp(g, x, v);
        assertClose(hv, nestedHvp(g, x, v), EXACT, "third order against the nested path");
        assertClose(hv, gradientDifference(g, x, v), NUMERIC, "third order against differences");
    }

    @Test
    void numbersOfEnclosingContextsAreConstantsInside() {
        // inside d/dx, an H v of a function capturing x treats x as the constant 3: H = 2·3 for y ↦ x y²
        RealFunction outer = x -> x[0].multiply(AD.hvp(y -> x[0].multiply(y[0].square()), new double[] {2},
                new double[] {1})[0]);
        assertThat(AD.grad(outer, new double[] {3})).containsExactly(6);
        // and an H v inside an H v: the inner one takes the next tape of the thread's stack
        Pass p = pass(outer, new double[] {3}, new double[] {1});
        assertThat(p.gradient()).containsExactly(6);
        assertThat(p.hv()).containsExactly(0);
        // a captured second-order number mixed with a nested context's number of larger tag
        RealFunction mixed = x -> AD.jvp(y -> y[0].multiply(x[0]).sin(), new Real[] {x[0].square()}, Reals.of(1));
        double a = 0.7;
        // d/dy sin(y x) at y = x² is x cos(x³)
        double[] expected = gradientDifference(mixed, new double[] {a}, new double[] {1});
        assertClose(AD.hvp(mixed, new double[] {a}, new double[] {1}), expected, NUMERIC, "x cos(x³)''");
        assertClose(AD.grad(mixed, new double[] {a})[0], Math.cos(a * a * a) - 3 * a * a * a * Math.sin(a * a * a),
                EXACT, "x cos(x³)'");
    }

    // ---- the document examples and the reusable product ----

    @Test
    void quadraticFormHasHessianQ() {
        double[][] q = {{4, 1, 0.5}, {1, 3, -1}, {0.5, -1, 2}};
        double[] b = {1, -2, 0.5};
        RealFunction f = s -> Reals.dot(s, Reals.matVec(q, s)).multiply(0.5).add(Reals.dot(b, s));
        HessianVectorProduct hvp = AD.hessianVectorProductOf(f, 3);
        double[] g = new double[3];
        double[] hv = new double[3];
        double[] x = {0.3, -0.7, 1.1};
        for (double[] v : new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {0.5, -2, 1.5}}) {
            double value = hvp.valueGradientAndHvp(x, v, g, hv);
            assertClose(value, 0.5 * Vectors.dot(x, Matrices.multiply(q, x)) + Vectors.dot(b, x), 1e-14, "½xᵀQx + bᵀx");
            assertClose(g, Vectors.add(Matrices.multiply(q, x), b), 1e-14, "∇f = Qx + b");
            assertClose(hv, Matrices.multiply(q, v), 1e-14, "H v = Q v");
        }
        double[][] h = AD.hessian(f, x);
        for (int i = 0; i < 3; i++) {
            assertClose(h[i], q[i], 1e-14, "H = Q, row " + i);
        }
    }

    @Test
    void theReusableProductChecksDimensions() {
        HessianVectorProduct hvp = AD.hessianVectorProductOf(Reals::squaredNorm, 2);
        double[] two = new double[2];
        assertThatThrownBy(() -> hvp.valueGradientAndHvp(new double[3], two, two, two))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("x has dimension 3, expected 2");
        assertThatThrownBy(() -> hvp.valueGradientAndHvp(two, new double[1], two, two))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("v has dimension 1, expected 2");
        assertThatThrownBy(() -> AD.hvp(Reals::squaredNorm, two, new double[3]))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("v has dimension 3, expected 2");
    }

    @Test
    void memoryIs20BytesPerNodeAnd20PerEdgeAndTheTapeIsReused() {
        int n = 10_000;
        AD.TapeHessianVectorProduct hvp = (AD.TapeHessianVectorProduct) AD.hessianVectorProductOf(
                TapeMemoryTest.ROSENBROCK, n);
        double[] x = TapeMemoryTest.point(n);
        double[] v = TapeMemoryTest.point(n);
        double[] g = new double[n];
        double[] hv = new double[n];
        hvp.valueGradientAndHvp(x, v, g, hv);
        SecondOrderTape tape = hvp.tape();
        // 9 operations per term with 12 edges (see TapeMemoryTest), plus the inputs' nodes
        assertThat(tape.nodes).isEqualTo(n + 9 * (n - 1) + 1);
        assertThat(tape.edges).isEqualTo(12 * (n - 1));
        assertThat(tape.bytesUsed()).isEqualTo(20L * tape.nodes + 20L * tape.edges);
        double[] partials = tape.partials;
        double[] adjoints = tape.adjoints;
        hvp.valueGradientAndHvp(x, v, g, hv);
        assertThat(tape.partials).isSameAs(partials);
        assertThat(tape.adjoints).isSameAs(adjoints);
        assertClose(hv, nestedHvp(TapeMemoryTest.ROSENBROCK, x, v), EXACT, "Rosenbrock H v");
    }
}
