package dev.nabla.core.ad;

import dev.nabla.core.field.Vectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every array primitive (a single tape entry with hand-derived partials) against its scalar expansion, in every
 * mode: plain, forward (one and several directions), reverse, nested forward, nested reverse,
 * forward-over-reverse and reverse-over-forward.
 */
class ArrayPrimitivesTest {

    /** Both sides are exact; they differ by rounding in a different summation order. */
    static final double TOL = 1e-11;

    static final int N = 6;

    /** A primitive applied to z ∈ R^6 and the same function written with scalar operations. */
    record Case(String name, RealFunction primitive, RealFunction expansion) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final double[] W = {0.7, -1.3, 0.4, 2.1, -0.6, 1.0};
    static final double[][] A = {{1, -2, 0.5, 0, 3, -1}, {0.25, 1, -1, 2, 0, 0.5}, {-0.5, 0, 1.5, 1, -2, 1}};

    /** Σ w_i y_i with scalar operations, to reduce a vector-valued primitive to a scalar. */
    static Real weighted(Real[] y) {
        Real s = y[0].multiply(W[0]);
        for (int i = 1; i < y.length; i++) {
            s = s.add(y[i].multiply(W[i]));
        }
        return s;
    }

    static Real scalarSum(Real[] x) {
        Real s = x[0];
        for (int i = 1; i < x.length; i++) {
            s = s.add(x[i]);
        }
        return s;
    }

    static Real scalarDot(Real[] a, Real[] b) {
        Real s = a[0].multiply(b[0]);
        for (int i = 1; i < a.length; i++) {
            s = s.add(a[i].multiply(b[i]));
        }
        return s;
    }

    static Real[] range(Real[] z, int from, int to) {
        return Arrays.copyOfRange(z, from, to);
    }

    static final List<Case> CASES = List.of(
            new Case("sum", Reals::sum, ArrayPrimitivesTest::scalarSum),
            new Case("dot", z -> Reals.dot(range(z, 0, 3), range(z, 3, 6)),
                    z -> scalarDot(range(z, 0, 3), range(z, 3, 6))),
            new Case("dot with constants", z -> Reals.dot(W, z), z -> scalarDot(Reals.constants(z[0], W), z)),
            new Case("dot with mixed constants", z -> Reals.dot(new Real[] {z[0], z[0].constant(2), z[1]},
                    new Real[] {z[2], z[3], Reals.of(-1.5)[0]}),
                    z -> z[0].multiply(z[2]).add(z[3].multiply(2)).subtract(z[1].multiply(1.5))),
            new Case("axpy", z -> weighted(Reals.axpy(z[0], range(z, 1, 3), range(z, 3, 5))),
                    z -> weighted(new Real[] {z[0].multiply(z[1]).add(z[3]), z[0].multiply(z[2]).add(z[4])})),
            new Case("matVec constant A", z -> weighted(Reals.matVec(A, z)), z -> {
                Real[] y = new Real[A.length];
                for (int i = 0; i < A.length; i++) {
                    y[i] = scalarDot(Reals.constants(z[0], A[i]), z);
                }
                return weighted(y);
            }),
            new Case("matVec variable A", z -> weighted(Reals.matVec(range(z, 0, 4), 2, 2, range(z, 4, 6))),
                    z -> weighted(new Real[] {z[0].multiply(z[4]).add(z[1].multiply(z[5])),
                            z[2].multiply(z[4]).add(z[3].multiply(z[5]))})),
            new Case("logSumExp", Reals::logSumExp, z -> {
                Real s = z[0].exp();
                for (int i = 1; i < z.length; i++) {
                    s = s.add(z[i].exp());
                }
                return s.log();
            }),
            new Case("softmax", z -> weighted(Reals.softmax(z)), z -> {
                Real s = z[0].exp();
                for (int i = 1; i < z.length; i++) {
                    s = s.add(z[i].exp());
                }
                Real[] p = new Real[z.length];
                for (int i = 0; i < z.length; i++) {
                    p[i] = z[i].exp().divide(s);
                }
                return weighted(p);
            }),
            new Case("norm", Reals::norm, z -> scalarDot(z, z).sqrt()),
            new Case("squaredNorm", Reals::squaredNorm, z -> scalarDot(z, z)),
            new Case("composition", z -> Reals.norm(Reals.softmax(Reals.matVec(A, z))).multiply(Reals.sum(z)),
                    z -> {
                        Real[] y = new Real[A.length];
                        for (int i = 0; i < A.length; i++) {
                            y[i] = scalarDot(Reals.constants(z[0], A[i]), z);
                        }
                        Real s = y[0].exp().add(y[1].exp()).add(y[2].exp());
                        Real n2 = y[0].exp().divide(s).square().add(y[1].exp().divide(s).square())
                                .add(y[2].exp().divide(s).square());
                        return n2.sqrt().multiply(scalarSum(z));
                    }));

    static Stream<Arguments> cases() {
        return CASES.stream().flatMap(c -> LongStream.range(0, 5).mapToObj(seed -> Arguments.of(c, seed)));
    }

    static void assertClose(double actual, double expected, String what) {
        assertThat(Math.abs(actual - expected)).as("%s: %s vs %s", what, actual, expected)
                .isLessThanOrEqualTo(TOL * (1 + Math.abs(expected)));
    }

    static void assertClose(double[] actual, double[] expected, String what) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < actual.length; i++) {
            assertClose(actual[i], expected[i], what + "[" + i + "]");
        }
    }

    @ParameterizedTest(name = "{0}, seed {1}")
    @MethodSource("cases")
    void primitiveEqualsItsScalarExpansionInEveryMode(Case c, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] z = RandomPrograms.point(r, N);
        double[] v = RandomPrograms.point(r, N);
        double[] u = RandomPrograms.point(r, N);
        RealFunction p = c.primitive();
        RealFunction e = c.expansion();

        assertClose(AD.value(p, z), AD.value(e, z), "plain value");
        double[] g = AD.grad(e, z);
        assertClose(AD.grad(p, z), g, "reverse gradient");
        assertClose(AD.jvp(p, z, v), AD.jvp(e, z, v), "forward D_v");
        assertClose(AD.jvp(p, z, v), Vectors.dot(g, v), "forward D_v vs gradient");
        assertClose(AD.jvp(p, z, new double[][] {v, u}), AD.jvp(e, z, new double[][] {v, u}), "multi-direction");
        assertClose(AD.jvp(p, Reals.of(z), Reals.of(v)).value(), AD.jvp(e, z, v), "nested forward");
        Real[] nested = AD.grad(p, Reals.of(z));
        for (int i = 0; i < N; i++) {
            assertClose(nested[i].value(), g[i], "nested reverse [" + i + "]");
        }
        double[] hv = AD.hvp(e, z, v);
        assertClose(AD.hvp(p, z, v), hv, "forward-over-reverse H v");
        assertClose(AD.grad(x -> AD.jvp(p, x, Reals.of(v)), z), hv, "reverse-over-forward H v");
        double[] out = new double[N];
        assertClose(AD.gradientOf(p, N).valueAndGradient(z, out), AD.value(e, z), "ReverseGradient value");
        assertClose(out, g, "ReverseGradient gradient");
    }
}
