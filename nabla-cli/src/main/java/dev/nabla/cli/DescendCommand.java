package dev.nabla.cli;

import dev.nabla.cli.plot.ContourSvg;
import dev.nabla.cli.support.ExitCode;
import dev.nabla.cli.support.Json;
import dev.nabla.cli.support.JsonOption;
import dev.nabla.cli.support.Layout;
import dev.nabla.cli.support.Numbers;
import dev.nabla.cli.support.Output;
import dev.nabla.cli.support.PointOption;
import dev.nabla.cli.support.Points;
import dev.nabla.cli.support.Terminal;
import dev.nabla.cli.support.UsageException;
import dev.nabla.cli.support.VariablesOption;
import dev.nabla.core.optim.ArmijoBacktracking;
import dev.nabla.core.optim.Iterate;
import dev.nabla.core.optim.OptimizationResult;
import dev.nabla.core.optim.Optimizer;
import dev.nabla.symbolic.Formula;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code nabla descend EXPR --at X0 [--method armijo|wolfe|lbfgs|sampling] …}: minimise f from x0 and report
 * the stop reason, counts and last point; {@code --out} writes the whole path (CSV or JSON), {@code --plot}
 * draws it on a contour map (2-D fields).
 */
@Command(name = "descend", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Minimise an expression from a starting point (--at) by a descent method with a line search.",
                "armijo: gradient descent + backtracking Armijo; wolfe: gradient descent + strong Wolfe;",
                "lbfgs: L-BFGS + strong Wolfe; sampling: gradient sampling for non-smooth f (min-norm Clarke element)."})
public final class DescendCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;
    @Parameters(index = "0", paramLabel = "EXPR", description = "The objective, e.g. \"(1-x)^2 + 100*(y-x^2)^2\".")
    private String expression;
    @Mixin
    private PointOption at;
    @Option(names = "--method", paramLabel = "METHOD", defaultValue = "armijo",
            description = "armijo (default), wolfe, lbfgs or sampling.")
    private String method;
    @Option(names = "--max-iter", paramLabel = "N", description = "Iteration limit (default 10000; sampling 1000 rounds).")
    private Integer maxIterations;
    @Option(names = "--tol", paramLabel = "TOL", description = "Stop at ‖∇f‖ ≤ TOL (default 1e-8; sampling: ‖g*‖ ≤ 1e-6).")
    private Double tolerance;
    @Option(names = "--c1", paramLabel = "C1", description = "Sufficient-decrease constant (default 1e-4).")
    private Double c1;
    @Option(names = "--rho", paramLabel = "RHO", description = "Armijo backtracking factor (default 0.5).")
    private Double rho;
    @Option(names = "--step", paramLabel = "ALPHA0", description = "Initial step α0 of every line search (default 1).")
    private Double initialStep;
    @Option(names = "--c2", paramLabel = "C2", description = "Strong-Wolfe curvature constant (default 0.9).")
    private Double c2;
    @Option(names = "--memory", paramLabel = "M", description = "L-BFGS memory (default 10).")
    private Integer memory;
    @Option(names = "--radius", paramLabel = "EPS", description = "Gradient sampling: initial radius ε0 (default 0.1).")
    private Double radius;
    @Option(names = "--seed", paramLabel = "SEED", description = "Gradient sampling: random seed (default 0).")
    private Long seed;
    @Option(names = "--out", paramLabel = "FILE", description = "Write the whole path to FILE.csv or FILE.json.")
    private Path out;
    @Option(names = "--plot", paramLabel = "FILE.svg", description = "2-D fields: draw the path on a contour map (SVG).")
    private Path plot;
    @Mixin
    private VariablesOption variables;
    @Mixin
    private JsonOption json;

    /** JSON of {@code nabla descend} (also the content of {@code --out path.json}). */
    public record Result(String expression, List<String> variables, String method, String stopReason, boolean converged,
                         int iterations, long valueEvaluations, long gradientEvaluations, double[] point, double value,
                         double gradientNorm, List<Step> path) {
    }

    /** One iterate: k, x_k, f(x_k), ‖∇f(x_k)‖, the step α and slope ∇f·d that led to it, cumulative counts. */
    public record Step(int k, double[] point, double value, double gradientNorm, double stepSize, double slope,
                       long valueEvaluations, long gradientEvaluations) {
    }

    @Override
    public Integer call() {
        Output output = Output.of(spec);
        Optimizer m = method();
        Formula f = variables.parse(expression);
        List<String> names = f.variables();
        double[] x0 = at.point(names);
        if (names.isEmpty()) {
            throw new UsageException("the expression has no variables: nothing to minimise");
        }
        if (plot != null && names.size() != 2) {
            throw new UsageException("--plot draws 2-D fields only; this one has variables " + names);
        }
        checkSuffix(out, "--out", ".csv", ".json");
        checkSuffix(plot, "--plot", ".svg");
        Progress progress = new Progress(spec.commandLine().getErr(), Terminal.stderrIsTerminal(), m.maxIterations(settings()),
                m.tolerance(settings()));
        OptimizationResult r = run(m, f, x0, progress);
        progress.done();
        Result result = result(f, names, r);
        if (out != null) {
            write(out, out.toString().toLowerCase(Locale.ROOT).endsWith(".json") ? Json.write(result) + "\n" : csv(names, r));
        }
        if (plot != null) {
            List<double[]> points = r.path().stream().map(Iterate::point).toList();
            String title = r.method() + ": " + expression;
            write(plot, ContourSvg.render(f, ContourSvg.window(points), 120, 16, points, title, names));
        }
        if (!r.converged()) {
            output.warning("did not converge: " + describe(r));
        }
        if (json.isEnabled()) {
            output.json(result);
            return ExitCode.OK;
        }
        output.line(Layout.call("f", names) + " = " + f);
        output.line(r.method() + " from " + Points.describe(names, x0) + ":");
        output.line("  stopped: " + describe(r) + " after " + r.iterations() + " iteration" + (r.iterations() == 1 ? "" : "s"));
        output.line("  evaluations: f " + r.valueEvaluations() + ", ∇f " + r.gradientEvaluations());
        output.line("  x = " + Numbers.format(r.point()));
        output.line("  f = " + Numbers.format(r.value()));
        output.line("  " + (m == Optimizer.SAMPLING ? "‖g*‖ (sampled min-norm Clarke element)" : "‖∇f‖") + " = "
                + Numbers.format(r.last().gradientNorm()));
        double constant = c1 == null ? ArmijoBacktracking.DEFAULT.c1() : c1;
        output.line("  Armijo condition (c1 = " + Numbers.format(constant) + ") "
                + (r.armijoHoldsAtEveryStep(constant) ? "held at every accepted step" : "FAILED at some step"));
        if (out != null) {
            output.line("  path written to " + out);
        }
        if (plot != null) {
            output.line("  contour plot written to " + plot);
        }
        return ExitCode.OK;
    }

    private Optimizer method() {
        try {
            return Optimizer.of(method);
        } catch (IllegalArgumentException unknown) {
            throw new UsageException("--method: " + unknown.getMessage());
        }
    }

    private Optimizer.Settings settings() {
        if (maxIterations != null && (maxIterations < 0 || maxIterations > 10_000_000)) {
            throw new UsageException("--max-iter must be in 0..10000000, got " + maxIterations);
        }
        return new Optimizer.Settings(tolerance, maxIterations, c1, rho, initialStep, c2, memory, radius, seed);
    }

    private OptimizationResult run(Optimizer m, Formula f, double[] x0, Consumer<Iterate> listener) {
        try {
            return m.minimize(f, x0, settings(), listener);
        } catch (IllegalArgumentException bad) {
            throw new UsageException(bad.getMessage());
        }
    }

    private static String describe(OptimizationResult r) {
        return switch (r.stopReason()) {
            case GRADIENT_TOLERANCE -> "gradient tolerance reached";
            case STATIONARITY_TOLERANCE -> "stationarity tolerance reached at the smallest sampling radius";
            case ITERATION_LIMIT -> "iteration limit reached";
            case LINE_SEARCH_FAILURE -> "line search found no sufficient decrease";
            case NON_FINITE_VALUE -> "f or ∇f not finite";
        };
    }

    private Result result(Formula f, List<String> names, OptimizationResult r) {
        List<Step> steps = new ArrayList<>();
        for (Iterate it : r.path()) {
            steps.add(new Step(it.index(), it.point(), it.value(), it.gradientNorm(), it.stepSize(), it.slope(),
                    it.valueEvaluations(), it.gradientEvaluations()));
        }
        return new Result(expression, names, r.method(), r.stopReason().name().toLowerCase(Locale.ROOT), r.converged(),
                r.iterations(), r.valueEvaluations(), r.gradientEvaluations(), r.point(), r.value(),
                r.last().gradientNorm(), steps);
    }

    private static String csv(List<String> names, OptimizationResult r) {
        StringBuilder sb = new StringBuilder("k,");
        sb.append(String.join(",", names)).append(",f,gradient_norm,step,slope,f_evaluations,gradient_evaluations\n");
        for (Iterate it : r.path()) {
            sb.append(it.index());
            for (double xi : it.point()) {
                sb.append(',').append(Numbers.format(xi));
            }
            sb.append(',').append(Numbers.format(it.value())).append(',').append(Numbers.format(it.gradientNorm()))
                    .append(',').append(Numbers.format(it.stepSize())).append(',').append(Numbers.format(it.slope()))
                    .append(',').append(it.valueEvaluations()).append(',').append(it.gradientEvaluations()).append('\n');
        }
        return sb.toString();
    }

    private static void checkSuffix(Path file, String option, String... suffixes) {
        if (file == null) {
            return;
        }
        String name = file.toString().toLowerCase(Locale.ROOT);
        for (String s : suffixes) {
            if (name.endsWith(s)) {
                return;
            }
        }
        throw new UsageException(option + ": '" + file + "' must end in " + String.join(" or ", suffixes));
    }

    private static void write(Path file, String content) {
        try {
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageException("cannot write " + file + ": " + e.getMessage());
        }
    }

    /**
     * A one-line progress bar on stderr, redrawn at most every 100 ms and only in an interactive terminal:
     * the fraction is the larger of iterations / limit and the decades of ‖∇f‖ already gained toward the tolerance.
     */
    private static final class Progress implements Consumer<Iterate> {
        private final PrintWriter err;
        private final boolean enabled;
        private final int limit;
        private final double tolerance;
        private double firstNorm = Double.NaN;
        private long lastDraw;
        private boolean drawn;

        Progress(PrintWriter err, boolean enabled, int limit, double tolerance) {
            this.err = err;
            this.enabled = enabled;
            this.limit = limit;
            this.tolerance = tolerance;
        }

        @Override
        public void accept(Iterate it) {
            if (!enabled) {
                return;
            }
            if (Double.isNaN(firstNorm)) {
                firstNorm = it.gradientNorm();
            }
            long now = System.nanoTime();
            if (drawn && now - lastDraw < 100_000_000L) {
                return;
            }
            lastDraw = now;
            drawn = true;
            double byIterations = limit == 0 ? 1 : (double) it.index() / limit;
            double byNorm = it.gradientNorm() > 0 && firstNorm > 0
                    ? Math.log10(firstNorm / it.gradientNorm()) / Math.max(1, Math.log10(firstNorm / Math.max(tolerance, 1e-300))) : 0;
            double fraction = Math.max(0, Math.min(1, Math.max(byIterations, byNorm)));
            int filled = (int) Math.round(30 * fraction);
            err.print(String.format(Locale.ROOT, "\r[%s%s] %3.0f%%  k = %d  f = %.6g  ‖∇f‖ = %.3g", "#".repeat(filled),
                    " ".repeat(30 - filled), 100 * fraction, it.index(), it.value(), it.gradientNorm()));
            err.flush();
        }

        void done() {
            if (drawn) {
                err.print("\r" + " ".repeat(90) + "\r");
                err.flush();
            }
        }
    }
}
