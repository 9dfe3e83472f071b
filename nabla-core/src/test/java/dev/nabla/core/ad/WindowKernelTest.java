package dev.nabla.core.ad;

import dev.nabla.core.field.Gradient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static dev.nabla.core.ad.RandomFunctionPropertyTest.EXACT;
import static dev.nabla.core.ad.RandomFunctionPropertyTest.assertClose;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compiled window kernels behind long {@link Reals#windowSum}s: every operation compiles to the rule
 * {@link DoubleNum} applies, kinks are reported as the operation-by-operation expansion reports them, terms that
 * cannot be recorded are still differentiated (window by window), kernels are shared by equal programs, and a
 * gradient the kernel writes straight into the caller's array is right whatever f does with the sum. Values
 * match the expansion exactly (the same operations in the same order); derivatives to {@code EXACT} (1e-9
 * relative: the kernel sums each window's partials before adding them up, the tape after).
 */
class WindowKernelTest {
    private static final int N = 3 * WindowKernel.MIN_WINDOWS + 5;

    /** The same sum, one operation at a time on the pass's numbers. */
    private static RealFunction expansion(int width, int stride, Reals.WindowTerm term) {
        return x -> {
            Windows.Entries w = new Windows.Entries(x, width);
            Real s = x[0].constant(0);
            for (int i = 0; i + width <= x.length; i += stride) {
                w.start = i;
                s = s.add(term.apply(w));
            }
            return s;
        };
    }

    private static RealFunction windowSum(int width, int stride, Reals.WindowTerm term) {
        return x -> Reals.windowSum(x, width, stride, term);
    }

    /** Every operation of {@link Real} on a window of three entries in (0.1, 0.9), summed. */
    private static final Reals.WindowTerm EVERY_OPERATION = w -> {
        Real a = w.get(0);
        Real b = w.get(1);
        Real c = w.get(2);
        Real[] parts = {
            a.add(b), a.subtract(b), a.multiply(b), a.divide(b.add(3)), a.add(2).pow(b), a.pow(c.constant(2)),
            a.atan2(b.subtract(0.5)), a.hypot(c), a.max(b), a.min(c), c.constant(0.25).max(a),
            a.add(1.5), a.subtract(0.5), a.multiply(-2), a.divide(4), a.pow(3), b.pow(2.5), a.pow(0),
            a.negate(), b.reciprocal(), c.square(), a.sqrt(), b.cbrt(), c.exp(), a.log(), a.sin(), b.cos(), c.tan(),
            a.asin(), b.acos(), c.atan(), a.sinh(), b.cosh(), c.tanh(), a.asinh(), b.add(1.5).acosh(), c.atanh(),
            a.subtract(b).abs(), b.subtract(c).sign(), new Plain(0.5).subtract(c), new Plain(2).divide(a),
        };
        Real s = parts[0];
        for (int i = 1; i < parts.length; i++) {
            s = s.add(parts[i]);
        }
        return s;
    };

    private static double[] pointIn(long seed, int n, double lo, double hi) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextDouble(lo, hi);
        }
        return x;
    }

    static LongStream seeds() {
        return LongStream.range(0, 20);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyOperationCompilesToTheRuleTheTapeAndDualNumbersApply(long seed) {
        assertThat(WindowKernel.of(EVERY_OPERATION, 3, 1)).as("compiled").isNotNull();
        int stride = 1 + (int) (seed % 3);
        RealFunction f = windowSum(3, stride, EVERY_OPERATION);
        RealFunction expansion = expansion(3, stride, EVERY_OPERATION);
        double[] x = pointIn(seed, N, 0.1, 0.9);
        double[] v = pointIn(seed + 100, N, -1, 1);
        Gradient compiled = AD.valueAndGrad(f, x);
        Gradient expanded = AD.valueAndGrad(expansion, x);
        assertThat(compiled.value()).isEqualTo(expanded.value());
        double[] g = compiled.gradient();
        double[] expected = expanded.gradient();
        for (int i = 0; i < N; i++) {
            assertClose(g[i], expected[i], EXACT, "∂/∂x" + i);
        }
        assertClose(AD.jvp(f, x, v), AD.jvp(expansion, x, v), EXACT, "D_v f");
    }

    /**
     * The long random sums of {@link WindowSumTest} run on kernels, except for terms with a log-sum-exp or
     * softmax: their shift by the largest entry reads values, so they are differentiated window by window.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void theLongRandomSumsRunOnKernelsUnlessATermReadsAValue(long seed) {
        WindowSumTest.Case c = WindowSumTest.randomCase(WindowSumTest.FIRST_LONG + seed);
        assertThat(Windows.count(c.n(), c.width(), c.stride())).isGreaterThanOrEqualTo(WindowKernel.MIN_WINDOWS);
        boolean readsValues = c.term().text().contains("lse(") || c.term().text().contains("softmax(");
        assertThat(WindowKernel.of(w -> c.term().f().apply(c.entries(w)), c.width(), c.stride()) != null)
                .as("%s compiled", c).isEqualTo(!readsValues);
    }

    @Test
    void kinksAreReportedAsTheExpansionReportsThemAndFollowTheSameConvention() {
        Reals.WindowTerm kinked = w -> w.get(0).subtract(w.get(1)).abs().add(w.get(0).max(w.get(1)))
                .add(w.get(1).min(w.get(0))).add(w.get(0).hypot(w.get(1))).add(w.get(1).sign());
        double[] x = pointIn(3, N, -1, 1);
        for (int i = 0; i < N; i += 7) {
            x[i] = 0; // windows (i−1, i) and (i, i+1) hit sign at 0, and ties where their neighbour is 0 too
        }
        x[50] = 0.25;
        x[51] = 0.25; // abs at 0, max and min at a tie
        x[100] = 0;
        x[101] = 0; // hypot at (0, 0)
        Gradient compiled = AD.valueAndGrad(windowSum(2, 1, kinked), x);
        Gradient expanded = AD.valueAndGrad(expansion(2, 1, kinked), x);
        assertThat(compiled.kinks()).isNotEmpty().isEqualTo(expanded.kinks());
        assertThat(compiled.value()).isEqualTo(expanded.value());
        for (int i = 0; i < N; i++) {
            assertClose(compiled.gradient()[i], expanded.gradient()[i], EXACT, "∂/∂x" + i);
        }
    }

    @Test
    void termsThatCannotBeRecordedAreDifferentiatedWindowByWindow() {
        // a branch on a value, the window's start, and a number of the pass captured from outside the window
        Reals.WindowTerm branching = w -> w.get(0).value() > 0 ? w.get(0).square() : w.get(1).sin();
        Reals.WindowTerm placed = w -> w.get(0).multiply(w.start() % 5);
        assertThat(WindowKernel.of(branching, 2, 1)).isNull();
        assertThat(WindowKernel.of(placed, 2, 1)).isNull();
        double[] x = pointIn(4, N, -1, 1);
        double[] v = pointIn(5, N, -1, 1);
        for (Reals.WindowTerm term : new Reals.WindowTerm[] {branching, placed}) {
            assertThat(AD.grad(windowSum(2, 1, term), x)).containsExactly(AD.grad(expansion(2, 1, term), x));
            assertThat(AD.jvp(windowSum(2, 1, term), x, v)).isEqualTo(AD.jvp(expansion(2, 1, term), x, v));
        }
        RealFunction captured = y -> {
            Real a = y[3];
            return Reals.windowSum(y, 2, 1, w -> w.get(0).multiply(a).add(w.get(1)));
        };
        RealFunction capturedExpansion = y -> {
            Real a = y[3];
            return expansion(2, 1, w -> w.get(0).multiply(a).add(w.get(1))).apply(y);
        };
        double[] g = AD.grad(captured, x);
        double[] expected = AD.grad(capturedExpansion, x);
        for (int i = 0; i < N; i++) {
            assertClose(g[i], expected[i], EXACT, "∂/∂x" + i);
        }
        assertClose(AD.jvp(captured, x, v), AD.jvp(capturedExpansion, x, v), EXACT, "D_v f");
    }

    @Test
    void programsWithTheSameOperationsShareOneKernelWhateverTheirConstants() {
        Reals.WindowTerm term = w -> w.get(1).subtract(w.get(0).square()).square();
        Reals.WindowTerm same = w -> w.get(1).subtract(w.get(0).square()).square();
        Reals.WindowTerm oneMoreOperation = w -> w.get(1).subtract(w.get(0).square()).square().multiply(2);
        WindowKernel k = WindowKernel.of(term, 2, 1).kernel();
        assertThat(WindowKernel.of(same, 2, 1).kernel()).isSameAs(k);
        assertThat(WindowKernel.of(oneMoreOperation, 2, 1).kernel()).isNotSameAs(k);
        assertThat(WindowKernel.of(term, 2, 2).kernel()).isNotSameAs(k);
        double c = 1.5;
        WindowKernel.Bound scaled = WindowKernel.of(w -> w.get(0).multiply(c).add(0.5), 1, 1);
        WindowKernel.Bound otherwise = WindowKernel.of(w -> w.get(0).multiply(-c).add(2), 1, 1);
        assertThat(otherwise.kernel()).isSameAs(scaled.kernel());
        assertThat(scaled.constants()).containsExactly(1.5, 0.5);
        assertThat(otherwise.constants()).containsExactly(-1.5, 2);
    }

    /** A penalty weight μ captured by the term and changed between calls: one kernel, μ read at each call. */
    @Test
    void aParameterThatChangesFromCallToCallIsReadAtEachCall() {
        double[] mu = {1};
        Reals.WindowTerm term = w -> w.get(1).subtract(w.get(0).square()).square().multiply(mu[0])
                .add(w.get(0).subtract(1).divide(mu[0]).square());
        WindowSum f = WindowSum.of(2, 1, term);
        ReverseGradient reverse = AD.gradientOf(windowSum(2, 1, term), N);
        double[] x = pointIn(12, N, -1, 1);
        double[] v = pointIn(13, N, -1, 1);
        double[] g = new double[N];
        WindowKernel kernel = WindowKernel.of(term, 2, 1).kernel();
        for (double m : new double[] {1, 10, 0.25, 100}) {
            mu[0] = m;
            Gradient expected = AD.valueAndGrad(expansion(2, 1, term), x);
            assertThat(reverse.valueAndGradient(x, g)).as("μ = %s", m).isEqualTo(expected.value());
            double[] direct = AD.grad(f, x);
            for (int i = 0; i < N; i++) {
                assertClose(g[i], expected.gradient()[i], EXACT, "μ = " + m + ", ∂/∂x" + i);
                assertClose(direct[i], expected.gradient()[i], EXACT, "μ = " + m + ", WindowSum, ∂/∂x" + i);
            }
            assertClose(AD.jvp(f, x, v), AD.jvp(expansion(2, 1, term), x, v), EXACT, "μ = " + m + ", D_v f");
            assertThat(AD.value(f, x)).isEqualTo(expected.value());
            assertThat(WindowKernel.of(term, 2, 1).kernel()).isSameAs(kernel);
        }
    }

    @Test
    void aGradientWrittenIntoTheCallersArrayIsRightWhateverFFollowsTheSumWith() {
        Reals.WindowTerm term = w -> w.get(1).subtract(w.get(0).square()).square().add(w.get(0).cos());
        Reals.WindowTerm other = w -> w.get(0).multiply(w.get(1)).sin();
        RealFunction[] fs = {
            windowSum(2, 1, term),
            x -> Reals.windowSum(x, 2, 1, term).multiply(2).add(x[0]),
            x -> Reals.windowSum(x, 2, 1, term).add(Reals.windowSum(x, 2, 1, other)),
            x -> x[1].multiply(x[2]).add(Reals.windowSum(x, 2, 1, term)).sin(),
            x -> Reals.windowSum(x, 2, 1, term).add(Reals.logSumExp(x)),
        };
        RealFunction[] expansions = {
            expansion(2, 1, term),
            x -> expansion(2, 1, term).apply(x).multiply(2).add(x[0]),
            x -> expansion(2, 1, term).apply(x).add(expansion(2, 1, other).apply(x)),
            x -> x[1].multiply(x[2]).add(expansion(2, 1, term).apply(x)).sin(),
            x -> expansion(2, 1, term).apply(x).add(Reals.logSumExp(x)),
        };
        for (int k = 0; k < fs.length; k++) {
            ReverseGradient reverse = AD.gradientOf(fs[k], N);
            double[] g = new double[N];
            for (int pass = 0; pass < 3; pass++) {
                double[] x = pointIn(10 * k + pass, N, -1, 1);
                double[] expected = AD.grad(expansions[k], x);
                assertThat(reverse.valueAndGradient(x, g)).isEqualTo(AD.value(expansions[k], x));
                for (int i = 0; i < N; i++) {
                    assertClose(g[i], expected[i], EXACT, "f" + k + ", pass " + pass + ", ∂/∂x" + i);
                }
                // the gradient may be asked for in x itself: the kernel must not write where it reads
                double[] y = x.clone();
                reverse.valueAndGradient(y, y);
                for (int i = 0; i < N; i++) {
                    assertClose(y[i], expected[i], EXACT, "f" + k + " in place, ∂/∂x" + i);
                }
            }
        }
    }

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> overwrittenEntries() {
        return java.util.stream.Stream.of(0, 1, 2, N / 2, N - 2, N - 1).flatMap(j -> java.util.stream.Stream.of(1, 2, 3)
                .map(stride -> org.junit.jupiter.params.provider.Arguments.of(j, stride)));
    }

    /**
     * The kernels check the argument's entries as they read them (the first window's before they start): an
     * overwritten entry anywhere sends the sum window by window, with no kink reported twice.
     */
    @ParameterizedTest(name = "entry {0}, stride {1}")
    @MethodSource("overwrittenEntries")
    void anEntryTheFunctionOverwroteIsNoticedWhereverItIs(int changed, int stride) {
        Reals.WindowTerm term = w -> w.get(0).subtract(w.get(1)).abs().add(w.get(1).multiply(w.get(0).sin()));
        RealFunction overwriting = x -> {
            x[changed] = x[changed].multiply(x[changed]);
            return Reals.windowSum(x, 2, stride, term);
        };
        RealFunction clean = x -> {
            Real[] y = x.clone();
            y[changed] = y[changed].multiply(y[changed]);
            return Reals.windowSum(y, 2, stride, term);
        };
        double[] x = pointIn(changed, N, -1, 1);
        x[N / 3] = x[N / 3 + 1]; // a kink in a window the kernel passes before it can meet the change
        double[] v = pointIn(changed + 1, N, -1, 1);
        Gradient overwritten = AD.valueAndGrad(overwriting, x);
        Gradient expected = AD.valueAndGrad(clean, x);
        assertThat(overwritten.gradient()).containsExactly(expected.gradient());
        assertThat(overwritten.kinks()).isEqualTo(expected.kinks());
        assertThat(AD.jvp(overwriting, x, v)).isEqualTo(AD.jvp(clean, x, v));
        ReverseGradient reverse = AD.gradientOf(overwriting, N);
        double[] g = new double[N];
        for (int pass = 0; pass < 2; pass++) {
            assertThat(reverse.valueAndGradient(x, g)).isEqualTo(expected.value());
            assertThat(g).containsExactly(expected.gradient());
        }
    }

    /**
     * A zero tangent times an infinite partial counts as zero: √ at 0 along a direction that does not move its
     * argument. The kernels multiply tangents out plainly and redo the sum guarded when it comes out NaN.
     */
    @Test
    void kinksOfTheTableInTheKernelsAreTheNumbersKinks() {
        Reals.WindowTerm term = w -> w.get(0).sqrt().multiply(w.get(1)).add(w.get(0).subtract(w.get(1)).abs());
        double[] x = pointIn(8, N, 0.1, 1);
        double[] v = pointIn(9, N, -1, 1);
        x[40] = 0;
        v[40] = 0; // √x_40 is at its kink (the table's conventional partial 0, recorded) and has no tangent
        x[60] = x[61]; // |x_60 − x_61| at its kink, met by both attempts of the forward kernels
        RealFunction inline = windowSum(2, 1, term);
        double expected = AD.jvp(expansion(2, 1, term), x, v);
        assertThat(expected).isFinite();
        assertClose(AD.jvp(inline, x, v), expected, EXACT, "D_v f, window sum in f");
        assertClose(AD.jvp(WindowSum.of(2, 1, term), x, v), expected, EXACT, "D_v f, WindowSum");
        double[][] both = {v, v};
        assertClose(AD.jvp(inline, x, both)[1], expected, EXACT, "D_v f, two tangents");
        Gradient g = AD.valueAndGrad(WindowSum.of(2, 1, term), x);
        java.util.List<dev.nabla.core.field.Kink> kinks = AD.valueAndGrad(expansion(2, 1, term), x).kinks();
        assertThat(g.kinks()).isEqualTo(kinks).hasSize(2);
        // forward mode reports the kink once, although the kernel ran twice
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AD.field(inline, N).directionalDerivative(x, v))
                .isInstanceOfSatisfying(dev.nabla.core.field.NonDifferentiableException.class,
                        e -> assertThat(e.kinks()).isEqualTo(kinks));
    }

    static LongStream sizes() {
        return LongStream.of(1, 2, 5, WindowKernel.MIN_WINDOWS + 1, N);
    }

    /** The function object gives what the same window sum written inside a function gives, in every entry point. */
    @ParameterizedTest(name = "n = {0}")
    @MethodSource("sizes")
    void aWindowSumFunctionAgreesWithTheSameSumWrittenInAFunction(long size) {
        int n = (int) size;
        Reals.WindowTerm term = w -> w.get(1).subtract(w.get(0).square()).square().multiply(100)
                .add(w.get(0).subtract(1).square()).add(w.get(2).tanh().multiply(w.get(0)));
        for (int stride = 1; stride <= 4; stride++) {
            WindowSum object = WindowSum.of(3, stride, term);
            RealFunction inline = windowSum(3, stride, term);
            double[] x = pointIn(n + stride, n, -1.5, 1.5);
            double[] v = pointIn(n - stride, n, -1, 1);
            String what = "n = " + n + ", stride " + stride;
            assertThat(AD.value(object, x)).as(what).isEqualTo(AD.value(inline, x));
            Gradient expected = AD.valueAndGrad(inline, x);
            Gradient actual = AD.valueAndGrad(object, x);
            assertThat(actual.value()).as(what).isEqualTo(expected.value());
            double[] g = AD.grad(object, x);
            double[] reused = new double[n];
            AD.gradientOf(object, n).valueAndGradient(x, reused);
            for (int i = 0; i < n; i++) {
                assertClose(actual.gradient()[i], expected.gradient()[i], EXACT, what + ", ∂/∂x" + i);
                assertThat(g[i]).isEqualTo(actual.gradient()[i]);
                assertThat(reused[i]).isEqualTo(actual.gradient()[i]);
            }
            assertClose(AD.jvp(object, x, v), AD.jvp(inline, x, v), EXACT, what + ", D_v f");
            double[] e0 = new double[n];
            e0[0] = 1;
            double[] several = AD.jvp(object, x, new double[][] {v, e0});
            assertClose(several[0], AD.jvp(inline, x, v), EXACT, what + ", D_v f among several");
            assertClose(several[1], expected.gradient()[0], EXACT, what + ", ∂/∂x0 among several");
            assertClose(AD.hvp(object, x, v)[0], AD.hvp(inline, x, v)[0], EXACT, what + ", (Hv)_0");
        }
    }

    @Test
    void aWindowSumFunctionRefusesBadArgumentsClearly() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> WindowSum.of(0, 1, w -> w.get(0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("width");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> WindowSum.of(1, 0, w -> w.get(0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stride");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> WindowSum.of(1, 1, null))
                .isInstanceOf(NullPointerException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AD.jvp(WindowSum.of(1, 1, w -> w.get(0)),
                new double[N], new double[N - 1])).isInstanceOf(IllegalArgumentException.class);
    }
}
