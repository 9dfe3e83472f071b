package dev.nabla.core.ad;

import dev.nabla.core.field.DifferentiableScalarField;
import dev.nabla.core.field.Gradient;
import dev.nabla.core.field.Matrices;
import dev.nabla.core.field.Vectors;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The documents' three-way checks (their SymPy / NumPy / PyTorch code), every expected value computed
 * independently with java.lang.Math in the test.
 */
class DocumentExamplesTest {

    /** f(x, y) = x² sin y + y³. */
    static final RealFunction F = x -> x[0].square().multiply(x[1].sin()).add(x[1].pow(3));

    static final double X = 0.7;
    static final double Y = 1.2;
    static final double[] P = {X, Y};
    static final double[] V = {1, -2};

    /** AD derivatives are exact up to rounding: a few ulps of numbers of order 1–10. */
    static final double TOL = 1e-13;

    static final double FX = 2 * X * Math.sin(Y);
    static final double FY = X * X * Math.cos(Y) + 3 * Y * Y;

    @Test
    void documentsExampleInEveryMode() {
        assertThat(AD.value(F, P)).isCloseTo(X * X * Math.sin(Y) + Y * Y * Y, within(TOL));
        assertThat(AD.grad(F, P)).containsExactly(new double[] {FX, FY}, within(TOL));
        // D_v f = 2·0.7·sin 1.2 · 1 + (0.7² cos 1.2 + 3·1.2²)·(−2)
        double dv = FX * V[0] + FY * V[1];
        assertThat(AD.jvp(F, P, V)).isCloseTo(dv, within(TOL));
        assertThat(AD.jvp(F, P, new double[][] {V, {1, 0}, {0, 1}})).containsExactly(new double[] {dv, FX, FY},
                within(TOL));

        double[] g = new double[2];
        double value = AD.gradientOf(F, 2).valueAndGradient(P, g);
        assertThat(value).isCloseTo(X * X * Math.sin(Y) + Y * Y * Y, within(TOL));
        assertThat(g).containsExactly(new double[] {FX, FY}, within(TOL));

        // H = [[2 sin y, 2x cos y], [2x cos y, −x² sin y + 6y]]
        double[][] h = {{2 * Math.sin(Y), 2 * X * Math.cos(Y)}, {2 * X * Math.cos(Y), -X * X * Math.sin(Y) + 6 * Y}};
        assertThat(AD.hvp(F, P, V)).containsExactly(Matrices.multiply(h, V), within(TOL));
        double[][] hess = AD.hessian(F, P);
        for (int i = 0; i < 2; i++) {
            assertThat(hess[i]).containsExactly(h[i], within(TOL));
        }

        DifferentiableScalarField field = AD.field(F, 2);
        Gradient gr = field.valueAndGradient(P);
        assertThat(gr.isSmooth()).isTrue();
        assertThat(gr.gradient()).containsExactly(new double[] {FX, FY}, within(TOL));
        assertThat(field.directionalDerivative(P, V)).isCloseTo(dv, within(TOL));
        assertThat(field.hessian(P)[0]).containsExactly(h[0], within(TOL));
    }

    @Test
    void directionalDerivativeEqualsTheDerivativeAlongTheLine() {
        // d/dt f(x + t v) at t = 0, differentiating the composed one-variable function
        RealFunction line = t -> F.apply(new Real[] {t[0].multiply(V[0]).add(X), t[0].multiply(V[1]).add(Y)});
        assertThat(AD.grad(line, new double[] {0})[0]).isCloseTo(AD.jvp(F, P, V), within(TOL));
    }

    @Test
    void softmaxCrossEntropyGradientIsPMinusY() {
        double[] z = {1.0, -0.5, 2.0};
        double[] y = {0, 1, 0};
        RealFunction loss = s -> {
            Real[] p = Reals.softmax(s);
            Real l = s[0].constant(0);
            for (int i = 0; i < p.length; i++) {
                l = l.subtract(p[i].log().multiply(y[i]));
            }
            return l;
        };
        double e = Math.exp(1.0) + Math.exp(-0.5) + Math.exp(2.0);
        double[] pMinusY = {Math.exp(1.0) / e - y[0], Math.exp(-0.5) / e - y[1], Math.exp(2.0) / e - y[2]};
        assertThat(AD.grad(loss, z)).containsExactly(pMinusY, within(TOL));
        // the same loss as logSumExp(z) − y·z
        RealFunction viaLse = s -> Reals.logSumExp(s).subtract(Reals.dot(y, s));
        assertThat(AD.grad(viaLse, z)).containsExactly(pMinusY, within(TOL));
        double[] v = {0.3, -1, 2};
        assertThat(AD.jvp(loss, z, v)).isCloseTo(Vectors.dot(pMinusY, v), within(TOL));
    }

    @Test
    void quadraticFormGradientIsQxPlusBAndHessianIsQ() {
        double[][] q = {{4, 1, 0.5}, {1, 3, -1}, {0.5, -1, 2}};
        double[] b = {1, -2, 0.5};
        double[] x = {0.3, -0.7, 1.1};
        RealFunction f = s -> Reals.dot(s, Reals.matVec(q, s)).multiply(0.5).add(Reals.dot(b, s));
        assertThat(AD.grad(f, x)).containsExactly(Vectors.add(Matrices.multiply(q, x), b), within(TOL));
        double[][] h = AD.hessian(f, x);
        for (int i = 0; i < 3; i++) {
            assertThat(h[i]).containsExactly(q[i], within(TOL));
        }
    }

    @Test
    void normGradientIsXOverNorm() {
        double[] x = {3, -4, 12};
        double n = Math.sqrt(9 + 16 + 144);
        assertThat(AD.grad(Reals::norm, x)).containsExactly(new double[] {3 / n, -4 / n, 12 / n}, within(TOL));
    }

    @Test
    void halfSquaredDistanceGradientIsXMinusC() {
        double[] c = {1, 2, -3};
        double[] x = {0.5, -1, 4};
        RealFunction f = s -> Reals.squaredNorm(Reals.axpy(s[0].constant(-1), Reals.constants(s[0], c), s))
                .multiply(0.5);
        assertThat(AD.grad(f, x)).containsExactly(Vectors.subtract(x, c), within(TOL));
    }
}
