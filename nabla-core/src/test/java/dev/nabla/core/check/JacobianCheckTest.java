package dev.nabla.core.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nabla.core.field.VectorField;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class JacobianCheckTest {

    /** Spherical to Cartesian coordinates (r, θ, φ) ↦ (r sin θ cos φ, r sin θ sin φ, r cos θ). */
    static final VectorField SPHERICAL = p -> new double[] {
            p[0] * Math.sin(p[1]) * Math.cos(p[2]), p[0] * Math.sin(p[1]) * Math.sin(p[2]), p[0] * Math.cos(p[1])};

    static double[][] jacobian(double[] p) {
        double r = p[0], t = p[1], f = p[2];
        return new double[][] {
                {Math.sin(t) * Math.cos(f), r * Math.cos(t) * Math.cos(f), -r * Math.sin(t) * Math.sin(f)},
                {Math.sin(t) * Math.sin(f), r * Math.cos(t) * Math.sin(f), r * Math.sin(t) * Math.cos(f)},
                {Math.cos(t), -r * Math.sin(t), 0}};
    }

    static final double[] AT = {2, 0.7, -1.1};

    @Test
    void theCorrectJacobianPasses() {
        JacobianCheckReport r = JacobianCheck.check(SPHERICAL, JacobianCheckTest::jacobian, AT, GradientCheck.Options.DEFAULT);
        assertThat(r.passed()).as(r::toString).isTrue();
        assertThat(r.rows()).hasSize(3);
        assertThat(r.suspectEntries()).isEmpty();
    }

    @Test
    void aWrongEntryIsCaughtAndLocated() {
        // the sign of ∂z/∂θ dropped
        Function<double[], double[][]> wrong = p -> {
            double[][] j = jacobian(p);
            j[2][1] = -j[2][1];
            return j;
        };
        JacobianCheckReport r = JacobianCheck.check(SPHERICAL, wrong, AT, GradientCheck.Options.DEFAULT);
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.suspectEntries()).hasSize(1);
        assertThat(r.suspectEntries().get(0)).containsExactly(2, 1);
        assertThat(r.rows().get(0).passed()).isTrue();
        assertThat(r.toString()).contains("suspect entry J[3][2]");
    }

    @Test
    void swappedRowsAreCaught() {
        Function<double[], double[][]> wrong = p -> {
            double[][] j = jacobian(p);
            return new double[][] {j[1], j[0], j[2]};
        };
        JacobianCheckReport r = JacobianCheck.check(SPHERICAL, wrong, AT, GradientCheck.Options.DEFAULT);
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.rows().get(0).passed()).isFalse();
        assertThat(r.rows().get(1).passed()).isFalse();
        assertThat(r.rows().get(2).passed()).isTrue();
    }
}
