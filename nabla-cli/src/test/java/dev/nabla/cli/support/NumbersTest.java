package dev.nabla.cli.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class NumbersTest {

    @ParameterizedTest
    @CsvSource({
            "0.7, 0.7", "3, 3", "-2, -2", "0.1, 0.1", "100, 100", "1e-4, 0.0001", "1.5e-7, 1.5e-7",
            "1e16, 1e16", "123456789012345, 123456789012345", "-0.0, 0", "2.5e300, 2.5e300",
            "0.30000000000000004, 0.30000000000000004"})
    void printsTheShortestDecimalThatParsesBack(double x, String expected) {
        assertThat(Numbers.format(x)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"NaN, NaN", "Infinity, Infinity", "-Infinity, -Infinity"})
    void printsNonFiniteValuesByName(double x, String expected) {
        assertThat(Numbers.format(x)).isEqualTo(expected);
    }

    static Stream<Double> randomDoubles() {
        SplittableRandom random = new SplittableRandom(20261122);
        return Stream.generate(() -> Double.longBitsToDouble(random.nextLong()))
                .filter(Double::isFinite).limit(500);
    }

    @ParameterizedTest
    @MethodSource("randomDoubles")
    void everyFiniteDoubleRoundTripsWithAtMostSeventeenDigits(double x) {
        String s = Numbers.format(x);
        assertThat(Double.parseDouble(s)).isEqualTo(x == 0 ? 0.0 : x); // -0 prints as 0 on purpose
        assertThat(significantDigits(s)).isLessThanOrEqualTo(17);
        // never longer than Java's own repr (which is not always the shortest on JDK 17)
        assertThat(significantDigits(s)).isLessThanOrEqualTo(significantDigits(Double.toString(x)));
    }

    private static int significantDigits(String number) {
        return number.replaceFirst("[eE].*", "").replaceAll("[^0-9]", "").replaceAll("^0+|0+$", "").length();
    }

    @ParameterizedTest
    @CsvSource({"0.7, 0.7", "' -1e-3 ', -0.001", "+2, 2"})
    void readsPlainNumbers(String text, double expected) {
        assertThat(Numbers.parse(text, "--at")).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"'', empty number in --at", "1e999, not a finite number: '1e999' in --at"})
    void refusesEmptyAndInfiniteNumbers(String text, String message) {
        assertThatThrownBy(() -> Numbers.parse(text, "--at")).isInstanceOf(UsageException.class).hasMessage(message);
    }
}
