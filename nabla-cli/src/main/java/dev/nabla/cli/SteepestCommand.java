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
import dev.nabla.core.geometry.StationaryPoint;
import dev.nabla.core.geometry.SteepestAscent;
import dev.nabla.symbolic.Formula;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code nabla steepest EXPR --at POINT [--profile N]}: the directions ±∇f/‖∇f‖ and rates ±‖∇f‖ of steepest
 * ascent and descent; at a stationary point the Hessian classification instead; with {@code --profile} the
 * samples of D_{v(θ)} f = ‖∇f‖ cos(θ − θ_∇) of a 2-D field for a polar plot.
 */
@Command(name = "steepest", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Steepest ascent and descent at a point: directions ±∇f/‖∇f‖ and rates ±‖∇f‖.",
                "At a stationary point (∇f = 0) the Hessian classifies it: minimum, maximum, saddle or degenerate."})
public final class SteepestCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;
    @Parameters(index = "0", paramLabel = "EXPR", description = "The expression, e.g. \"x^2*sin(y) + y^3\".")
    private String expression;
    @Mixin
    private PointOption at;
    @Option(names = "--profile", paramLabel = "N",
            description = "2-D fields: also sample D_v f for N unit directions v(θ) = (cos θ, sin θ), θ = 2πk/N.")
    private Integer profile;
    @Mixin
    private VariablesOption variables;
    @Mixin
    private JsonOption json;

    /** JSON of {@code nabla steepest}. */
    public record Result(String expression, List<String> variables, double[] point, double value, double[] gradient,
                         double rate, double[] ascent, double[] descent, Stationary stationary, List<Sample> profile) {
    }

    /** At a stationary point: the classification and the Hessian's eigenvalues. */
    public record Stationary(String kind, double[] eigenvalues) {
    }

    /** One profile sample: θ (radians), v(θ), D_{v(θ)} f. */
    public record Sample(double angle, double[] direction, double derivative) {
    }

    @Override
    public Integer call() {
        Output out = Output.of(spec);
        Formula f = variables.parse(expression);
        List<String> names = f.variables();
        double[] x = at.point(names);
        if (profile != null && (profile < 1 || profile > 100_000)) {
            throw new UsageException("--profile: N must be in 1..100000, got " + profile);
        }
        if (profile != null && names.size() != 2) {
            throw new UsageException("--profile needs a field of 2 variables, this one has " + names);
        }
        SteepestAscent s = SteepestAscent.at(f, x);
        List<Sample> samples = profile == null ? null : s.profile(profile).stream()
                .map(p -> new Sample(p.angle(), p.direction(), p.directionalDerivative())).toList();
        Stationary stationary = s.stationary().map(p -> new Stationary(kind(p), p.eigenvalues())).orElse(null);
        if (json.isEnabled()) {
            out.json(new Result(expression, names, x, s.value(), s.gradient(), s.rate(), s.ascent().orElse(null),
                    s.descent().orElse(null), stationary, samples));
            return ExitCode.OK;
        }
        out.line(Layout.call("f", names) + " = " + f);
        out.line("at " + Points.describe(names, x) + ":");
        out.line("  f = " + Numbers.format(s.value()));
        out.line("  ∇f = " + Numbers.format(s.gradient()));
        if (stationary != null) {
            out.line("  ∇f = 0: a stationary point, no direction of steepest ascent");
            out.line("  Hessian eigenvalues " + Numbers.format(stationary.eigenvalues()) + ": " + stationary.kind());
        } else {
            out.line("  steepest ascent:  v = ∇f/‖∇f‖ = " + Numbers.format(s.ascent().orElseThrow())
                    + ", rate D_v f = ‖∇f‖ = " + Numbers.format(s.rate()));
            out.line("  steepest descent: v = −∇f/‖∇f‖ = " + Numbers.format(s.descent().orElseThrow())
                    + ", rate D_v f = −‖∇f‖ = " + Numbers.format(s.descentRate()));
        }
        if (samples != null) {
            out.line("  profile D_v(θ) f = ‖∇f‖ cos(θ − θ_∇), θ_∇ = " + Numbers.format(Math.atan2(s.gradient()[1], s.gradient()[0])) + ":");
            out.line(String.format(Locale.ROOT, "  %-22s %-45s %s", "θ", "v(θ)", "D_v f"));
            for (Sample p : samples) {
                out.line(String.format(Locale.ROOT, "  %-22s %-45s %s", Numbers.format(p.angle()),
                        Numbers.format(p.direction()), Numbers.format(p.derivative())));
            }
        }
        return ExitCode.OK;
    }

    private static String kind(StationaryPoint p) {
        return switch (p.kind()) {
            case MINIMUM -> "local minimum (all eigenvalues > 0)";
            case MAXIMUM -> "local maximum (all eigenvalues < 0)";
            case SADDLE -> "saddle point (eigenvalues of both signs)";
            case DEGENERATE -> "degenerate (a zero eigenvalue; the second-order test is inconclusive)";
        };
    }
}
