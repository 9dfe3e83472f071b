package dev.nabla.core.run;

import dev.nabla.core.ad.AD;
import dev.nabla.core.ad.Real;
import dev.nabla.core.ir.Loops;
import dev.nabla.core.ir.Program;
import dev.nabla.core.ir.Trace;
import dev.nabla.core.ir.Vec;
import dev.nabla.core.transform.Jvp;
import dev.nabla.core.transform.Reverse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Forward mode (the JVP pass) and reverse mode (linearise + transpose) are transposes of each other:
 * w·(J v) = (Jᵀ w)·v for random vector functions, directions and cotangents; D_v f from the compiled JVP equals
 * the eager forward mode's ({@link AD#jvp}); and for a linear program (a constant matrix product and a linear
 * recurrence, in loops) the transposed program computes exactly the adjoint map Aᵀ w, checked against Aᵀ w
 * computed directly. Tolerances: 1e-12 relative to the magnitudes summed (|w|·|J||v|), as both sides apply the
 * same partials in different orders.
 */
class ForwardAndTransposeTest {

    static Stream<Arguments> cases() {
        SplittableRandom r = new SplittableRandom(0xF0F0);
        return IntStream.range(0, 48).mapToObj(j -> Arguments.of(j % 6, r.nextLong(), 2 + r.nextInt(5)));
    }

    /** u: R^n → R^3, each component a random program of the given kind. */
    private static Program vectorProgram(int kind, long seed, int n) {
        TracedPrograms.Case[] parts = new TracedPrograms.Case[3];
        for (int k = 0; k < 3; k++) {
            parts[k] = TracedPrograms.of((kind + k) % 6, seed + k, n, false);
        }
        return Trace.ofVector(x -> new Real[] {parts[0].f().apply(x), parts[1].f().apply(x), parts[2].f().apply(x)}, n);
    }

    @ParameterizedTest(name = "kind {0}, seed {1}, n = {2}")
    @MethodSource("cases")
    void jvpAndVjpAreTransposes(int kind, long seed, int n) {
        Program u = vectorProgram(kind, seed, n);
        Program jvp = Jvp.of(u);
        Program vjp = Reverse.of(u);
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = TracedPrograms.point(r, n);
        double[] v = TracedPrograms.point(r, n);
        double[] w = TracedPrograms.point(r, 3);
        double[] out = TracedPrograms.run(Compiler.kernel(jvp), jvp, x, v, null, null);
        double[] g = new double[n];
        double[] y = TracedPrograms.run(Compiler.kernel(vjp), vjp, x, null, w, g);
        double wJv = 0;
        double scale = 0;
        for (int k = 0; k < 3; k++) {
            assertThat(out[k]).as("value %d", k).isEqualTo(y[k]);
            wJv += w[k] * out[3 + k];
            scale += Math.abs(w[k] * out[3 + k]);
        }
        double jTwV = 0;
        for (int i = 0; i < n; i++) {
            jTwV += g[i] * v[i];
            scale += Math.abs(g[i] * v[i]);
        }
        assertThat(wJv).isCloseTo(jTwV, within(1e-12 * scale));
    }

    @ParameterizedTest(name = "kind {0}, seed {1}, n = {2}")
    @MethodSource("cases")
    void compiledDirectionalDerivativeEqualsEagerForwardMode(int kind, long seed, int n) {
        TracedPrograms.Case c = TracedPrograms.of(kind, seed, n, false);
        SplittableRandom r = new SplittableRandom(~seed);
        double[] x = TracedPrograms.point(r, n);
        double[] v = TracedPrograms.point(r, n);
        double[] fd = Compiled.jvp(c.f(), n).valueAndDirectional(x, v);
        double expected = AD.jvp(c.eager(), x, v);
        double[] g = AD.grad(c.eager(), x);
        double scale = 0;
        for (int i = 0; i < n; i++) {
            scale += Math.abs(g[i] * v[i]);
        }
        assertThat(fd[1]).as("%s", c).isCloseTo(expected, within(1e-12 * scale));
        assertThat(fd[0]).isCloseTo(AD.value(c.eager(), x), within(1e-12 * Math.abs(fd[0])));
    }

    static Stream<Arguments> linear() {
        SplittableRandom r = new SplittableRandom(0x11AEA);
        return IntStream.range(0, 12).mapToObj(j -> Arguments.of(r.nextLong(), 1 + r.nextInt(6), 1 + r.nextInt(6)));
    }

    /**
     * u(x) = (A x, s_n) with s_0 = 0, s_{i+1} = 0.5 s_i + c_i x_i: a linear program with a nested loop (matVec) and a
     * carry. Its transposed program maps w = (w_A, w_s) to Aᵀ w_A + w_s (c_i 0.5^(n−1−i))_i.
     */
    @ParameterizedTest(name = "seed {0}, {1} × {2}")
    @MethodSource("linear")
    void theTransposedProgramOfALinearProgramIsItsAdjoint(long seed, int m, int n) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] a = new double[m][n];
        for (double[] row : a) {
            for (int j = 0; j < n; j++) {
                row[j] = r.nextDouble(-2, 2);
            }
        }
        double[] c = TracedPrograms.point(r, n);
        Program u = Trace.ofVector(x -> {
            Vec ax = x.matVec(a);
            Vec cv = Vec.constant(c);
            Real[] y = new Real[m + 1];
            for (int i = 0; i < m; i++) {
                y[i] = ax.get(i);
            }
            y[m] = Loops.fori(0, n, 0.0, (i, s) -> s.multiply(0.5).add(cv.get(i).multiply(x.get(i))));
            return y;
        }, n);
        Program transposed = Reverse.of(u);
        double[] w = TracedPrograms.point(r, m + 1);
        double[] x = TracedPrograms.point(r, n);
        double[] g = new double[n];
        TracedPrograms.run(Compiler.kernel(transposed), transposed, x, null, w, g);
        for (int j = 0; j < n; j++) {
            double expected = w[m] * c[j] * Math.pow(0.5, n - 1 - j);
            double scale = Math.abs(expected);
            for (int i = 0; i < m; i++) {
                expected += a[i][j] * w[i];
                scale += Math.abs(a[i][j] * w[i]);
            }
            assertThat(g[j]).as("(Aᵀ w)_%d", j).isCloseTo(expected, within(1e-13 * scale + 1e-300));
        }
    }
}
