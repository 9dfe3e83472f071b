package dev.nabla.core.run;

import dev.nabla.core.ad.AD;
import dev.nabla.core.ir.ArrayDecl;
import dev.nabla.core.ir.Loops;
import dev.nabla.core.ir.Program;
import dev.nabla.core.ir.Vec;
import dev.nabla.core.ir.VecFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The memory of a traced loop does not grow with trip counts beyond one number per carry (and saved value) and
 * iteration of the loop being transposed: for a mixture-model-like f — an outer loop over n points whose body
 * materialises k values (each an inner loop over d) and takes their log-sum-exp — the gradient program has the
 * same instructions for every n, k, d, and its scratch arrays hold α·n + β·k + γ·d + δ numbers, with no n·k,
 * n·d or k·d term (what a tape records grows as n·k·d).
 */
class ProgramMemoryTest {

    static VecFunction mixture(int n, int k, int d) {
        return x -> Loops.fori(0, n, 0.0, (i, total) -> {
            Vec beta = Vec.tabulate(k, c -> Loops.fori(0, d, 0.0, (j, s) -> s.add(
                    x.get(c.times(d).plus(j)).multiply(i.asReal().multiply(0.01).add(1)).sin().square())));
            return total.add(beta.logSumExp());
        });
    }

    static long scratch(int n, int k, int d) {
        Program g = Compiled.grad(mixture(n, k, d), k * d).gradientProgram();
        long total = 0;
        for (ArrayDecl a : g.arrays()) {
            if (a.role() == ArrayDecl.Role.BUFFER) {
                total += a.length();
            }
        }
        return total;
    }

    @ParameterizedTest(name = "n = {0}, k = {1}, d = {2}")
    @CsvSource({"7, 3, 2", "40, 5, 4", "300, 9, 6"})
    void scratchIsLinearInEachTripCountSeparately(int n, int k, int d) {
        long base = scratch(n, k, d);
        long dn = scratch(2 * n, k, d) - base;
        long dk = scratch(n, 2 * k, d) - base;
        long dd = scratch(n, k, 2 * d) - base;
        assertThat(scratch(2 * n, 2 * k, 2 * d)).as("no product of trip counts").isEqualTo(base + dn + dk + dd);
        assertThat(dn).as("per outer iteration").isEqualTo(scratch(3 * n, k, d) - scratch(2 * n, k, d));
        assertThat(Compiled.grad(mixture(2 * n, 2 * k, 2 * d), 4 * k * d).gradientProgram().size())
                .isEqualTo(Compiled.grad(mixture(n, k, d), k * d).gradientProgram().size());
    }

    @ParameterizedTest(name = "n = {0}, k = {1}, d = {2}")
    @CsvSource({"7, 3, 2", "40, 5, 4"})
    void itsGradientIsTheTapes(int n, int k, int d) {
        double[] x = new SplittableRandom(n * 31L + k).doubles(k * d, -1, 1).toArray();
        double[] expected = AD.grad(y -> mixture(n, k, d).apply(Vec.of(y)), x);
        double[] g = Compiled.grad(mixture(n, k, d), k * d).gradient(x);
        for (int i = 0; i < g.length; i++) {
            assertThat(g[i]).isCloseTo(expected[i], within(1e-12 * Math.max(1, TracedPrograms.maxAbs(expected))));
        }
    }
}
