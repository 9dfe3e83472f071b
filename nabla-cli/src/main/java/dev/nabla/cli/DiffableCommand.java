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
import dev.nabla.core.check.ExactDifferentiability;
import dev.nabla.core.onesided.DirectionalDerivative;
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
 * {@code nabla diffable EXPR --at POINT}: is f differentiable at the point? Decided from exact one-sided
 * directional derivatives (docs/verification.md): where v ↦ D_v f is not linear, a proof naming the two or
 * three directions that show it; where it is linear on the directions tested, what was proven (no kink: by the
 * chain rule) and what was only sampled. Exit code 1 unless the verdict is DIFFERENTIABLE.
 */
@Command(name = "diffable", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Is the field differentiable at the point? Computes D_v f exactly along ±axes, K random",
                "directions and their sums, and tests v ↦ D_v f for linearity. Verdicts: DIFFERENTIABLE,",
                "DIRECTIONAL_NOT_LINEAR, ONE_SIDED_ONLY, NO_DIRECTIONAL_DERIVATIVE. Exit code 1 unless DIFFERENTIABLE."})
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

    /** JSON of {@code nabla diffable}; {@code proven} says whether the verdict is a proof. */
    public record Result(String expression, List<String> variables, double[] point, String verdict,
                         boolean differentiable, boolean proven, String evidence, List<Witness> witnesses,
                         double[] linearMap, double[] gradient, Boolean agreesWithGradient, List<String> kinks,
                         int directions, long seed) {
    }

    /** A directional derivative that proves the verdict: v and D_v f (a number, "Infinity", or absent). */
    public record Witness(double[] direction, String kind, Double value, String reason) {
        static Witness of(DirectionalDerivative d) {
            return new Witness(d.direction(), d.kind().name(), d.exists() ? d.value() : null, d.reason());
        }
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
        double fx = f.value(x);
        ExactDifferentiability r = ExactDifferentiability.test(f.asRealFunction(), x, fx, directions, seed);
        KinkAnalysis kinks = ClarkeCalculus.at(f, x);
        double[] gradient = r.differentiable() ? f.valueAndGradient(x).gradient() : null;
        Boolean agrees = gradient == null || r.gradient() == null ? null : close(gradient, r.gradient());
        int code = r.differentiable() ? ExitCode.OK : ExitCode.CHECK_FAILED;
        if (json.isEnabled()) {
            out.json(new Result(expression, names, x, r.verdict().name(), r.differentiable(), r.proven(),
                    r.evidence(), r.witnesses().stream().map(Witness::of).toList(), r.gradient(), gradient, agrees,
                    kinks.activeKinks(), r.tested().size(), seed));
            return code;
        }
        out.line(Layout.call("f", names) + " = " + f);
        out.line("at " + Points.describe(names, x) + ": " + r.verdict() + (r.differentiable()
                ? r.proven() ? " (proven)" : " on every direction tested (sampled, not proven)"
                : " — not differentiable (proven)"));
        out.line("  " + r.evidence());
        for (DirectionalDerivative w : r.witnesses()) {
            out.line("    D_v f = " + w + " for v = " + Numbers.format(w.direction()));
        }
        out.line("  kinks at the point: " + (kinks.activeKinks().isEmpty() ? "none"
                : String.join(", ", kinks.activeKinks())));
        if (r.gradient() != null && r.differentiable()) {
            out.line("  ∇f = " + Numbers.format(r.gradient()) + " (from D_{e_i} f)" + (agrees == null ? ""
                    : agrees ? ", equal to ∇f from the symbolic gradient"
                    : "; the symbolic gradient " + Numbers.format(gradient) + " DISAGREES"));
        }
        String axes = names.size() + (names.size() == 1 ? " axis" : " axes");
        out.line("  (" + r.tested().size() + " exact directional derivatives: ± " + axes + ", ± " + directions
                + " random with seed " + seed + ", and sums of pairs; docs/verification.md)");
        return code;
    }

    /** Equal to the rounding of exact values: within 1e-10·max(1, |g_i|). */
    private static boolean close(double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) {
            if (Math.abs(a[i] - b[i]) > 1e-10 * Math.max(1, Math.abs(a[i]))) {
                return false;
            }
        }
        return true;
    }
}
