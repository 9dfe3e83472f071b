package dev.nabla.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rows whose loss meets a kink at θ are counted and the first is named, for formula and Java losses and any
 * partitioning: ℓ(w; x) = |w − x| meets abs at 0 exactly on the rows with x = w.
 */
class RowKinksTest {

    /** 200 rows x ∈ {−2, …, 2} (seeded): the rows with x = w are known, so the count and first row are too. */
    static final List<double[]> ROWS = new ArrayList<>();

    static {
        SplittableRandom random = new SplittableRandom(19);
        for (int i = 0; i < 200; i++) {
            ROWS.add(new double[] {random.nextInt(-2, 3)});
        }
    }

    static Stream<Arguments> losses() {
        Loss formula = Loss.formula("abs(w - x)", List.of("w"), List.of("x"));
        Loss java = Loss.of((w, r) -> w[0].subtract(r[0]).abs(), List.of("w"), List.of("x"));
        return Stream.of(1, 3, 7).flatMap(p -> Stream.of(Arguments.of("formula", formula, p),
                Arguments.of("java", java, p)));
    }

    @ParameterizedTest(name = "{0} loss, {2} partitions")
    @MethodSource("losses")
    void rowsAtTheKinkAreCountedAndTheFirstIsNamed(String kind, Loss loss, int partitions) {
        try (SparkObjective f = SparkObjective.of(TestSpark.frame(List.of("x"), ROWS, 2), loss, partitions)) {
            for (double w : new double[] {-1, 0, 2}) {
                f.valueAndGradient(new double[] {w});
                long count = ROWS.stream().filter(r -> r[0] == w).count();
                int first = 0;
                while (ROWS.get(first)[0] != w) {
                    first++;
                }
                assertThat(f.kinks().rows()).isEqualTo(count);
                assertThat(f.kinks().firstRow()).isEqualTo(first + 1);
                assertThat(f.kinks().first()).contains("abs");
                assertThat(f.kinks().toString()).startsWith(count + " rows met a kink (first: row " + (first + 1));
            }
            // between the data values no row is at a kink
            f.valueAndGradient(new double[] {0.5});
            assertThat(f.kinks()).isEqualTo(RowKinks.NONE);
            assertThat(f.kinks().isEmpty()).isTrue();
        }
    }
}
