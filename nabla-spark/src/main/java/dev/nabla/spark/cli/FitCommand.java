package dev.nabla.spark.cli;

import dev.nabla.core.field.DomainException;
import dev.nabla.core.field.NonDifferentiableException;
import dev.nabla.core.optim.ArmijoBacktracking;
import dev.nabla.core.optim.GradientDescent;
import dev.nabla.core.optim.Iterate;
import dev.nabla.core.optim.Lbfgs;
import dev.nabla.core.optim.OptimizationResult;
import dev.nabla.core.optim.StrongWolfe;
import dev.nabla.core.optim.Termination;
import dev.nabla.spark.DataException;
import dev.nabla.spark.Loss;
import dev.nabla.spark.PassStatistics;
import dev.nabla.spark.Sessions;
import dev.nabla.spark.SparkObjective;
import dev.nabla.symbolic.Formula;
import dev.nabla.symbolic.ParseException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code nabla fit LOSS DATA --params w1,w2,b [--columns x1,x2,y] [--master URL] [--method lbfgs|descent] …}:
 * minimise f(θ) = Σᵢ ℓ(θ; rowᵢ) (+ r(θ)) over a Parquet or CSV data set on Spark, printing one line per
 * iteration, the final parameters, the gradient norm and the throughput.
 *
 * <p>Exit codes as every {@code nabla} command: 0 done (also when the run stopped before its tolerance: the
 * stop reason says so), 2 bad input (usage, parse error, missing column, a value that is not a number),
 * 3 mathematics (the loss undefined or not finite on a row at the starting point), 4 internal error; failures
 * print one line on stderr, never a stack trace.
 */
@Command(name = "fit", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Minimise Σ_rows ℓ(θ; row) over a data set on Apache Spark (embedded local[*] by default).",
                "ℓ is a formula of the parameters (--params) and the data's columns, differentiated symbolically;",
                "value and gradient are one pass over the cached rows, tree-aggregated; L-BFGS or gradient descent",
                "with an Armijo line search runs on the driver."})
public final class FitCommand implements Callable<Integer> {
    static final int OK = 0;
    static final int USAGE = 2;
    static final int DOMAIN = 3;
    static final int INTERNAL = 4;

    @Spec
    private CommandSpec spec;
    @Parameters(index = "0", paramLabel = "LOSS", description = "ℓ(θ; row), e.g. \"log(1 + exp(-y*(w1*x1 + w2*x2 + b)))\".")
    private String loss;
    @Parameters(index = "1", paramLabel = "DATA", description = "A Parquet file or directory, or a CSV file with a header line.")
    private String data;
    @Option(names = "--params", paramLabel = "NAMES", required = true, split = ",",
            description = "The parameters θ, e.g. w1,w2,b.")
    private List<String> params;
    @Option(names = "--columns", paramLabel = "NAMES", split = ",",
            description = "The data columns ℓ reads (default: every other variable of LOSS).")
    private List<String> columns;
    @Option(names = "--start", paramLabel = "VALUES", split = ",", description = "θ0 (default all 0).")
    private List<Double> start;
    @Option(names = "--master", paramLabel = "URL", defaultValue = "local[*]",
            description = "Spark master: local[*] (default, embedded), local[N], spark://host:7077, yarn, …")
    private String master;
    @Option(names = "--method", paramLabel = "METHOD", defaultValue = "lbfgs",
            description = "lbfgs (default: L-BFGS, strong Wolfe) or descent (gradient descent, Armijo backtracking).")
    private String method;
    @Option(names = "--tol", paramLabel = "TOL", defaultValue = "1e-6", description = "Stop at ‖∇f‖ ≤ TOL (default 1e-6).")
    private double tolerance;
    @Option(names = "--max-iter", paramLabel = "N", defaultValue = "100", description = "Iteration limit (default 100).")
    private int maxIterations;
    @Option(names = "--mean", description = "Minimise the mean (1/N) Σ ℓ instead of the sum.")
    private boolean mean;
    @Option(names = "--regularizer", paramLabel = "EXPR",
            description = "r(θ) added on the driver, a formula of the parameters, e.g. \"0.01*(w1^2 + w2^2)\".")
    private String regularizer;
    @Option(names = "--partitions", paramLabel = "N", defaultValue = "0",
            description = "Spread the rows over N partitions (default: as read).")
    private int partitions;
    @Option(names = "--format", paramLabel = "FORMAT", description = "parquet or csv (default: from the file name).")
    private String format;

    /**
     * Runs {@code nabla fit} and exits with its code.
     *
     * @param args the command line after "fit"
     */
    public static void main(String[] args) {
        if (System.getProperty("log4j2.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile", "classpath:nabla-spark-log4j2.properties");
        }
        int code = run(args);
        System.exit(code);
    }

    /** Runs the command with its error handling (one line, exit code) and stops the Spark session it started. */
    static int run(String... args) {
        return commandLine().execute(args);
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new FitCommand());
        cl.setCommandName("nabla fit");
        cl.setParameterExceptionHandler((ex, args) -> {
            ex.getCommandLine().getErr().println("nabla fit: " + oneLine(ex.getMessage()) + " (see 'nabla fit --help')");
            return USAGE;
        });
        cl.setExecutionExceptionHandler((ex, command, parsed) -> {
            PrintWriter err = command.getErr();
            int code = report(ex, err);
            err.flush();
            return code;
        });
        return cl;
    }

    /** One clear line for a failure; returns the exit code. */
    static int report(Exception ex, PrintWriter err) {
        Throwable t = ex;
        if (t instanceof ParseException parse) {
            String[] lines = parse.getMessage().split("\n", -1);
            err.println("nabla fit: parse error: " + lines[0]);
            for (int i = 1; i < lines.length; i++) {
                err.println(lines[i]);
            }
            return USAGE;
        }
        if (t instanceof DomainException || t instanceof NonDifferentiableException) {
            err.println("nabla fit: " + oneLine(t.getMessage()));
            return DOMAIN;
        }
        if (t instanceof IllegalArgumentException) { // DataException and usage errors
            err.println("nabla fit: " + oneLine(t.getMessage()));
            return USAGE;
        }
        if (t.getClass().getName().equals("org.apache.spark.sql.AnalysisException")) {
            err.println("nabla fit: cannot read " + oneLine(t.getMessage()));
            return USAGE;
        }
        err.println("nabla fit: internal error (please report): " + oneLine(String.valueOf(t)));
        return INTERNAL;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Method m = method();
        if (maxIterations < 0 || !(tolerance >= 0)) {
            throw new IllegalArgumentException("--max-iter and --tol must be ≥ 0");
        }
        Loss l = Loss.formula(loss, params, columns);
        double[] theta0 = new double[params.size()];
        if (start != null) {
            if (start.size() != params.size()) {
                throw new IllegalArgumentException("--start has " + start.size() + " values for the " + params.size()
                        + " parameters " + params);
            }
            for (int i = 0; i < theta0.length; i++) {
                theta0[i] = start.get(i);
            }
        }
        Formula r = regularizer == null ? null : Formula.parse(regularizer, params);
        SparkSession spark = Sessions.create(master, "nabla fit");
        Dataset<Row> frame = read(spark);
        try (SparkObjective sum = SparkObjective.of(frame, l, partitions)) {
            SparkObjective f = mean ? sum.mean() : sum;
            if (r != null) {
                f = f.withRegularizer(r);
            }
            out.println("nabla fit: " + f.rows() + " rows × " + l.columns().size() + (l.columns().size() == 1 ? " column " : " columns ")
                    + l.columns() + " from "
                    + data + " in " + sum.data().partitions() + (sum.data().partitions() == 1 ? " partition" : " partitions") + ", master " + spark.sparkContext().master());
            out.println("f(θ) = " + (mean ? "(1/N) " : "") + "Σ " + l.describe() + (r == null ? "" : " + " + r.source())
                    + ",  θ = " + params);
            Termination termination = new Termination(tolerance, maxIterations);
            out.println(String.format(Locale.ROOT, "%5s  %-24s %-10s %-10s %6s %12s", "k", "f(θ)", "‖∇f‖", "step", "passes", "rows/s"));
            Progress progress = new Progress(out, sum);
            OptimizationResult result = m == Method.LBFGS
                    ? new Lbfgs(10, StrongWolfe.DEFAULT, termination).minimize(f, theta0, progress)
                    : new GradientDescent(ArmijoBacktracking.DEFAULT, termination).minimize(f, theta0, progress);
            PassStatistics s = sum.statistics();
            out.println(result.method() + " stopped: " + describe(result) + " after " + result.iterations() + " iteration"
                    + (result.iterations() == 1 ? "" : "s") + " (" + s.passes() + " passes over the data)");
            double[] theta = result.point();
            for (int i = 0; i < theta.length; i++) {
                out.println("  " + params.get(i) + " = " + number(theta[i]));
            }
            out.println("  f = " + number(result.value()));
            out.println("  ‖∇f‖ = " + number(result.last().gradientNorm()));
            f.valueAndGradient(theta); // the pass at θ (kept from the run), with the rows that met a kink there
            if (!f.kinks().isEmpty()) {
                out.println("kinks at θ: " + f.kinks() + ": ∇f there sums one-sided conventions and f may not be"
                        + " differentiable at θ");
            }
            out.println(String.format(Locale.ROOT, "throughput: %d rows in %.3f s of passes, %.4g rows/s (%.4g s per pass)",
                    s.rows(), s.nanos() * 1e-9, s.rowsPerSecond(), s.secondsPerPass()));
            out.flush();
            return OK;
        }
    }

    private Dataset<Row> read(SparkSession spark) {
        String f = format != null ? format.toLowerCase(Locale.ROOT)
                : data.toLowerCase(Locale.ROOT).endsWith(".csv") ? "csv" : "parquet";
        return switch (f) {
            case "csv" -> spark.read().option("header", "true").csv(data);
            case "parquet" -> spark.read().parquet(data);
            default -> throw new IllegalArgumentException("--format: unknown format '" + format + "' (expected parquet or csv)");
        };
    }

    enum Method { LBFGS, DESCENT }

    private Method method() {
        try {
            return Method.valueOf(method.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException("--method: unknown method '" + method + "' (expected lbfgs or descent)");
        }
    }

    private static String describe(OptimizationResult r) {
        return switch (r.stopReason()) {
            case GRADIENT_TOLERANCE, STATIONARITY_TOLERANCE -> "gradient tolerance reached";
            case ITERATION_LIMIT -> "iteration limit reached";
            case LINE_SEARCH_FAILURE -> "line search found no sufficient decrease (the precision floor of f, or a bad model)";
            case NON_FINITE_VALUE -> "f or ∇f not finite";
        };
    }

    /** A double as the decimal Java reads back to the same double, with a lower-case exponent (5.2e-7). */
    static String number(double x) {
        return Double.toString(x).replace('E', 'e');
    }

    static String oneLine(String message) {
        return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", "; ");
    }

    /** One line per accepted iterate: k, f, ‖∇f‖, the step, the passes so far and the rows/s of the passes so far. */
    private static final class Progress implements Consumer<Iterate> {
        private final PrintWriter out;
        private final SparkObjective counted;

        Progress(PrintWriter out, SparkObjective counted) {
            this.out = out;
            this.counted = counted;
        }

        @Override
        public void accept(Iterate it) {
            PassStatistics s = counted.statistics();
            out.println(String.format(Locale.ROOT, "%5d  %-24s %-10.3e %-10.3g %6d %12.4g", it.index(),
                    number(it.value()), it.gradientNorm(), it.stepSize(), s.passes(), s.rowsPerSecond()));
            out.flush();
        }
    }
}
