package dev.nabla.core.ad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nabla.core.field.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Automatic differentiation checks the table's domains: an operation outside its domain, or on a point that is
 * not finite, raises a {@link DomainException} naming the operation, its argument and the point — never a silent
 * NaN — and an overflow that reaches the result is reported as an overflow, never as a kink or a silent ∞.
 */
class DomainChecksTest {

    private static RealFunction named(String op) {
        return switch (op) {
            case "log" -> x -> x[0].log();
            case "sqrt" -> x -> x[0].sqrt();
            case "asin" -> x -> x[0].asin();
            case "acosh" -> x -> x[0].acosh();
            case "atanh" -> x -> x[0].atanh();
            case "log1p" -> x -> x[0].log1p();
            case "divide" -> x -> x[0].constant(3).divide(x[0]);
            case "reciprocal" -> x -> x[0].reciprocal();
            case "pow" -> x -> x[0].pow(0.5);
            case "atan2" -> x -> x[0].atan2(x[0]);
            default -> throw new IllegalArgumentException(op);
        };
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "log; -1; log of -1 (argument must be > 0) in log(-1) at [-1.0]",
        "log; 0; log of 0 (argument must be > 0) in log(0) at [0.0]",
        "sqrt; -2; sqrt of -2 (argument must be >= 0) in sqrt(-2) at [-2.0]",
        "asin; 1.5; asin of 1.5 (argument must be in [-1, 1]) in asin(1.5) at [1.5]",
        "acosh; 0.5; acosh of 0.5 (argument must be >= 1) in acosh(0.5) at [0.5]",
        "atanh; 1; atanh of 1 (argument must be in (-1, 1)) in atanh(1) at [1.0]",
        "log1p; -2; log1p of -2 (argument must be > -1) in log1p(-2) at [-2.0]",
        "divide; 0; division by zero (3 / 0) in /(3, 0) at [0.0]",
        "reciprocal; 0; division by zero (1 / 0) in /(1, 0) at [0.0]",
        "pow; -1; power of negative base -1 with non-integer exponent 0.5 in pow(-1, 0.5) at [-1.0]",
        "atan2; 0; atan2 of (0, 0) (undefined at the origin) in atan2(0, 0) at [0.0]",
    })
    void everyModeRaisesADomainErrorNamingTheOperationItsArgumentAndThePoint(String op, double x, String message) {
        RealFunction f = named(op);
        double[] at = {x};
        assertThatThrownBy(() -> AD.grad(f, at)).isInstanceOf(DomainException.class).hasMessage(message);
        assertThatThrownBy(() -> AD.jvp(f, at, new double[] {1})).isInstanceOf(DomainException.class)
                .hasMessage(message);
        assertThatThrownBy(() -> AD.hvp(f, at, new double[] {1})).isInstanceOf(DomainException.class)
                .hasMessageStartingWith(message.substring(0, message.indexOf(" in ")));
    }

    @Test
    void aPointThatIsNotFiniteIsADomainErrorNotANaN() {
        // before: AD.jvp at (∞, 2) gave NaN although the function's value there is finite
        RealFunction f = x -> x[0].negate().exp().add(x[1]);
        assertThatThrownBy(() -> AD.jvp(f, new double[] {Double.POSITIVE_INFINITY, 2}, new double[] {1, 1}))
                .isInstanceOf(DomainException.class).hasMessageContaining("coordinate 1 of the point is Infinity");
        assertThatThrownBy(() -> AD.grad(f, new double[] {1, Double.NaN}))
                .isInstanceOf(DomainException.class).hasMessageContaining("coordinate 2 of the point is NaN");
    }

    @Test
    void anOverflowingDerivativeIsReportedAsAnOverflowNotAKink() {
        // x^1020 at 2: the value 2^1020 ≈ 1.1e307 is finite, the derivative 1020·2^1019 ≈ 5.7e308 is not
        RealFunction f = x -> x[0].pow(1020);
        assertThatThrownBy(() -> AD.grad(f, new double[] {2})).isInstanceOf(DomainException.class)
                .hasMessage("overflow: its derivative exceeds the double range in pow(2, 1020) at [2.0]");
        assertThatThrownBy(() -> AD.jvp(f, new double[] {2}, new double[] {1})).isInstanceOf(DomainException.class)
                .hasMessageStartingWith("overflow");
        assertThat(AD.value(f, new double[] {2})).isEqualTo(Math.pow(2, 1020));
        assertThatThrownBy(() -> AD.grad(x -> x[0].exp(), new double[] {800})).isInstanceOf(DomainException.class)
                .hasMessage("overflow: its value exceeds the double range in exp(800) at [800.0]");
    }

    @Test
    void anOverflowThatAnExactZeroCancelsIsHarmless() {
        // the infinite partial of sqrt's neighbour is never multiplied by a non-zero tangent or adjoint
        RealFunction f = x -> x[0].pow(1020).multiply(0).add(x[1]);
        assertThat(AD.jvp(f, new double[] {2, 5}, new double[] {0, 1})).isEqualTo(1);
    }

    @Test
    void logOfMaxWithATinyFloorIsNeverANaNGradient() {
        // log(max(x, 1e-320)) at −1: max takes the constant 1e-320, so f is constant near −1 and ∇f = 0 exactly;
        // log' = 1/1e-320 overflows, but a zero partial passes nothing on (neither ∞ · 0 = NaN nor an overflow)
        RealFunction f = x -> x[0].max(x[0].constant(1e-320)).log();
        assertThat(AD.grad(f, new double[] {-1})).containsExactly(0);
        assertThat(AD.jvp(f, new double[] {-1}, new double[] {1})).isZero();
        assertThat(AD.hessian(f, new double[] {-1})[0]).containsExactly(0);
        // where the overflowed partial does reach the gradient (max takes x = 2e-320), it is an overflow
        assertThatThrownBy(() -> AD.grad(f, new double[] {2e-320})).isInstanceOf(DomainException.class)
                .hasMessageStartingWith("overflow: its derivative exceeds the double range in log(2e-320)");
        assertThat(AD.grad(x -> x[0].max(x[0].constant(1e-300)).log(), new double[] {-1})).containsExactly(0);
    }

    @Test
    void theHessianIsSymmetricAndTheFieldsHessian() {
        RealFunction f = x -> x[0].multiply(x[1]).sin().add(x[0].divide(x[1].exp())).add(x[1].atan2(x[0]));
        double[] x = {0.7, -1.3};
        double[][] h = AD.hessian(f, x);
        assertThat(h[0][1]).isEqualTo(h[1][0]);
        assertThat(h).isDeepEqualTo(AD.field(f, 2).hessian(x));
    }
}
