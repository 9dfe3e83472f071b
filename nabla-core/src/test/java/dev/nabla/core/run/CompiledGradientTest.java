package dev.nabla.core.run;

import dev.nabla.core.ad.AD;
import dev.nabla.core.ir.Program;
import dev.nabla.core.ir.Trace;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compiled gradient (traced once, reverse-mode program by linearise + transpose, compiled to JVM code)
 * equals the eager tape's gradient ({@link AD#grad}) of the same function, written once, on random programs:
 * straight-line, loops with nonlinear carries, loops over x_i and x_{i+1}, nested loops, reductions; with and
 * without kinks. Tolerance 1e-12 relative to the gradient's largest entry: both paths apply the same rules of the
 * table, but sum the adjoint contributions of a value in different orders, which moves the last bits.
 */
class CompiledGradientTest {
    private static final double REL = 1e-12;

    static Stream<Arguments> smooth() {
        return cases(false, 0x5EED);
    }

    static Stream<Arguments> kinked() {
        return cases(true, 0xC0FFEE);
    }

    private static Stream<Arguments> cases(boolean kinks, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        return IntStream.range(0, 72).mapToObj(j -> {
            int kind = j % 6;
            int n = 2 + r.nextInt(5);
            return Arguments.of(TracedPrograms.of(kind, r.nextLong(), n, kinks), r.nextLong());
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("smooth")
    void compiledGradientEqualsTheTapes(TracedPrograms.Case c, long pointSeed) {
        Compiled.Gradient grad = Compiled.grad(c.f(), c.n());
        SplittableRandom r = new SplittableRandom(pointSeed);
        for (int k = 0; k < 3; k++) {
            double[] x = TracedPrograms.point(r, c.n());
            assertSameGradient(c, grad, x);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinked")
    void atKinksTheCompiledGradientFollowsTheTablesConventionsAsTheTapeDoes(TracedPrograms.Case c, long pointSeed) {
        Compiled.Gradient grad = Compiled.grad(c.f(), c.n());
        SplittableRandom r = new SplittableRandom(pointSeed);
        for (int k = 0; k < 3; k++) {
            double[] x = new double[c.n()];
            for (int i = 0; i < x.length; i++) { // a grid: zeros and ties are common
                x[i] = (r.nextInt(5) - 2) * 0.5;
            }
            assertSameGradient(c, grad, x);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("smooth")
    void theInterpreterAndTheCompiledCodeAgreeBitForBit(TracedPrograms.Case c, long pointSeed) {
        Program p = Compiled.grad(c.f(), c.n()).gradientProgram();
        Kernel compiled = Compiler.compile(p);
        assertThat(compiled).as("compiled").isNotNull();
        double[] x = TracedPrograms.point(new SplittableRandom(pointSeed), c.n());
        double[] g1 = new double[c.n()];
        double[] g2 = new double[c.n()];
        double[] v1 = TracedPrograms.run(compiled, p, x, null, null, g1);
        double[] v2 = TracedPrograms.run(new Interpreter(p), p, x, null, null, g2);
        assertThat(v1).isEqualTo(v2);
        assertThat(g1).isEqualTo(g2);
        Program primal = Trace.of(c.f(), c.n());
        assertThat(TracedPrograms.run(Compiler.kernel(primal), primal, x, null, null, null))
                .isEqualTo(TracedPrograms.run(new Interpreter(primal), primal, x, null, null, null));
    }

    private static void assertSameGradient(TracedPrograms.Case c, Compiled.Gradient grad, double[] x) {
        double[] expected = AD.grad(c.eager(), x);
        double value = AD.value(c.eager(), x);
        double[] g = new double[c.n()];
        double v = grad.valueAndGradient(x, g);
        double tol = REL * TracedPrograms.maxAbs(expected);
        assertThat(v).as("value of %s at %s", c, java.util.Arrays.toString(x))
                .isCloseTo(value, org.assertj.core.data.Offset.offset(REL * Math.abs(value)));
        for (int i = 0; i < g.length; i++) {
            assertThat(g[i]).as("∂%d of %s at %s", i, c, java.util.Arrays.toString(x))
                    .isCloseTo(expected[i], org.assertj.core.data.Offset.offset(tol));
        }
    }
}
