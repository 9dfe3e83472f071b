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
import dev.nabla.core.field.Vectors;
import dev.nabla.core.nonsmooth.ClarkeSubdifferential;
import dev.nabla.core.nonsmooth.GradientSampling;
import dev.nabla.core.nonsmooth.SampledSubdifferential;
import dev.nabla.core.onesided.DirectionalDerivative;
import dev.nabla.symbolic.Formula;
import dev.nabla.symbolic.nonsmooth.ClarkeCalculus;
import dev.nabla.symbolic.nonsmooth.KinkAnalysis;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code nabla subgrad EXPR --at POINT}: the Clarke subdifferential ∂f(x) — exact where the calculus is, an
 * enclosure or a gradient-sampling estimate otherwise, as it says — its minimum-norm element, the steepest-descent
 * direction and whether x is Clarke stationary. Exit code 1 when f is not locally Lipschitz at x.
 */
@Command(name = "subgrad", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"The Clarke subdifferential at the point (an interval, a ball or a polytope), exact where",
                "possible, its minimum-norm element and the steepest-descent direction.",
                "With --sample also the gradient-sampling estimate. Exit code 1 when f is not locally Lipschitz."})
public final class SubgradCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;
    @Parameters(index = "0", paramLabel = "EXPR", description = "The field, e.g. \"sqrt(x^2 + y^2)\".")
    private String expression;
    @Mixin
    private PointOption at;
    @Option(names = "--sample", description = "Also estimate ∂f by gradient sampling.")
    private boolean sample;
    @Option(names = "--samples", paramLabel = "M", description = "Gradients sampled (default 2n + 10).")
    private Integer samples;
    @Option(names = "--radius", paramLabel = "ε", description = "Sampling radius (default 1e-4·max(1, ‖x‖∞)).")
    private Double radius;
    @Option(names = "--seed", defaultValue = "0", paramLabel = "N", description = "Seed of the sampling.")
    private long seed;
    @Mixin
    private VariablesOption variables;
    @Mixin
    private JsonOption json;

    /** JSON of {@code nabla subgrad}. */
    public record Result(String expression, List<String> variables, double[] point, List<String> kinks,
                         boolean lipschitz, String notLipschitz, String discontinuous, Subdifferential subdifferential,
                         Subdifferential sampled) {
    }

    /** A Clarke set with its kind (exact, enclosure, estimate), the rule used, and what follows from it. */
    public record Subdifferential(String kind, ClarkeJson set, String explanation, double[] minimumNormElement,
                                  double stationarity, boolean stationary, double[] descentDirection) {
        static Subdifferential of(ClarkeSubdifferential s) {
            double[] g = s.set().minimumNormElement();
            double norm = Vectors.norm(g);
            return new Subdifferential(s.kind().name(), ClarkeJson.of(s.set()), s.explanation(), g, norm,
                    norm <= STATIONARY, norm <= STATIONARY ? null : Vectors.scale(-1 / norm, g));
        }
    }

    /** The most gradients a command line may ask to sample. */
    static final int MAX_SAMPLES = 100_000;

    /** ‖g*‖ at or below this counts as 0 ∈ ∂f (rounding of the set's description). */
    static final double STATIONARY = 1e-12;

    @Override
    public Integer call() {
        Output out = Output.of(spec);
        Formula f = variables.parse(expression);
        List<String> names = f.variables();
        double[] x = at.point(names);
        if (names.isEmpty()) {
            throw new UsageException("the expression has no variables: there is no subdifferential");
        }
        if ((samples != null && (samples < 0 || samples > MAX_SAMPLES)) || (radius != null && !(radius > 0))) {
            throw new UsageException("--samples must be between 0 and " + MAX_SAMPLES + " and --radius > 0");
        }
        KinkAnalysis analysis = ClarkeCalculus.at(f, x);
        SampledSubdifferential sampled = !sample ? null : GradientSampling.sample(f, x,
                radius != null ? radius : GradientSampling.defaultRadius(x),
                samples != null ? samples : GradientSampling.defaultSamples(x.length), new SplittableRandom(seed));
        boolean lipschitz = analysis.subdifferential() != null;
        if (json.isEnabled()) {
            out.json(new Result(expression, names, x, analysis.activeKinks(), lipschitz, analysis.notLipschitz(),
                    lipschitz ? null : jump(f, x),
                    lipschitz ? Subdifferential.of(analysis.subdifferential()) : null,
                    sampled == null ? null : Subdifferential.of(ClarkeSubdifferential.estimate(sampled))));
            return lipschitz ? ExitCode.OK : ExitCode.CHECK_FAILED;
        }
        out.line(Layout.call("f", names) + " = " + f);
        out.line("at " + Points.describe(names, x) + ": " + (analysis.activeKinks().isEmpty() ? "no kink"
                : "kinks " + String.join(", ", analysis.activeKinks())));
        if (!lipschitz) {
            out.line("  no Clarke subdifferential: f is not locally Lipschitz here (" + analysis.notLipschitz() + ")");
            String jump = jump(f, x);
            if (jump != null) {
                out.line("  f is not continuous at the point (" + jump + "): the Clarke set is not defined there");
            }
        } else {
            describe(out, analysis.subdifferential());
        }
        if (sampled != null) {
            out.line("gradient sampling (" + sampled.gradients().size() + " gradients within ε = "
                    + Numbers.format(sampled.radius()) + ", seed " + seed + "):");
            describe(out, ClarkeSubdifferential.estimate(sampled));
        }
        return lipschitz ? ExitCode.OK : ExitCode.CHECK_FAILED;
    }

    /** Why f is discontinuous at x (a jump along an axis direction, found exactly), or null. */
    static String jump(Formula f, double[] x) {
        for (DirectionalDerivative d : f.differentiability(x).tested()) {
            if (d.isJump()) {
                return "along v = " + Numbers.format(d.direction()) + ": " + d.reason();
            }
        }
        return null;
    }

    /** "= ", "⊆ " or "≈ " by the kind of the set. */
    static String relation(ClarkeSubdifferential s) {
        return switch (s.kind()) {
            case EXACT -> "= ";
            case ENCLOSURE -> "⊆ ";
            case ESTIMATE -> "≈ ";
        };
    }

    private static void describe(Output out, ClarkeSubdifferential s) {
        Subdifferential d = Subdifferential.of(s);
        out.line("  ∂f " + relation(s) + s.set() + "   (" + s.kind().name().toLowerCase() + ")");
        out.line("    " + s.explanation());
        out.line("  minimum-norm element g* = " + Numbers.format(d.minimumNormElement()) + ", ‖g*‖ = "
                + Numbers.format(d.stationarity()));
        out.line(d.stationary() ? "  0 ∈ ∂f: the point is Clarke stationary (no descent direction)"
                : "  steepest descent −g*/‖g*‖ = " + Numbers.format(d.descentDirection()));
    }
}
