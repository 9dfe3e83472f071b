package dev.nabla.core.run;

import dev.nabla.core.ad.Real;
import dev.nabla.core.ir.Loops;
import dev.nabla.core.ir.Program;
import dev.nabla.core.ir.VecFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compiled code is cached by the program's shape: the same operations on arrays of the same lengths get the same
 * class whatever the constants (which are arguments), and a different shape never gets another's code.
 */
class ProgramCacheTest {

    private static VecFunction rosenbrock(double a, double b) {
        return x -> Loops.fori(0, x.size() - 1, 0.0, (i, s) -> {
            Real xi = x.get(i);
            return s.add(x.get(i.plus(1)).subtract(xi.square()).square().multiply(b)).add(xi.subtract(a).square());
        });
    }

    /** (Constants are shared by value, so a = 1 would coincide with the seed 1 of the gradient: another shape.) */
    @Test
    void programsThatDifferOnlyInConstantsShareOneCompiledClassAndStillComputeTheirOwnGradients() {
        Compiled.Gradient g100 = Compiled.grad(rosenbrock(1.5, 100), 50);
        Compiled.Gradient g7 = Compiled.grad(rosenbrock(2.5, 7), 50);
        assertThat(g100.gradientProgram().shape()).isEqualTo(g7.gradientProgram().shape());
        assertThat(g100.kernel()).isSameAs(g7.kernel());
        double[] x = new double[50];
        java.util.Arrays.fill(x, 0.5);
        assertThat(g100.gradient(x)[0]).isNotEqualTo(g7.gradient(x)[0]);
        // ∂/∂x_0 = −4b x_0 (x_1 − x_0²) + 2 (x_0 − a)
        assertThat(g100.gradient(x)[0]).isEqualTo(-4 * 100 * 0.5 * (0.5 - 0.25) + 2 * (0.5 - 1.5));
        assertThat(g7.gradient(x)[0]).isEqualTo(-4 * 7 * 0.5 * (0.5 - 0.25) + 2 * (0.5 - 2.5));
    }

    @Test
    void aDifferentLengthIsADifferentShape() {
        Compiled.Gradient a = Compiled.grad(rosenbrock(1, 100), 50);
        Compiled.Gradient b = Compiled.grad(rosenbrock(1, 100), 51);
        assertThat(a.kernel()).isNotSameAs(b.kernel());
    }

    static Stream<Arguments> pairs() {
        SplittableRandom r = new SplittableRandom(0xCAC4E);
        return IntStream.range(0, 30).mapToObj(j -> Arguments.of(
                TracedPrograms.of(r.nextInt(5), r.nextLong(3), 2 + r.nextInt(2), false),
                TracedPrograms.of(r.nextInt(5), r.nextLong(3), 2 + r.nextInt(2), false)));
    }

    /** Random pairs (few seeds and sizes, so that equal shapes occur): same shape ⇔ same code. */
    @ParameterizedTest(name = "{0} / {1}")
    @MethodSource("pairs")
    void sameShapeIfAndOnlyIfSameCode(TracedPrograms.Case c1, TracedPrograms.Case c2) {
        Program p1 = Compiled.grad(c1.f(), c1.n()).gradientProgram();
        Program p2 = Compiled.grad(c2.f(), c2.n()).gradientProgram();
        Kernel k1 = Compiler.compile(p1);
        Kernel k2 = Compiler.compile(p2);
        assertThat(k1 == k2).isEqualTo(p1.shape().equals(p2.shape()));
        assertThat(Compiler.compile(p1)).isSameAs(k1);
    }
}
