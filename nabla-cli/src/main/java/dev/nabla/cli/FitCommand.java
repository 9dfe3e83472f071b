package dev.nabla.cli;

import dev.nabla.cli.support.ExitCode;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code nabla fit} as {@code nabla --help} lists it. The command itself lives in the module nabla-spark
 * ({@code dev.nabla.spark.cli.FitCommand}), which needs Apache Spark on the class path: the source checkout's
 * {@code ./nabla} launcher runs it there before this jar is ever started. Reached here (the distribution
 * archive, which does not ship Spark), it says so in one line and exits 2.
 */
@Command(name = "fit", mixinStandardHelpOptions = true,
        description = {"Fit parameters to data on Apache Spark: minimise Σ_rows ℓ(θ; row) by L-BFGS or descent",
                "(nabla fit LOSS DATA --params NAMES [--master URL] [--method lbfgs|descent]; docs/spark.md)."})
final class FitCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "ARGS", description = "See 'nabla fit --help' in a source checkout.")
    List<String> args;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("nabla fit: needs Apache Spark, which this installation does not include:"
                + " run it from a source checkout's ./nabla (docs/spark.md)");
        return ExitCode.USAGE;
    }
}
