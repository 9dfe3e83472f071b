package dev.nabla.core.run;

import dev.nabla.core.ad.AD;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Second order on programs: the compiled Hessian-vector product (the forward-mode program of the reverse-mode
 * program, second partials from the table's second-order rules) equals the eager second-order tape's
 * ({@link AD#hvp}) on random smooth programs of every kind (straight-line, loops with nonlinear carries, stencils,
 * nested loops, reductions, materialised vectors; the last twelve with abs, sign, max and min, at random points,
 * off their kinks almost surely), and its gradient equals {@link AD#grad}. Tolerance 1e-10
 * relative to the largest entry: the same rules, the contributions summed in different orders through more
 * operations than a gradient (so a looser bound than the gradient's 1e-12).
 */
class HessianVectorTest {

    static Stream<Arguments> cases() {
        SplittableRandom r = new SplittableRandom(0x4E55);
        return IntStream.range(0, 48).mapToObj(j -> Arguments.of(
                TracedPrograms.of(j % 6, r.nextLong(), 2 + r.nextInt(5), j >= 36), r.nextLong()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void compiledHessianVectorProductEqualsTheSecondOrderTapes(TracedPrograms.Case c, long pointSeed) {
        Compiled.HessianVector hvp = Compiled.hvp(c.f(), c.n());
        SplittableRandom r = new SplittableRandom(pointSeed);
        for (int k = 0; k < 2; k++) {
            double[] x = TracedPrograms.point(r, c.n());
            double[] v = TracedPrograms.point(r, c.n());
            double[] g = new double[c.n()];
            double[] hv = new double[c.n()];
            double value = hvp.valueGradientAndHvp(x, v, g, hv);
            double[] expectedHv = AD.hvp(c.eager(), x, v);
            double[] expectedG = AD.grad(c.eager(), x);
            assertThat(value).as("value of %s", c).isCloseTo(AD.value(c.eager(), x),
                    within(1e-12 * Math.max(1, Math.abs(value))));
            double tg = 1e-12 * Math.max(1, TracedPrograms.maxAbs(expectedG));
            double th = 1e-10 * Math.max(1, TracedPrograms.maxAbs(expectedHv));
            for (int i = 0; i < c.n(); i++) {
                assertThat(g[i]).as("∂%d of %s", i, c).isCloseTo(expectedG[i], within(tg));
                assertThat(hv[i]).as("(H v)_%d of %s at %s, v = %s", i, c, java.util.Arrays.toString(x),
                        java.util.Arrays.toString(v)).isCloseTo(expectedHv[i], within(th));
            }
        }
    }
}
