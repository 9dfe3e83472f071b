package dev.nabla.core.ad;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The documents' three-way checks, with the expected values computed independently with java.lang.Math. */
class DocumentExamplesTest {

    /** f(x, y) = x² sin y + y³. */
    static final RealFunction F = x -> x[0].square().multiply(x[1].sin()).add(x[1].pow(3));

    static final double X = 0.7;
    static final double Y = 1.2;
    static final double[] P = {X, Y};
    static final double[] V = {1, -2};

    // the derivatives are exact up to rounding: a few ulps of values of order 1
    static final double TOL = 1e-13;

    @Test
    void valueGradientAndDirectionalDerivativeOfTheDocumentsExample() {
        double fx = 2 * X * Math.sin(Y);
        double fy = X * X * Math.cos(Y) + 3 * Y * Y;
        assertThat(AD.value(F, P)).isCloseTo(X * X * Math.sin(Y) + Y * Y * Y, within(TOL));
        double[] g = AD.grad(F, P);
        assertThat(g[0]).isCloseTo(fx, within(TOL));
        assertThat(g[1]).isCloseTo(fy, within(TOL));
        assertThat(AD.jvp(F, P, V)).isCloseTo(fx * V[0] + fy * V[1], within(TOL));
        double[] gOut = new double[2];
        double value = AD.gradientOf(F, 2).valueAndGradient(P, gOut);
        assertThat(value).isCloseTo(X * X * Math.sin(Y) + Y * Y * Y, within(TOL));
        assertThat(gOut).containsExactly(g);
    }
}
