package dev.nabla.core.prim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * pow's domain and kinks as the table states them, at and beside their edges (from the mutation-testing survey,
 * docs/verification.md): a^b is undefined for a = 0 with b &lt; 0 and for a &lt; 0 with a non-integer b; in the
 * base it has a kink at a = 0 only for 0 ≤ b &lt; 1 (a jump in the exponent at b = 0, an infinite slope beyond).
 */
class PowDomainAndKinksTest {

    @Test
    void theDomainOfPowAndItsMessages() {
        assertThat(Primitive.POW.domainViolation(0, -1)).isEqualTo("division by zero (0^-1)");
        assertThat(Primitive.POW.domainViolation(0, -0.5)).isEqualTo("division by zero (0^-0.5)");
        assertThat(Primitive.POW.domainViolation(0, 0)).isNull(); // 0^0 = 1
        assertThat(Primitive.POW.domainViolation(0, 2)).isNull();
        assertThat(Primitive.POW.domainViolation(-8, 0.5))
                .isEqualTo("power of negative base -8 with non-integer exponent 0.5");
        assertThat(Primitive.POW.domainViolation(-8, 3)).isNull();
        assertThat(Primitive.POW.domainViolation(-8, -2)).isNull();
        assertThat(Primitive.POW.domainViolation(2, -0.5)).isNull();
    }

    @Test
    void theKinksOfPowInItsBase() {
        assertThat(Primitive.POW.kink(0, 0)).isEqualTo("pow at 0^0 (a jump in the exponent)");
        assertThat(Primitive.POW.kink(0, 0.5)).isEqualTo("pow at 0 (infinite slope)");
        assertThat(Primitive.POW.kink(0, 0.999)).isEqualTo("pow at 0 (infinite slope)");
        assertThat(Primitive.POW.kink(0, 1)).isNull(); // x^1 is smooth
        assertThat(Primitive.POW.kink(0, 2)).isNull();
        assertThat(Primitive.POW.kink(0, -1)).isNull(); // outside the domain, not a kink
        assertThat(Primitive.POW.kink(1e-300, 0.5)).isNull();
    }

    @Test
    void numbersInMessagesAreShortAndExact() {
        assertThat(Primitive.format(3)).isEqualTo("3");
        assertThat(Primitive.format(-2)).isEqualTo("-2");
        assertThat(Primitive.format(0.5)).isEqualTo("0.5");
        assertThat(Primitive.format(999_999_999_999_999.0)).isEqualTo("999999999999999");
        assertThat(Primitive.format(1e15)).isEqualTo("1e15");
        assertThat(Primitive.format(2.5e-7)).isEqualTo("2.5e-7");
        assertThat(Primitive.format(123.25)).isEqualTo("123.25");
    }
}
