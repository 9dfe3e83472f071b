package dev.nabla.core.ad;

import dev.nabla.core.ad.RandomPrograms.Program;
import dev.nabla.core.field.DifferentiableScalarField;
import dev.nabla.core.field.Gradient;
import dev.nabla.core.field.NonDifferentiableException;
import dev.nabla.core.field.Vectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Property-based checks on seeded random programs: every mode of the engine computes the same derivatives,
 * and they agree with finite differences.
 */
class RandomFunctionPropertyTest {

    /**
     * Two exact modes differ only by rounding in different evaluation orders: relative 1e-9 of the magnitude
     * is far above that (≈ 1e-14 per operation over a few dozen operations) and far below any wrong rule.
     */
    static final double EXACT = 1e-9;

    /**
     * Central differences with one Richardson step (h = 1e-3): truncation O(h⁴) ≈ 1e-12 times the fifth
     * derivative, rounding ≈ 1e-13 |f| / h; relative 1e-6 leaves room for the steep programs.
     */
    static final double NUMERIC = 1e-6;

    static LongStream seeds() {
        return LongStream.range(0, 120);
    }

    static void assertClose(double actual, double expected, double rel, String what) {
        assertThat(Math.abs(actual - expected))
                .as("%s: %s vs %s", what, actual, expected)
                .isLessThanOrEqualTo(rel * (1 + Math.abs(expected)));
    }

    /** ∂f/∂x_i by central differences with one Richardson extrapolation step. */
    static double centralDifference(RealFunction f, double[] x, double[] v) {
        double h = 1e-3;
        double d1 = difference(f, x, v, h);
        double d2 = difference(f, x, v, h / 2);
        return (4 * d2 - d1) / 3;
    }

    private static double difference(RealFunction f, double[] x, double[] v, double h) {
        double[] p = Vectors.axpy(h, v, x);
        double[] m = Vectors.axpy(-h, v, x);
        return (AD.value(f, p) - AD.value(f, m)) / (2 * h);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void forwardReverseNestedAndCentralDifferencesAgree(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = 1 + r.nextInt(4);
        Program p = RandomPrograms.smooth(r, n, 4);
        double[] x = RandomPrograms.point(r, n);
        double[] v = RandomPrograms.point(r, n);
        RealFunction f = p.f();
        String on = p + " at " + java.util.Arrays.toString(x);

        double value = AD.value(f, x);
        Gradient g = AD.valueAndGrad(f, x);
        assertThat(g.isSmooth()).as(on).isTrue();
        assertClose(g.value(), value, EXACT, "tape value of " + on);
        double[] grad = g.gradient();

        double[][] axes = new double[n][];
        for (int i = 0; i < n; i++) {
            axes[i] = Vectors.unit(n, i);
        }
        double[] multi = AD.jvp(f, x, axes);
        double[] out = new double[n];
        assertClose(AD.gradientOf(f, n).valueAndGradient(x, out), value, EXACT, "ReverseGradient value of " + on);
        Real[] nested = AD.grad(f, Reals.of(x));
        for (int i = 0; i < n; i++) {
            String what = "∂f/∂x" + i + " of " + on;
            assertClose(AD.jvp(f, x, axes[i]), grad[i], EXACT, "forward " + what);
            assertClose(multi[i], grad[i], EXACT, "multi-direction forward " + what);
            assertClose(out[i], grad[i], EXACT, "ReverseGradient " + what);
            assertClose(nested[i].value(), grad[i], EXACT, "nested reverse " + what);
            assertClose(AD.jvp(f, Reals.of(x), Reals.of(axes[i])).value(), grad[i], EXACT, "nested forward " + what);
            assertClose(grad[i], centralDifference(f, x, axes[i]), NUMERIC, "central difference " + what);
        }
        assertClose(AD.jvp(f, x, v), Vectors.dot(grad, v), EXACT, "D_v f of " + on);
        assertClose(AD.jvp(f, x, v), centralDifference(f, x, v), NUMERIC, "D_v f by differences of " + on);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void hessianIsSymmetricAndEqualsTheJacobianOfTheGradient(long seed) {
        SplittableRandom r = new SplittableRandom(1000 + seed);
        int n = 1 + r.nextInt(3);
        Program p = RandomPrograms.smooth(r, n, 3);
        double[] x = RandomPrograms.point(r, n);
        double[] v = RandomPrograms.point(r, n);
        RealFunction f = p.f();
        String on = p + " at " + java.util.Arrays.toString(x);

        double[][] h = AD.hessian(f, x); // forward-over-reverse
        double[] hv = AD.hvp(f, x, v);
        for (int j = 0; j < n; j++) {
            int col = j;
            // reverse-over-forward: ∇_x (∇f(x)·e_j)
            double[] rof = AD.grad(y -> AD.jvp(f, y, Reals.of(Vectors.unit(n, col))), x);
            // the Jacobian of the gradient by central differences of the (exact) gradient
            double[] gp = AD.grad(f, Vectors.axpy(1e-4, Vectors.unit(n, j), x));
            double[] gm = AD.grad(f, Vectors.axpy(-1e-4, Vectors.unit(n, j), x));
            for (int i = 0; i < n; i++) {
                String what = "H[" + i + "][" + j + "] of " + on;
                assertClose(h[i][j], h[j][i], EXACT, "symmetry of " + what);
                assertClose(h[i][j], rof[i], EXACT, "reverse-over-forward " + what);
                // central differences of the gradient, h = 1e-4: truncation ≈ 1e-8 f''''
                assertClose(h[i][j], (gp[i] - gm[i]) / 2e-4, 1e-5, "differences of the gradient for " + what);
            }
            double hvj = 0;
            for (int k = 0; k < n; k++) {
                hvj += h[j][k] * v[k];
            }
            assertClose(hv[j], hvj, EXACT, "(H v)[" + j + "] of " + on);
            int row = j;
            // forward-over-forward: D_v (D_{e_j} f)
            double fof = AD.jvp((Real[] y) -> AD.jvp(f, y, Reals.of(Vectors.unit(n, row))), x, v);
            assertClose(fof, hvj, EXACT, "forward-over-forward (H v)[" + j + "] of " + on);
        }
        assertClose(AD.field(f, n).hessian(x)[0][n - 1], h[0][n - 1], EXACT, "field Hessian of " + on);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void jvpAndVjpAreAdjoint(long seed) {
        SplittableRandom r = new SplittableRandom(2000 + seed);
        int n = 1 + r.nextInt(4);
        int m = 1 + r.nextInt(4);
        Program[] components = new Program[m];
        for (int i = 0; i < m; i++) {
            components[i] = RandomPrograms.smooth(r, n, 3);
        }
        RealVectorFunction u = x -> {
            Real[] y = new Real[m];
            for (int i = 0; i < m; i++) {
                y[i] = components[i].f().apply(x);
            }
            return y;
        };
        double[] x = RandomPrograms.point(r, n);
        double[] v = RandomPrograms.point(r, n);
        double[] w = RandomPrograms.point(r, m);
        String on = List.of(components) + " at " + java.util.Arrays.toString(x);

        double[] jv = AD.vectorJvp(u, x, v);
        double[] jtw = AD.vjp(u, x, w);
        double scale = Vectors.norm(jv) * Vectors.norm(w) + Vectors.norm(jtw) * Vectors.norm(v);
        assertThat(Math.abs(Vectors.dot(w, jv) - Vectors.dot(v, jtw)))
                .as("w·Jv = v·Jᵀw for %s", on).isLessThanOrEqualTo(EXACT * (1 + scale));

        double[][] jac = AD.jacobian(u, x);
        double[][] forward = AD.forwardJacobian(u, x, Integer.MAX_VALUE);
        double[][] forwardOneAtATime = AD.forwardJacobian(u, x, 1); // one tangent per sweep over the tape
        double[][] reverse = AD.reverseJacobian(u, x);
        double[][] fieldJac = AD.vectorField(u, n, m).jacobian(x);
        for (int i = 0; i < m; i++) {
            double[] gi = AD.grad(components[i].f(), x);
            for (int j = 0; j < n; j++) {
                String what = "J[" + i + "][" + j + "] of " + on;
                assertClose(jac[i][j], gi[j], EXACT, what);
                assertClose(forward[i][j], gi[j], EXACT, "forward " + what);
                assertClose(forwardOneAtATime[i][j], gi[j], EXACT, "forward, one tangent at a time, " + what);
                assertClose(reverse[i][j], gi[j], EXACT, "reverse " + what);
                assertClose(fieldJac[i][j], gi[j], EXACT, "field " + what);
            }
        }
    }

    /**
     * Programs with abs, sign, max and min at points with coordinates in {−1, 0, 1}, where kinks are often hit:
     * every mode follows the same convention and forward and reverse mode report the same kinks.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void modesAgreeOnTheKinkConvention(long seed) {
        SplittableRandom r = new SplittableRandom(3000 + seed);
        int n = 1 + r.nextInt(3);
        Program p = RandomPrograms.withKinks(r, n, 4);
        double[] x = RandomPrograms.gridPoint(r, n);
        double[] v = RandomPrograms.point(r, n);
        RealFunction f = p.f();
        String on = p + " at " + java.util.Arrays.toString(x);
        Gradient g = AD.valueAndGrad(f, x);
        assertClose(g.value(), AD.value(f, x), EXACT, "value of " + on);
        double dv = AD.jvp(f, x, v);
        assertClose(dv, Vectors.dot(g.gradient(), v), EXACT, "D_v f of " + on);
        Real[] nested = AD.grad(f, Reals.of(x));
        for (int i = 0; i < n; i++) {
            assertClose(nested[i].value(), g.gradient()[i], EXACT, "nested ∂f/∂x" + i + " of " + on);
        }
        DifferentiableScalarField field = AD.field(f, n);
        if (g.isSmooth()) {
            assertClose(field.directionalDerivative(x, v), dv, EXACT, "field D_v f of " + on);
        } else {
            NonDifferentiableException e = catchThrowableOfType(NonDifferentiableException.class,
                    () -> field.directionalDerivative(x, v));
            assertThat(e).as("forward mode reports the kinks of " + on).isNotNull();
            assertThat(e.kinks()).isEqualTo(g.kinks());
        }
    }
}
