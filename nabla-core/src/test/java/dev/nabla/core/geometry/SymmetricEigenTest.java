package dev.nabla.core.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nabla.core.field.Matrices;
import dev.nabla.core.field.Vectors;
import dev.nabla.core.optim.TestProblems;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SymmetricEigenTest {

    @Test
    void twoByTwoWithKnownEigenvalues() {
        // [[2, 1], [1, 2]]: eigenvalues 1 and 3, eigenvectors (1, −1)/√2 and (1, 1)/√2.
        SymmetricEigen e = SymmetricEigen.of(new double[][] {{2, 1}, {1, 2}});
        assertThat(e.eigenvalues()).containsExactly(new double[] {1, 3}, within(1e-15));
        assertThat(Math.abs(Vectors.dot(e.eigenvector(1), new double[] {1, 1})) / Math.sqrt(2)).isCloseTo(1, within(1e-15));
    }

    static IntStream seeds() {
        return IntStream.range(0, 40);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void decomposesRandomSymmetricMatrices(int seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = 1 + random.nextInt(9);
        double[][] a = TestProblems.randomSymmetric(n, random);
        SymmetricEigen e = SymmetricEigen.of(a);
        double[] lambda = e.eigenvalues();
        double trace = 0;
        double sum = 0;
        for (int k = 0; k < n; k++) {
            trace += a[k][k];
            sum += lambda[k];
            if (k > 0) {
                assertThat(lambda[k]).isGreaterThanOrEqualTo(lambda[k - 1]);
            }
            double[] v = e.eigenvector(k);
            // A v = λ v to rounding: entries of A are ≤ 1, so residuals of a few 1e-15 are expected.
            assertThat(Vectors.norm(Vectors.subtract(Matrices.multiply(a, v), Vectors.scale(lambda[k], v)))).isLessThan(1e-13);
            for (int j = 0; j < n; j++) {
                assertThat(Vectors.dot(v, e.eigenvector(j))).isCloseTo(j == k ? 1 : 0, within(1e-13));
            }
        }
        assertThat(sum).isCloseTo(trace, within(1e-12));
    }

    @Test
    void refusesNonSquareAndNonFiniteMatrices() {
        assertThatThrownBy(() -> SymmetricEigen.of(new double[][] {{1, 2}})).hasMessageContaining("not square");
        assertThatThrownBy(() -> SymmetricEigen.of(new double[][] {{Double.NaN}})).hasMessageContaining("not finite");
    }
}
