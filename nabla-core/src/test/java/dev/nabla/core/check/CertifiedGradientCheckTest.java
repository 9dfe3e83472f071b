package dev.nabla.core.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nabla.core.ad.AD;
import dev.nabla.core.ad.RealFunction;
import dev.nabla.core.field.ScalarField;
import dev.nabla.core.interval.IntervalAD;
import org.junit.jupiter.api.Test;

/**
 * The gradient check with certified enclosures of D_v f ({@link IntervalAD}): where the enclosure decides, rounding
 * noise in the finite differences can neither fail nor pass a direction; where it cannot, the differences decide.
 */
class CertifiedGradientCheckTest {

    /** f = x³ + y + 1e15: the differences drown in the rounding of 1e15 (0.1 % of D_v f cannot be resolved). */
    private static final RealFunction OFFSET = v -> v[0].pow(3).add(v[1]).add(1e15);
    private static final ScalarField OFFSET_DOUBLES = x -> x[0] * x[0] * x[0] + x[1] + 1e15;

    @Test
    void aRightGradientPassesWhereTheDifferencesCannotResolveIt() {
        double[] x = {0.3, 2};
        double[] right = {3 * 0.3 * 0.3, 1};
        GradientCheckReport plain = GradientCheck.check(OFFSET_DOUBLES, y -> right, x, GradientCheck.Options.DEFAULT);
        GradientCheckReport certified = GradientCheck.check(OFFSET_DOUBLES, y -> right, x,
                GradientCheck.Options.DEFAULT, v -> IntervalAD.directionalDerivative(OFFSET, x, v));
        assertThat(plain.status()).isNotEqualTo(CheckStatus.PASS);
        assertThat(certified.status()).isEqualTo(CheckStatus.PASS);
    }

    @Test
    void aWrongGradientFailsWhereTheDifferencesCannotResolveIt() {
        double[] x = {0.3, 2};
        double[] wrong = {3 * 0.3 * 0.3 * (1 + 1e-4), 1};
        GradientCheckReport certified = GradientCheck.check(OFFSET_DOUBLES, y -> wrong, x,
                GradientCheck.Options.DEFAULT, v -> IntervalAD.directionalDerivative(OFFSET, x, v));
        assertThat(certified.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(certified.directions().get(1).status()).isEqualTo(CheckStatus.PASS); // e2: ∂f/∂y = 1 is right
    }

    /**
     * (eˣ − 1)/x at 1e-8: AD's double slope 1.6077 is noise; the enclosure at double precision is too wide to
     * decide ([−2.8, 6.0]), so the differences decide, and they see the true 0.5.
     */
    @Test
    void whereTheEnclosureCannotDecideTheDifferencesDo() {
        RealFunction f = v -> v[0].exp().subtract(1).divide(v[0]);
        double[] x = {1e-8};
        double[] ad = AD.valueAndGrad(f, x).gradient();
        ScalarField doubles = y -> Math.expm1(y[0]) / y[0];
        GradientCheckReport r = GradientCheck.check(doubles, y -> ad, x, GradientCheck.Options.DEFAULT,
                v -> IntervalAD.directionalDerivative(f, x, v));
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
    }
}
