package dev.nabla.cli.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LayoutTest {

    @Test
    void alignsMatrixColumns() {
        List<String> lines = Layout.matrix(List.of(List.of("2*sin(y)", "x"), List.of("1", "6*y - 1")), "  ");
        assertThat(lines).containsExactly(
                "  [ 2*sin(y)  x       ]",
                "  [ 1         6*y - 1 ]");
    }

    @Test
    void writesADotProductOutWithNegativeFactorsInParentheses() {
        assertThat(Layout.writtenDot(new double[] {1.5, 4}, new double[] {1, -2})).isEqualTo("1.5·1 + 4·(-2)");
    }

    @Test
    void latexUsesPowersOfTenAndPmatrix() {
        assertThat(Layout.latexNumber(1.5e-7)).isEqualTo("1.5 \\times 10^{-7}");
        assertThat(Layout.latexMatrix(List.of(List.of("a", "b"), List.of("c", "d"))))
                .isEqualTo("\\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix}");
        assertThat(Layout.latexTuple(List.of("1", "2"))).isEqualTo("\\left( 1, 2 \\right)");
    }

    @Test
    void callsWithoutArgumentsDropTheParentheses() {
        assertThat(Layout.call("f", List.of("x", "y"))).isEqualTo("f(x, y)");
        assertThat(Layout.call("f", List.of())).isEqualTo("f");
    }
}
