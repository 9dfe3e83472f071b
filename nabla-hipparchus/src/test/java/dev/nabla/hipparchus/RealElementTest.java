package dev.nabla.hipparchus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.hipparchus.CalculusFieldElement;
import org.hipparchus.Field;
import org.hipparchus.analysis.differentiation.Gradient;
import org.hipparchus.ode.FieldODEState;
import org.hipparchus.ode.FieldOrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.ClassicalRungeKuttaFieldIntegrator;
import org.hipparchus.special.Erf;
import org.hipparchus.special.Gamma;
import org.hipparchus.util.MathArrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Code written once against Hipparchus' {@code CalculusFieldElement} gets, through {@link HipparchusAD}, the
 * same gradient in one reverse pass as Hipparchus' own forward-mode {@link Gradient} gives with n tangent
 * components. Tolerance: 1e-12 relative (the two evaluate the same derivative rules in different orders, so
 * they differ by round-off only, a few ulps per operation).
 */
class RealElementTest {

    private static final double RELATIVE = 1e-12;

    /** Functions of three inputs, each written once for any field element type. */
    enum Function {
        DOCUMENTS {
            @Override
            <T extends CalculusFieldElement<T>> T apply(T[] x) {
                return x[0].square().multiply(x[1].sin()).add(x[1].pow(3));
            }
        },
        ELEMENTARY {
            @Override
            <T extends CalculusFieldElement<T>> T apply(T[] x) {
                return x[0].exp().multiply(x[1].log()).add(x[2].sqrt()).subtract(x[0].multiply(x[1]).cbrt())
                        .add(x[1].pow(x[2]).divide(x[0].square().add(1))).add(x[2].reciprocal().multiply(3))
                        .add(x[0].pow(2.5)).add(x[1].pow(4)).subtract(x[2].multiply(2)).add(x[0].divide(x[1]));
            }
        },
        TRIGONOMETRIC_AND_HYPERBOLIC {
            @Override
            <T extends CalculusFieldElement<T>> T apply(T[] x) {
                return x[0].sin().multiply(x[1].cos()).multiply(x[2].divide(2).tan())
                        .add(x[0].divide(2).asin()).add(x[1].divide(3).acos()).add(x[2].atan())
                        .add(x[0].sinh().multiply(x[1].cosh())).add(x[2].tanh())
                        .add(x[0].asinh()).add(x[1].add(1).acosh()).add(x[2].divide(2).atanh())
                        .add(x[0].sinCos().sin().multiply(x[1].sinhCosh().cosh()));
            }
        },
        ANGLES_AND_COMBINATIONS {
            @Override
            <T extends CalculusFieldElement<T>> T apply(T[] x) {
                T[] a = MathArrays.buildArray(x[0].getField(), 3);
                a[0] = x[1];
                a[1] = x[2];
                a[2] = x[0].getField().getOne().multiply(2);
                return x[0].atan2(x[1]).multiply(x[1].hypot(x[2]))
                        .add(x[0].linearCombination(x[0], x[1], x[1], x[2]))
                        .add(x[0].linearCombination(a, x))
                        .add(x[0].linearCombination(new double[] {1, -2, 3}, x))
                        .add(x[0].linearCombination(x[0], x[2], x[1], x[1], x[2], x[0]))
                        .add(x[0].linearCombination(x[0], x[0], x[1], x[1], x[2], x[2], x[0], x[2]));
            }
        },
        ACCURATE_COMPOSITIONS {
            @Override
            <T extends CalculusFieldElement<T>> T apply(T[] x) {
                return x[0].multiply(1e-3).expm1().multiply(x[1].log1p()).add(x[2].add(1).log10())
                        .add(x[0].multiply(10).remainder(x[1])).add(x[2].multiply(7).remainder(0.3))
                        .add(x[2].scalb(3)).add(x[0].copySign(x[1].negate()).abs().multiply(x[2]))
                        .add(x[1].negate().abs()).add(x[0].getAddendum().multiply(x[1]));
            }
        },
        SPECIAL_FUNCTIONS {
            @Override
            <T extends CalculusFieldElement<T>> T apply(T[] x) {
                return Erf.erf(x[0]).multiply(Gamma.logGamma(x[1].add(1.5)))
                        .add(Erf.erfc(x[2])).add(Gamma.regularizedGammaP(x[1].add(1), x[2]));
            }
        };

        abstract <T extends CalculusFieldElement<T>> T apply(T[] x);
    }

    /** Every function at 15 seeded points of (0.1, 0.9)³, where each one is smooth. */
    static Stream<Arguments> functionsAndPoints() {
        Random random = new Random(18);
        return Arrays.stream(Function.values()).flatMap(f -> IntStream.range(0, 15).mapToObj(i ->
                Arguments.of(f, new double[] {0.1 + 0.8 * random.nextDouble(), 0.1 + 0.8 * random.nextDouble(),
                        0.1 + 0.8 * random.nextDouble()})));
    }

    static double[] hipparchusGradient(Function f, double[] x) {
        Gradient[] g = new Gradient[x.length];
        for (int i = 0; i < x.length; i++) {
            g[i] = Gradient.variable(x.length, i, x[i]);
        }
        return f.apply(g).getGradient();
    }

    static double hipparchusValue(Function f, double[] x) {
        return f.apply(Arrays.stream(x).mapToObj(v -> Gradient.constant(x.length, v)).toArray(Gradient[]::new))
                .getValue();
    }

    static void assertClose(double[] actual, double[] expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("component %d", i)
                    .isCloseTo(expected[i], within(RELATIVE * Math.max(1, Math.abs(expected[i]))));
        }
    }

    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource("functionsAndPoints")
    void reverseModeGradientMatchesHipparchusForwardMode(Function f, double[] x) {
        var nabla = HipparchusAD.valueAndGradient(f::apply, x);
        assertClose(nabla.gradient(), hipparchusGradient(f, x));
        assertThat(nabla.value()).isCloseTo(hipparchusValue(f, x), within(RELATIVE * Math.max(1, Math.abs(nabla.value()))));
    }

    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource("functionsAndPoints")
    void forwardModeThroughTheSameElementGivesTheDirectionalDerivative(Function f, double[] x) {
        double[] v = {1, -2, 0.5};
        double[] g = hipparchusGradient(f, x);
        double expected = g[0] * v[0] + g[1] * v[1] + g[2] * v[2];
        assertThat(HipparchusAD.field(f::apply, 3).directionalDerivative(x, v))
                .isCloseTo(expected, within(RELATIVE * Math.max(1, Math.abs(expected)) * 4));
    }

    @Test
    void theDocumentsExample() {
        double[] x = {0.7, 1.2, 0};
        double[] g = HipparchusAD.gradient(Function.DOCUMENTS::apply, x);
        // ∇f = (2x sin y, x² cos y + 3y²); D_v f = ∇f·(1, −2) = −7.690255879033025
        assertThat(g[0]).isCloseTo(2 * 0.7 * Math.sin(1.2), within(1e-15));
        assertThat(g[1]).isCloseTo(0.49 * Math.cos(1.2) + 3 * 1.44, within(1e-14));
        assertThat(g[0] - 2 * g[1]).isCloseTo(-7.690255879033025, within(1e-14));
        assertThat(g[2]).isZero();
    }

    @ParameterizedTest
    @ValueSource(doubles = {1e-300, 1e-17, 1e-9, -3e-8, 0.25})
    void accurateCompositionsKeepTheDoubleFunctionsValue(double t) {
        RealElement[] seen = new RealElement[3];
        HipparchusAD.valueAndGradient(x -> {
            seen[0] = x[0].expm1();
            seen[1] = x[0].log1p();
            seen[2] = x[0].add(1).log10();
            return seen[0].add(seen[1]).add(seen[2]);
        }, new double[] {t});
        assertThat(seen[0].getReal()).isCloseTo(Math.expm1(t), within(Math.ulp(Math.expm1(t))));
        assertThat(seen[1].getReal()).isCloseTo(Math.log1p(t), within(Math.ulp(Math.log1p(t))));
        assertThat(seen[2].getReal()).isCloseTo(Math.log10(1 + t), within(Math.ulp(Math.log10(1 + t)) + 1e-300));
        // the derivatives are the composition's: e^t + 1/(1 + t) + 1/((1 + t) ln 10)
        double[] g = HipparchusAD.gradient(x -> x[0].expm1().add(x[0].log1p()).add(x[0].add(1).log10()), new double[] {t});
        assertThat(g[0]).isCloseTo(Math.exp(t) + 1 / (1 + t) + 1 / ((1 + t) * Math.log(10)), within(1e-15));
    }

    /** A field ODE integrator: y' = −k y, y(0) = y₀, classical Runge-Kutta with step 1/100 to t = 1. */
    static <T extends CalculusFieldElement<T>> T decay(T k, T y0) {
        Field<T> field = k.getField();
        FieldOrdinaryDifferentialEquation<T> ode = new FieldOrdinaryDifferentialEquation<>() {
            @Override
            public int getDimension() {
                return 1;
            }

            @Override
            public T[] computeDerivatives(T t, T[] y) {
                T[] d = MathArrays.buildArray(field, 1);
                d[0] = y[0].multiply(k).negate();
                return d;
            }
        };
        T[] start = MathArrays.buildArray(field, 1);
        start[0] = y0;
        var integrator = new ClassicalRungeKuttaFieldIntegrator<>(field, field.getOne().multiply(0.01));
        return integrator.integrate(ode, new FieldODEState<>(field.getZero(), start), field.getOne())
                .getPrimaryState()[0];
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.3, 1.0, 2.5})
    void aFieldOdeIntegratorIsDifferentiatedInOneReversePass(double k) {
        double y0 = 1.7;
        double[] nabla = HipparchusAD.gradient(x -> decay(x[0], x[1]), new double[] {k, y0});
        double[] hipparchus = decay(Gradient.variable(2, 0, k), Gradient.variable(2, 1, y0)).getGradient();
        assertClose(nabla, hipparchus);
        // and the exact solution y(1) = y₀ e^{−k}: ∂/∂k = −y₀ e^{−k}, ∂/∂y₀ = e^{−k}, to the integrator's
        // accuracy (fourth order, step 0.01: about 1e-9 relative for these k)
        assertThat(nabla[0]).isCloseTo(-y0 * Math.exp(-k), within(1e-7));
        assertThat(nabla[1]).isCloseTo(Math.exp(-k), within(1e-7));
    }

    @ParameterizedTest
    @ValueSource(ints = {10, 200})
    void manyInputsAgreeWithHipparchus(int n) {
        Random random = new Random(n);
        double[] x = random.doubles(n, -1, 1).toArray();
        double[] nabla = HipparchusAD.gradient(RealElementTest::chain, x);
        Gradient[] g = new Gradient[n];
        for (int i = 0; i < n; i++) {
            g[i] = Gradient.variable(n, i, x[i]);
        }
        assertClose(nabla, chain(g).getGradient());
    }

    /** Σ sin(x_i) x_{i+1} + x_i²: every input meets two terms. */
    static <T extends CalculusFieldElement<T>> T chain(T[] x) {
        T sum = x[0].getField().getZero();
        for (int i = 0; i + 1 < x.length; i++) {
            sum = sum.add(x[i].sin().multiply(x[i + 1])).add(x[i].square());
        }
        return sum;
    }

    @Test
    void constantsComeFromTheSameContext() {
        double[] g = HipparchusAD.gradient(x -> x[0].getField().getOne().add(x[0].newInstance(3)).multiply(x[0]),
                new double[] {2});
        assertThat(g[0]).isEqualTo(4);
        assertThat(new RealElementField(null)).isEqualTo(new RealElementField(null));
    }
}
