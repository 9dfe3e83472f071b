package dev.nabla.cli.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PointsTest {
    private static final List<String> XY = List.of("x", "y");

    @Test
    void namedValuesMayComeInAnyOrder() {
        assertThat(Points.point("x=0.7,y=1.2", XY)).containsExactly(0.7, 1.2);
        assertThat(Points.point("y = 1.2, x = 0.7", XY)).containsExactly(0.7, 1.2);
    }

    @Test
    void unnamedValuesFollowTheVariableOrder() {
        assertThat(Points.point("0.7,1.2", XY)).containsExactly(0.7, 1.2);
        assertThat(Points.point("0.7,1.2", List.of("y", "x"))).containsExactly(0.7, 1.2);
        assertThat(Points.point("-1,-2e-3", XY)).containsExactly(-1, -0.002);
    }

    @Test
    void aFieldWithoutVariablesNeedsNoPoint() {
        assertThat(Points.point(null, List.of())).isEmpty();
    }

    @Test
    void aMissingPointSaysWhichVariablesNeedValues() {
        assertThatThrownBy(() -> Points.point(null, XY)).isInstanceOf(UsageException.class)
                .hasMessage("missing --at: give a value for x, y, e.g. --at x=1,y=2");
    }

    @Test
    void anUnknownVariableIsNamedWithTheKnownOnes() {
        assertThatThrownBy(() -> Points.point("x=1,z=2", XY)).isInstanceOf(UsageException.class)
                .hasMessage("unknown variable 'z' in --at: the variables are x, y");
    }

    @Test
    void aMissingVariableIsNamed() {
        assertThatThrownBy(() -> Points.point("x=1", XY)).isInstanceOf(UsageException.class)
                .hasMessage("missing value for 'y' in --at");
    }

    @Test
    void aRepeatedVariableIsRefused() {
        assertThatThrownBy(() -> Points.point("x=1,x=2", XY)).isInstanceOf(UsageException.class)
                .hasMessage("variable 'x' given twice in --at");
    }

    @Test
    void theNumberOfUnnamedValuesMustMatch() {
        assertThatThrownBy(() -> Points.point("1,2,3", XY)).isInstanceOf(UsageException.class)
                .hasMessage("--at has 3 values but the variables are (x, y): give 2, e.g. --at x=1,y=2");
    }

    @Test
    void namedAndUnnamedValuesDoNotMix() {
        assertThatThrownBy(() -> Points.point("x=1,2", XY)).isInstanceOf(UsageException.class)
                .hasMessageStartingWith("--at mixes named and unnamed values");
    }

    @Test
    void aBadNumberIsQuoted() {
        assertThatThrownBy(() -> Points.point("x=1,y=abc", XY)).isInstanceOf(UsageException.class)
                .hasMessage("not a number: 'abc' in --at y");
    }

    @Test
    void commasInsideParenthesesDoNotSplit() {
        assertThat(Points.split("atan2(1, 2), 3")).containsExactly("atan2(1, 2)", "3");
    }

    @Test
    void vectorsAreCheckedAgainstTheVariables() {
        double[] v = Points.vector("1,-2", "--dir");
        assertThat(v).containsExactly(1, -2);
        assertThat(Points.requireLength(v, XY, "--dir")).isSameAs(v);
        assertThatThrownBy(() -> Points.requireLength(new double[] {1, 2, 3}, XY, "--dir"))
                .isInstanceOf(UsageException.class)
                .hasMessage("--dir has 3 components but the variables are (x, y): give 2");
    }

    @Test
    void describesAPointWithItsVariables() {
        assertThat(Points.describe(XY, new double[] {0.7, 1.2})).isEqualTo("(x, y) = (0.7, 1.2)");
        assertThat(Points.describe(List.of("x"), new double[] {2})).isEqualTo("x = 2");
    }
}
