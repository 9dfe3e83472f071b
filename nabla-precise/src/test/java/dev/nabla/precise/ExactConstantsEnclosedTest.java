package dev.nabla.precise;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nabla.symbolic.Formula;
import dev.nabla.symbolic.certify.Enclosures;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * A formula's rational constants reach the certified arithmetic exactly (Algebra.exact): 0.1 is 1/10, not the
 * double nearest to it, so 0.1*x at x = 3 encloses 3/10 and excludes the double 0.1's product.
 */
class ExactConstantsEnclosedTest {

    @Test
    void aTypedDecimalIsEnclosedAsTheNumberItWrites() {
        BigIntervals A = new BigIntervals(40);
        Formula f = Formula.parse("0.1*x + 1/3");
        BigInterval v = Enclosures.over(f, A).value(new BigInterval[] {A.constant(3)}, new double[] {3});
        // 3/10 + 1/3 = 19/30 = 0.6333…; 40 digits resolve it, and the binary 0.1 (0.1000000000000000055…) is excluded
        BigDecimal exact = new BigDecimal("0.63333333333333333333333333333333333333333");
        assertThat(v.contains(new BigDecimal("0.6333333333333333333333333333333333333333"))).isTrue();
        assertThat(v.hi().subtract(v.lo())).isLessThan(new BigDecimal("1e-35"));
        BigDecimal binary = new BigDecimal(0.1).multiply(BigDecimal.valueOf(3))
                .add(new BigDecimal("0.33333333333333333333333333333333333333333"));
        assertThat(v.contains(binary)).isFalse();
        assertThat(exact.subtract(v.lo()).abs()).isLessThan(new BigDecimal("1e-35"));
    }
}
