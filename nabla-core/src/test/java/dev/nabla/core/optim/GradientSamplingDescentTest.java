package dev.nabla.core.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.nabla.core.field.DifferentiableScalarField;
import dev.nabla.core.field.Gradient;
import dev.nabla.core.field.Kink;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GradientSamplingDescentTest {

    /** |x − 1| + 2|y + 0.5|: minimum 0 at (1, −0.5), a corner where no gradient exists. */
    static final DifferentiableScalarField CORNER = new DifferentiableScalarField() {
        @Override
        public double value(double[] x) {
            return Math.abs(x[0] - 1) + 2 * Math.abs(x[1] + 0.5);
        }

        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public Gradient valueAndGradient(double[] x) {
            List<Kink> kinks = new ArrayList<>();
            if (x[0] == 1) {
                kinks.add(new Kink("abs", "abs(x - 1)"));
            }
            if (x[1] == -0.5) {
                kinks.add(new Kink("abs", "abs(y + 0.5)"));
            }
            return new Gradient(x, value(x), new double[] {Math.signum(x[0] - 1), 2 * Math.signum(x[1] + 0.5)}, kinks);
        }

        @Override
        public double[] hessianVectorProduct(double[] x, double[] v) {
            return new double[2];
        }
    };

    /** max(x² + y², (x − 2)² + y²): minimum 1 at (1, 0), on the ridge where the two pieces tie. */
    static final DifferentiableScalarField RIDGE = new DifferentiableScalarField() {
        @Override
        public double value(double[] x) {
            return Math.max(a(x), b(x));
        }

        private double a(double[] x) {
            return x[0] * x[0] + x[1] * x[1];
        }

        private double b(double[] x) {
            return (x[0] - 2) * (x[0] - 2) + x[1] * x[1];
        }

        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public Gradient valueAndGradient(double[] x) {
            boolean first = a(x) >= b(x);
            double[] g = first ? new double[] {2 * x[0], 2 * x[1]} : new double[] {2 * (x[0] - 2), 2 * x[1]};
            return new Gradient(x, value(x), g, a(x) == b(x) ? List.of(new Kink("max", "max at a tie")) : List.of());
        }

        @Override
        public double[] hessianVectorProduct(double[] x, double[] v) {
            return new double[] {2 * v[0], 2 * v[1]};
        }
    };

    @Test
    void reachesTheCornerMinimumOfAPolyhedralFunction() {
        OptimizationResult r = new GradientSamplingDescent().minimize(CORNER, new double[] {-1.3, 2.2});
        assertThat(r.stopReason()).isEqualTo(StopReason.STATIONARITY_TOLERANCE);
        // ε_min = 1e-6: a point within the final sampling radius of the corner is ε-stationary; f ≤ 3·1e-6 there.
        assertThat(r.point()).containsExactly(new double[] {1, -0.5}, within(2e-6));
        assertThat(r.value()).isLessThan(5e-6);
        assertThat(r.armijoHoldsAtEveryStep(1e-4)).isTrue();
        assertThat(r.gradientEvaluations()).isGreaterThan(r.iterations());
    }

    @Test
    void reachesTheRidgeMinimumOfAMaxOfQuadratics() {
        OptimizationResult r = new GradientSamplingDescent().minimize(RIDGE, new double[] {3, 2});
        assertThat(r.stopReason()).isEqualTo(StopReason.STATIONARITY_TOLERANCE);
        // near (1, 0), f − 1 ≈ 2|x − 1| + y²: within 1e-5 of the minimiser the value is within 2e-5 of 1.
        assertThat(r.point()).containsExactly(new double[] {1, 0}, within(1e-5));
        assertThat(r.value()).isCloseTo(1, within(2e-5));
        assertThat(r.armijoHoldsAtEveryStep(1e-4)).isTrue();
    }

    @Test
    void isDeterministicForASeed() {
        OptimizationResult a = new GradientSamplingDescent().minimize(RIDGE, new double[] {3, 2});
        OptimizationResult b = new GradientSamplingDescent().minimize(RIDGE, new double[] {3, 2});
        assertThat(a.path()).isEqualTo(b.path());
    }

    @Test
    void smoothSteepestDescentStallsOnTheRidgeWhereSamplingDoesNot() {
        // The classic failure that motivates gradient sampling: steepest descent zig-zags into the ridge and
        // its gradient norm never becomes small (it is ≥ 2 everywhere near (1, 0) off the ridge).
        OptimizationResult gd = new GradientDescent(ArmijoBacktracking.DEFAULT, new Termination(1e-6, 500))
                .minimize(RIDGE, new double[] {3, 2});
        assertThat(gd.converged()).isFalse();
        assertThat(gd.last().gradientNorm()).isGreaterThan(1);
    }
}
