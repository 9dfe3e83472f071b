package dev.nabla.core.ad;

import dev.nabla.core.ad.RandomPrograms.Program;
import dev.nabla.core.field.Gradient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static dev.nabla.core.ad.RandomFunctionPropertyTest.EXACT;
import static dev.nabla.core.ad.RandomFunctionPropertyTest.NUMERIC;
import static dev.nabla.core.ad.RandomFunctionPropertyTest.assertClose;
import static dev.nabla.core.ad.RandomFunctionPropertyTest.centralDifference;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link Reals#windowSum}: in every mode it equals the same sum written operation by operation (the
 * expansion), which in turn agrees with finite differences. The fast paths (preaccumulated reverse node,
 * forward sums in doubles, flat reads of the pass's inputs) must be indistinguishable from the expansion,
 * including when the function overwrites its argument array, captures other numbers of the pass, or meets a kink.
 */
class WindowSumTest {

    /** A random window sum: a smooth term of `width` variables over x ∈ R^n with the given stride. */
    record Case(long seed, Program term, int n, int width, int stride) {
        RealFunction windowSum() {
            return x -> Reals.windowSum(x, width, stride, w -> term.f().apply(entries(w)));
        }

        /** The same sum written operation by operation. */
        RealFunction expansion() {
            return x -> {
                Real s = x[0].constant(0);
                for (int i = 0; i + width <= x.length; i += stride) {
                    s = s.add(term.f().apply(Arrays.copyOfRange(x, i, i + width)));
                }
                return s;
            };
        }

        Real[] entries(Reals.Window w) {
            Real[] e = new Real[width];
            for (int k = 0; k < width; k++) {
                e[k] = w.get(k);
            }
            return e;
        }

        @Override
        public String toString() {
            return "seed " + seed + ": n=" + n + ", width " + width + ", stride " + stride + ", term " + term;
        }
    }

    /** Seeds from here on have enough windows for the compiled kernel ({@link WindowKernel#MIN_WINDOWS}). */
    static final long FIRST_LONG = 150;

    static Case randomCase(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int width = 1 + r.nextInt(4);
        int stride = 1 + r.nextInt(width + 1); // stride > width leaves gaps: entries no window touches
        int n = seed < FIRST_LONG ? width + r.nextInt(12)
                : (WindowKernel.MIN_WINDOWS - 1 + r.nextInt(20)) * stride + width + r.nextInt(stride + 1);
        return new Case(seed, RandomPrograms.smooth(r, width, 3), n, width, stride);
    }

    /** Short sums (window by window) and long ones (compiled kernels), with every width, stride and tail. */
    static LongStream seeds() {
        return LongStream.range(0, FIRST_LONG + 60);
    }

    static double[] point(Case c) {
        return RandomPrograms.point(new SplittableRandom(c.seed() ^ 0x5eedL), c.n());
    }

    static double[] direction(Case c) {
        return RandomPrograms.point(new SplittableRandom(c.seed() ^ 0xd1L), c.n());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void reverseGradientEqualsTheExpansionAndFiniteDifferences(long seed) {
        Case c = randomCase(seed);
        double[] x = point(c);
        double[] g = AD.grad(c.windowSum(), x);
        double[] expected = AD.grad(c.expansion(), x);
        for (int i = 0; i < c.n(); i++) {
            assertClose(g[i], expected[i], EXACT, c + ", ∂/∂x" + i);
            double[] e = new double[c.n()];
            e[i] = 1;
            assertClose(g[i], centralDifference(c.windowSum(), x, e), NUMERIC, c + ", ∂/∂x" + i + " vs differences");
        }
        assertClose(AD.value(c.windowSum(), x), AD.value(c.expansion(), x), EXACT, c + ", value");
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void reusedGradientAgreesWithTheExpansionPassAfterPass(long seed) {
        Case c = randomCase(seed);
        ReverseGradient reverse = AD.gradientOf(c.windowSum(), c.n());
        double[] g = new double[c.n()];
        SplittableRandom r = new SplittableRandom(seed);
        for (int pass = 0; pass < 3; pass++) {
            double[] x = RandomPrograms.point(r, c.n());
            double v = reverse.valueAndGradient(x, g);
            double[] expected = AD.grad(c.expansion(), x);
            assertClose(v, AD.value(c.expansion(), x), EXACT, c + ", value, pass " + pass);
            for (int i = 0; i < c.n(); i++) {
                assertClose(g[i], expected[i], EXACT, c + ", ∂/∂x" + i + ", pass " + pass);
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void forwardDirectionalDerivativeEqualsGradientDotDirection(long seed) {
        Case c = randomCase(seed);
        double[] x = point(c);
        double[] v = direction(c);
        double expected = 0;
        double[] g = AD.grad(c.expansion(), x);
        for (int i = 0; i < c.n(); i++) {
            expected += g[i] * v[i];
        }
        assertClose(AD.jvp(c.windowSum(), x, v), expected, EXACT, c + ", D_v f");
        double[][] directions = {v, new double[c.n()]};
        directions[1][0] = 1;
        double[] both = AD.jvp(c.windowSum(), x, directions);
        assertClose(both[0], expected, EXACT, c + ", D_v f with two tangents");
        assertClose(both[1], g[0], EXACT, c + ", ∂/∂x0 with two tangents");
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void secondOrderThroughTheNestedPathsEqualsTheExpansion(long seed) {
        Case c = randomCase(seed);
        double[] x = point(c);
        double[] v = direction(c);
        double[] hv = AD.hvp(c.windowSum(), x, v);
        double[] expected = AD.hvp(c.expansion(), x, v);
        for (int i = 0; i < c.n(); i++) {
            assertClose(hv[i], expected[i], EXACT, c + ", (Hv)_" + i);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void windowsOfComputedNumbersAndConstantsAreDifferentiatedToo(long seed) {
        Case c = randomCase(seed);
        // the vector summed is y = (sin x_0, 2, x_2 x_1, 2, …): tape nodes mixed with plain constants
        RealFunction over = x -> Reals.windowSum(derived(x), c.width(), c.stride(), w -> c.term().f().apply(c.entries(w)));
        RealFunction expansion = x -> c.expansion().apply(derived(x));
        double[] x = point(c);
        double[] g = AD.grad(over, x);
        double[] expected = AD.grad(expansion, x);
        for (int i = 0; i < c.n(); i++) {
            assertClose(g[i], expected[i], EXACT, c + ", ∂/∂x" + i);
        }
        double[] v = direction(c);
        assertClose(AD.jvp(over, x, v), AD.jvp(expansion, x, v), EXACT, c + ", D_v f");
    }

    private static Real[] derived(Real[] x) {
        Real[] y = new Real[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = i % 2 == 1 ? Reals.of(2)[0] : i == 0 ? x[0].sin() : x[i].multiply(x[i - 1]);
        }
        return y;
    }

    @Test
    void rosenbrockAsAWindowSumHasTheHandDerivedGradient() {
        RealFunction rosenbrock = x -> Reals.windowSum(x, 2, 1, w -> {
            Real t = w.get(1).subtract(w.get(0).square());
            Real u = w.get(0).subtract(1);
            return t.square().multiply(100).add(u.square());
        });
        double[] x = {-1.2, 1, -1.2, 1, 0.5};
        double[] g = AD.grad(rosenbrock, x);
        for (int i = 0; i < x.length; i++) {
            double expected = 0;
            if (i + 1 < x.length) { // ∂/∂x_i of the window starting at i
                expected += -400 * x[i] * (x[i + 1] - x[i] * x[i]) - 2 * (1 - x[i]);
            }
            if (i > 0) { // ∂/∂x_i of the window starting at i − 1
                expected += 200 * (x[i] - x[i - 1] * x[i - 1]);
            }
            assertThat(g[i]).as("∂f/∂x%d", i).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-12));
        }
    }

    @Test
    void theWindowStartIsAvailableToTheTerm() {
        // Σ_i (i + 1) x_i², gradient 2 (i + 1) x_i
        RealFunction weighted = x -> Reals.windowSum(x, 1, 1, w -> w.get(0).square().multiply(w.start() + 1));
        double[] x = {0.5, -1, 2};
        assertThat(AD.grad(weighted, x)).containsExactly(1, -4, 12);
        assertThat(AD.jvp(weighted, x, new double[] {1, 1, 1})).isEqualTo(9);
    }

    @Test
    void aTermUsingOtherNumbersOfThePassFallsBackToTheExpansion() {
        // a = x_0 enters every term from outside its window: the preaccumulation would lose ∂/∂a
        RealFunction captured = x -> {
            Real a = x[0];
            return Reals.windowSum(x, 2, 1, w -> w.get(1).multiply(a).add(a.multiply(w.get(0).sin())));
        };
        RealFunction expansion = x -> {
            Real s = x[0].constant(0);
            for (int i = 0; i + 2 <= x.length; i++) {
                s = s.add(x[i + 1].multiply(x[0]).add(x[0].multiply(x[i].sin())));
            }
            return s;
        };
        double[] x = {0.3, -0.7, 1.1, 0.4};
        double[] v = {1, -1, 0.5, 2};
        assertThat(AD.grad(captured, x)).containsExactly(AD.grad(expansion, x));
        assertThat(AD.jvp(captured, x, v)).isEqualTo(AD.jvp(expansion, x, v));
        double[] g = new double[4];
        ReverseGradient reverse = AD.gradientOf(captured, 4);
        reverse.valueAndGradient(x, g);
        assertThat(g).containsExactly(AD.grad(expansion, x));
    }

    @Test
    void aFunctionThatOverwritesItsArgumentIsDifferentiatedRightAndGetsItsInputsNextTime() {
        RealFunction overwriting = x -> {
            x[1] = x[1].multiply(3); // legal Java: the function's own array
            return everyFlatPrimitive(x);
        };
        RealFunction clean = x -> {
            Real[] y = x.clone();
            y[1] = y[1].multiply(3);
            return everyFlatPrimitive(y);
        };
        double[] x = {0.2, -0.4, 0.9};
        double[] v = {0.3, 1, -2};
        ReverseGradient reverse = AD.gradientOf(overwriting, 3);
        for (int pass = 0; pass < 3; pass++) {
            double[] g = new double[3];
            assertThat(reverse.valueAndGradient(x, g)).isEqualTo(AD.value(clean, x));
            assertThat(g).containsExactly(AD.grad(clean, x));
            assertThat(AD.grad(overwriting, x)).containsExactly(AD.grad(clean, x));
            assertThat(AD.jvp(overwriting, x, v)).isEqualTo(AD.jvp(clean, x, v));
        }
    }

    @Test
    void anOverwrittenEntryFarIntoALongArgumentIsNoticed() {
        // the flat paths check entries block by block as they go: the change sits in a later block
        int n = 10_000;
        int changed = 9_000;
        Reals.WindowTerm term = w -> w.get(1).subtract(w.get(0).square()).square();
        RealFunction overwriting = x -> {
            x[changed] = x[changed].sin();
            return Reals.windowSum(x, 2, 1, term);
        };
        RealFunction clean = x -> {
            Real[] y = x.clone();
            y[changed] = y[changed].sin();
            return Reals.windowSum(y, 2, 1, term);
        };
        double[] x = RandomPrograms.point(new SplittableRandom(5), n);
        double[] v = RandomPrograms.point(new SplittableRandom(6), n);
        assertThat(AD.grad(overwriting, x)).containsExactly(AD.grad(clean, x));
        assertThat(AD.jvp(overwriting, x, v)).isEqualTo(AD.jvp(clean, x, v));
    }

    /** Every primitive that reads the pass's inputs flat when given the argument array itself. */
    private static Real everyFlatPrimitive(Real[] x) {
        return Reals.logSumExp(x).add(Reals.windowSum(x, 2, 1, w -> w.get(0).multiply(w.get(1))))
                .add(Reals.sum(x)).add(Reals.dot(new double[] {1, -2, 0.5}, x)).add(Reals.squaredNorm(x));
    }

    @Test
    void kinksInTheTermsAreReportedOncePerTermThatMeetsOne() {
        RealFunction absSum = x -> Reals.windowSum(x, 2, 1, w -> w.get(0).subtract(w.get(1)).abs());
        Gradient g = AD.valueAndGrad(absSum, new double[] {1, 1, 2, 2});
        assertThat(g.kinks()).hasSize(2); // |x0 − x1| and |x2 − x3| are at their kinks, |x1 − x2| is not
        assertThat(g.gradient()).containsExactly(0, -1, 1, 0); // the table's convention abs'(0) = sign(0) = 0
    }

    @Test
    void badArgumentsAreRefusedClearly() {
        Real[] x = Reals.of(1, 2, 3);
        assertThatThrownBy(() -> Reals.windowSum(x, 0, 1, w -> w.get(0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("width");
        assertThatThrownBy(() -> Reals.windowSum(x, 2, 0, w -> w.get(0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stride");
        assertThatThrownBy(() -> AD.grad(y -> Reals.windowSum(y, 2, 1, w -> w.get(2)), new double[] {1, 2, 3}))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(AD.grad(y -> Reals.windowSum(y, 5, 1, w -> w.get(0)), new double[] {1, 2})).containsExactly(0, 0);
    }
}
