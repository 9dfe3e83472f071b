package dev.nabla.cli;

import dev.nabla.cli.support.ExitCode;
import dev.nabla.cli.support.JsonOption;
import dev.nabla.cli.support.Layout;
import dev.nabla.cli.support.Numbers;
import dev.nabla.cli.support.Output;
import dev.nabla.cli.support.PointOption;
import dev.nabla.cli.support.Points;
import dev.nabla.cli.support.UsageException;
import dev.nabla.cli.support.VariablesOption;
import dev.nabla.core.check.Differentiability;
import dev.nabla.core.check.DifferentiabilityReport;
import dev.nabla.symbolic.Formula;
import dev.nabla.symbolic.nonsmooth.ClarkeCalculus;
import dev.nabla.symbolic.nonsmooth.KinkAnalysis;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code nabla diffable EXPR --at POINT}: the differentiability test (docs/verification.md) with its verdict and
 * evidence, and the formula's kinks at the point. Exit code 1 unless the verdict is DIFFERENTIABLE.
 */
@Command(name = "diffable", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Is the field differentiable at the point? Estimates D_v f for many directions and tests",
                "v ↦ D_v f for linearity. Verdicts: DIFFERENTIABLE, DIRECTIONAL_NOT_LINEAR, ONE_SIDED_ONLY,",
                "NO_DIRECTIONAL_DERIVATIVE. Exit code 1 unless DIFFERENTIABLE."})
public final class DiffableCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;
    @Parameters(index = "0", paramLabel = "EXPR", description = "The field, e.g. \"abs(x) + y\".")
    private String expression;
    @Mixin
    private PointOption at;
    @Option(names = "--directions", defaultValue = "8", paramLabel = "K",
            description = "Number of seeded random unit directions, at least 2 (default ${DEFAULT-VALUE}).")
    private int directions;
    @Option(names = "--seed", defaultValue = "0", paramLabel = "N", description = "Seed of the random directions.")
    private long seed;
    @Mixin
    private VariablesOption variables;
    @Mixin
    private JsonOption json;

    /** JSON of {@code nabla diffable}. */
    public record Result(String expression, List<String> variables, double[] point, String verdict,
                         boolean differentiable, String evidence, double[] linearMap, double[] gradient,
                         Boolean agreesWithGradient, List<String> kinks, int directions, long seed) {
    }

    @Override
    public Integer call() {
        Output out = Output.of(spec);
        Formula f = variables.parse(expression);
        List<String> names = f.variables();
        double[] x = at.point(names);
        if (names.isEmpty()) {
            throw new UsageException("the expression has no variables: there are no directions to test");
        }
        if (directions < 2 || directions > CheckCommand.MAX_DIRECTIONS) {
            throw new UsageException("--directions must be between 2 and " + CheckCommand.MAX_DIRECTIONS
                    + ", got " + directions);
        }
        f.value(x);
        DifferentiabilityReport r = Differentiability.test(f, x, new Differentiability.Options(directions, seed));
        KinkAnalysis kinks = ClarkeCalculus.at(f, x);
        int code = r.verdict().isDifferentiable() ? ExitCode.OK : ExitCode.CHECK_FAILED;
        if (json.isEnabled()) {
            out.json(new Result(expression, names, x, r.verdict().name(), r.verdict().isDifferentiable(), r.evidence(),
                    r.linearMap(), r.gradient(), r.agreesWithGradient(), kinks.activeKinks(), r.limits().size(), seed));
            return code;
        }
        out.line(Layout.call("f", names) + " = " + f);
        out.line("at " + Points.describe(names, x) + ": " + r.verdict()
                + (r.verdict().isDifferentiable() ? "" : " — not differentiable"));
        out.line("  " + r.evidence());
        out.line("  kinks at the point: " + (kinks.activeKinks().isEmpty() ? "none"
                : String.join(", ", kinks.activeKinks())));
        if (r.linearMap() != null && r.verdict().isDifferentiable()) {
            out.line("  ∇f = " + Numbers.format(r.linearMap()) + " (from the limits along the axes)");
        }
        String axes = names.size() + (names.size() == 1 ? " axis, " : " axes, ");
        out.line("  (" + r.limits().size() + " directions: " + axes + directions + " random with seed " + seed
                + " and their sums; thresholds in docs/verification.md)");
        return code;
    }
}
