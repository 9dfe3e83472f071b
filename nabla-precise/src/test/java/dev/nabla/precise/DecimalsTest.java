package dev.nabla.precise;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The ends of an enclosure printed to k digits still enclose: FLOOR never prints above the number, CEILING never
 * below, and both are within one unit of the k-th digit of it.
 */
class DecimalsTest {

    static Stream<BigDecimal> numbers() {
        Random random = new Random(20261207);
        return IntStream.range(0, 200).mapToObj(i -> new BigDecimal(random.nextDouble() - 0.5)
                .scaleByPowerOfTen(random.nextInt(600) - 300));
    }

    @ParameterizedTest
    @MethodSource("numbers")
    void outwardRoundedEndsEnclose(BigDecimal x) {
        for (int k : new int[] {1, 5, 20}) {
            BigDecimal down = new BigDecimal(Decimals.significant(x, k, RoundingMode.FLOOR));
            BigDecimal up = new BigDecimal(Decimals.significant(x, k, RoundingMode.CEILING));
            assertThat(down).isLessThanOrEqualTo(x);
            assertThat(up).isGreaterThanOrEqualTo(x);
            BigDecimal unit = BigDecimal.ONE.scaleByPowerOfTen(x.round(new MathContext(1)).precision()
                    - x.round(new MathContext(1)).scale() - k);
            assertThat(up.subtract(down)).isLessThanOrEqualTo(unit.multiply(BigDecimal.TEN));
        }
    }
}
