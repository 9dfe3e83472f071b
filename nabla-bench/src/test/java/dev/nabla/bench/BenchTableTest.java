package dev.nabla.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JMH-JSON → markdown conversion: units, ratios to the plain value, skipped sizes, target verdicts. */
class BenchTableTest {

    private static String result(String benchmark, String n, double score, String unit, double bytes) {
        return """
                {"benchmark": "dev.nabla.bench.%s", "mode": "avgt", "params": {"n": "%s"},
                 "primaryMetric": {"score": %s, "scoreError": 0.5, "scoreUnit": "%s"},
                 "secondaryMetrics": {"·gc.alloc.rate.norm": {"score": %s, "scoreError": 0, "scoreUnit": "B/op"}}}
                """.formatted(benchmark, n, score, unit, bytes);
    }

    private static List<BenchTable.Row> rows() throws Exception {
        String json = "[" + String.join(",",
                result("RosenbrockBench.value", "1000000", 2000, "us/op", 16),
                result("RosenbrockBench.reverseGradient", "1000000", 10_000, "us/op", 1024),
                result("RosenbrockBench.forwardDirectional", "1000000", 3000, "us/op", 3 * 1024 * 1024),
                result("RosenbrockBench.handWrittenDirectional", "1000000", 2500, "us/op", 0),
                result("RosenbrockBench.value", "1000", 2, "us/op", 0),
                result("RosenbrockBench.reverseGradient", "1000", 8, "us/op", 0),
                result("RosenbrockBaselinesBench.hipparchusGradient", "1000", 4000, "us/op", 0)) + "]";
        return BenchTable.read(new ObjectMapper().readTree(json));
    }

    @Test
    void readsWorkloadSizeMethodAndConvertsTheUnitToNanoseconds() throws Exception {
        BenchTable.Row first = rows().get(0);
        assertThat(first.workload().name()).isEqualTo("Rosenbrock");
        assertThat(first.n()).isEqualTo(1_000_000);
        assertThat(first.method()).isEqualTo("value");
        assertThat(first.nanos()).isEqualTo(2e6);
        assertThat(first.errorNanos()).isEqualTo(500);
        assertThat(first.bytesPerOp()).isEqualTo(16);
    }

    @Test
    void tableGivesRatiosToThePlainValueOfTheSameWorkloadAndSize() throws Exception {
        String table = BenchTable.markdown(rows());
        assertThat(table).contains("| Rosenbrock | 10⁶ | plain double value (hand-written Java) | 2.00 ± 0.0005 ms | 1 (baseline) | 16 B |");
        assertThat(table).contains("| Rosenbrock | 10⁶ | Nabla reverse gradient (reused `ReverseGradient`) | 10.0 ± 0.0005 ms | 5.00× | 1.00 KiB |");
        assertThat(table).contains("| Rosenbrock | 10³ | Nabla reverse gradient (reused `ReverseGradient`) | 8.00 ± 0.500 µs | 4.00× |");
        assertThat(table).contains("Hipparchus `Gradient` (forward, n partials per number) | 4.00 ± 0.0005 ms | 2000×");
    }

    @Test
    void timesKeepThreeSignificantDigitsAndSayWhenJmhGaveNoError() {
        assertThat(BenchTable.time(1234.5, 12.0)).isEqualTo("1.23 ± 0.0120 µs");
        assertThat(BenchTable.time(987, Double.NaN)).isEqualTo("987 ± n/a ns");
        assertThat(BenchTable.time(2.5e9, 0)).isEqualTo("2.50 ± 0 s");
    }

    @Test
    void sizesWhereABaselineWouldTakeHoursAreListedAsNotRun() throws Exception {
        String table = BenchTable.markdown(rows());
        assertThat(table).containsPattern("\\| Rosenbrock \\| 10⁶ \\| Hipparchus [^|]*\\| not run: ");
        assertThat(table).containsPattern("\\| Rosenbrock \\| 10⁶ \\| central differences [^|]*\\| not run: ");
        assertThat(table).doesNotContainPattern("\\| Rosenbrock \\| 10³ \\| central differences [^|]*\\| not run: ");
    }

    @Test
    void targetsAreJudgedOnTheMeasuredRatios() throws Exception {
        String targets = BenchTable.targets(rows());
        assertThat(targets).contains("Rosenbrock, n = 10⁶: reverse gradient ≤ 4× the value (scalar loop): measured 5.00× — **missed**");
        assertThat(targets).contains("Rosenbrock, n = 10⁶: forward D_v f ≤ 2× the value (scalar loop): measured 1.50× "
                + "(hand-written code: 1.25×) — **met**");
        assertThat(targets).contains("Rosenbrock, n = 10³: reverse gradient ≥ 100× faster than Hipparchus: measured 500×");
        assertThat(targets).contains("log-sum-exp, n = 10⁶: reverse gradient ≤ 4× the value: not measured in this run");
    }
}
