package dev.nabla.cli.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ContourSvgTest {

    /** x² + y² sampled on an n × n grid over [−2, 2]²; grid index i ↦ x = −2 + 4i/(n − 1). */
    private static double[][] circleGrid(int n) {
        double[][] z = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double x = -2 + 4.0 * i / (n - 1);
                double y = -2 + 4.0 * j / (n - 1);
                z[i][j] = x * x + y * y;
            }
        }
        return z;
    }

    @Test
    void marchingSquaresTracesTheUnitCircle() {
        int n = 81;
        List<double[]> segments = ContourSvg.segments(circleGrid(n), 1);
        assertThat(segments).isNotEmpty();
        double h = 4.0 / (n - 1);
        double length = 0;
        for (double[] s : segments) {
            for (int k = 0; k < 4; k += 2) {
                double x = -2 + h * s[k];
                double y = -2 + h * s[k + 1];
                // linear interpolation of x² + y² along a cell edge errs by at most h²/4 in the level.
                assertThat(x * x + y * y).isCloseTo(1, within(h * h / 4 + 1e-12));
            }
            length += h * Math.hypot(s[2] - s[0], s[3] - s[1]);
        }
        // the inscribed polygon's perimeter approaches 2π from below.
        assertThat(length).isCloseTo(2 * Math.PI, within(0.01));
    }

    @Test
    void levelsAreDistinctQuantilesAndUndefinedPointsAreSkipped() {
        double[][] z = circleGrid(21);
        double[] levels = ContourSvg.quantileLevels(z, 10);
        assertThat(levels).hasSize(10).isSorted();
        z[10][10] = Double.NaN;
        assertThat(ContourSvg.segments(z, 0.001)).isEmpty();
        String svg = ContourSvg.render(x -> {
            if (x[0] < 0) {
                throw new ArithmeticException("undefined");
            }
            return x[0] + x[1];
        }, new double[] {-1, 1, -1, 1}, 20, 5, List.of(new double[] {0.5, 0.5}, new double[] {0.1, 0.2}), "a < b & c",
                List.of("x", "y"));
        assertThat(svg).contains("a &lt; b &amp; c").contains("<polyline").doesNotContain("NaN");
    }

    @Test
    void windowPadsThePathAndHandlesASinglePoint() {
        assertThat(ContourSvg.window(List.of(new double[] {0, 0}, new double[] {2, 1})))
                .containsExactly(new double[] {-0.3, 2.3, -0.8, 1.8}, within(1e-15));
        assertThat(ContourSvg.window(List.<double[]>of(new double[] {1, 1}))).containsExactly(0.5, 1.5, 0.5, 1.5);
    }
}
