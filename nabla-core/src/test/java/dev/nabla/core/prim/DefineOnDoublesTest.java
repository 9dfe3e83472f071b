package dev.nabla.core.prim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every primitive's {@link Primitive#define} evaluated over plain doubles (kernels from {@link Math}, each within
 * 1 ulp) agrees with the table's own accurate {@link Primitive#value} at the seeded points of {@link TablePoints}
 * (tiny, huge, next to the domain edges): within 8 ulps, plus |b log a| ulps for pow, whose definition goes
 * through exp(b log a) (the rounding of the exponent is magnified by it), and |b| more for the
 * repeated squaring of integer powers up to 64. This tests the formulas;
 * {@code IntervalTest} tests the enclosures they give.
 */
class DefineOnDoublesTest {

    /** Points standing for themselves: every comparison is decided. */
    static final class PointKernels implements Elementary<Double> {
        @Override
        public Double constant(double c) {
            return c;
        }

        @Override
        public Double add(Double a, Double b) {
            return a + b;
        }

        @Override
        public Double subtract(Double a, Double b) {
            return a - b;
        }

        @Override
        public Double multiply(Double a, Double b) {
            return a * b;
        }

        @Override
        public Double divide(Double a, Double b) {
            return a / b;
        }

        @Override
        public Double negate(Double a) {
            return -a;
        }

        @Override
        public Double apply(Primitive p, Double a) {
            return p.define(this, a, null);
        }

        @Override
        public Double apply(Primitive p, Double a, Double b) {
            return p.define(this, a, b);
        }

        @Override
        public Double sqrt(Double a) {
            return Math.sqrt(a);
        }

        @Override
        public Double exp(Double a) {
            return Math.exp(a);
        }

        @Override
        public Double expm1(Double a) {
            return Math.expm1(a);
        }

        @Override
        public Double log(Double a) {
            return Math.log(a);
        }

        @Override
        public Double log1p(Double a) {
            return Math.log1p(a);
        }

        @Override
        public Double sin(Double a) {
            return Math.sin(a);
        }

        @Override
        public Double cos(Double a) {
            return Math.cos(a);
        }

        @Override
        public Double atan(Double a) {
            return Math.atan(a);
        }

        @Override
        public Double erf(Double a) {
            return Primitive.erf(a);
        }

        @Override
        public Signs signs(Double a) {
            return new Signs(a < 0, a == 0, a > 0);
        }

        @Override
        public Double hull(Double a, Double b) {
            throw new AssertionError("points never need a hull: " + a + ", " + b);
        }

        @Override
        public Double magnitude(Double a) {
            return Math.abs(a);
        }

        @Override
        public OptionalDouble point(Double a) {
            return OptionalDouble.of(a);
        }
    }

    private static final PointKernels K = new PointKernels();

    @ParameterizedTest
    @EnumSource(Primitive.class)
    void theDefinitionAgreesWithTheTablesValue(Primitive p) {
        int checked = 0;
        for (double[] x : TablePoints.points(p, 300)) {
            x = new double[] {x[0] + 0.0, x[1] + 0.0}; // numbers that stand for sets have no −0 (atan2(−0, −1) is π)
            double expected = p.value(x[0], x[1]);
            double actual = p.define(K, x[0], x[1]);
            double slack = x[0] == 0 ? 0 : switch (p) {
                case POW -> Math.abs(x[1] * Math.log(Math.abs(x[0]))) + (Math.abs(x[1]) <= 64 ? Math.abs(x[1]) : 0);
                default -> 0;
            };
            if (expected == 0 || Double.isInfinite(expected)) {
                assertThat(actual).as("%s%s", p, java.util.Arrays.toString(x)).isEqualTo(expected);
            } else {
                assertThat(Math.abs(actual - expected) / Math.ulp(expected)).as("%s%s = %s, defined %s", p,
                        java.util.Arrays.toString(x), expected, actual).isLessThanOrEqualTo(8 + slack);
            }
            checked++;
        }
        assertThat(checked).isGreaterThan(30);
    }

    /** Wholly outside the domain is a domain error named as the table names it. */
    @Test
    void outsideTheDomainIsADomainError() {
        assertThatThrownBy(() -> Primitive.LOG.define(K, -1.0, null)).isInstanceOf(OutsideDomainException.class)
                .hasMessage("log of -1.0 (argument must be > 0)");
        assertThatThrownBy(() -> Primitive.DIVIDE.define(K, 1.0, 0.0)).isInstanceOf(OutsideDomainException.class);
        assertThatThrownBy(() -> Primitive.ASIN.define(K, 1.5, null)).isInstanceOf(OutsideDomainException.class);
        assertThatThrownBy(() -> Primitive.ATANH.define(K, 1.0, null)).isInstanceOf(OutsideDomainException.class);
        assertThatThrownBy(() -> Primitive.ACOSH.define(K, 0.5, null)).isInstanceOf(OutsideDomainException.class);
        assertThatThrownBy(() -> Primitive.CSC.define(K, 0.0, null)).isInstanceOf(OutsideDomainException.class);
        assertThatThrownBy(() -> Primitive.ATAN2.define(K, 0.0, 0.0)).isInstanceOf(OutsideDomainException.class);
        assertThatThrownBy(() -> Primitive.POW.define(K, -2.0, 0.5)).isInstanceOf(OutsideDomainException.class);
        assertThatThrownBy(() -> Primitive.POW.define(K, 0.0, -1.0)).isInstanceOf(OutsideDomainException.class);
        assertThatThrownBy(() -> Primitive.SQRT.define(K, -1e-300, null)).isInstanceOf(OutsideDomainException.class);
    }
}
