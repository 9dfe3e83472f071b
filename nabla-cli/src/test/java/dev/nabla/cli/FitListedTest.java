package dev.nabla.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** nabla fit is listed by --help; without Spark on the class path it says where it runs, in one line (exit 2). */
class FitListedTest {

    @Test
    void helpListsFit() {
        CliRun r = CliRun.of("--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).containsPattern("\\n  fit +Fit parameters to data on Apache Spark");
    }

    @Test
    void withoutSparkFitSaysWhereItRuns() {
        CliRun r = CliRun.of("fit", "(y - a*x)^2", "data.csv", "--params", "a");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly("nabla fit: needs Apache Spark, which this installation does not"
                + " include: run it from a source checkout's ./nabla (docs/spark.md)");
    }
}
