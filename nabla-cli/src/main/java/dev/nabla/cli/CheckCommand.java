package dev.nabla.cli;

import dev.nabla.cli.support.ExitCode;
import dev.nabla.cli.support.JsonOption;
import dev.nabla.cli.support.Kinks;
import dev.nabla.cli.support.Layout;
import dev.nabla.cli.support.Numbers;
import dev.nabla.cli.support.Output;
import dev.nabla.cli.support.PointOption;
import dev.nabla.cli.support.Points;
import dev.nabla.cli.support.UsageException;
import dev.nabla.cli.support.VariablesOption;
import dev.nabla.core.check.CheckStatus;
import dev.nabla.core.check.DirectionCheck;
import dev.nabla.core.check.GradientCheck;
import dev.nabla.core.check.GradientCheckReport;
import dev.nabla.core.check.ExactDifferentiability;
import dev.nabla.core.check.StepError;
import dev.nabla.core.field.DomainException;
import dev.nabla.core.field.Vectors;
import dev.nabla.core.nonsmooth.ClarkeSubdifferential;
import dev.nabla.symbolic.nonsmooth.ClarkeCalculus;
import dev.nabla.symbolic.nonsmooth.KinkAnalysis;
import dev.nabla.core.numeric.StepLadder;
import dev.nabla.symbolic.Formula;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code nabla check EXPR --grad "G1; G2" --at POINT}: the gradient check — a claimed gradient against central
 * differences with Richardson extrapolation along the axes and seeded random directions (docs/verification.md).
 * Exit code 1 when the check does not pass.
 */
@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Check a claimed gradient against finite differences (axes + seeded random directions,",
                "a ladder of steps with Richardson extrapolation). Exit code 1 when it fails or is inconclusive."})
public final class CheckCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;
    @Parameters(index = "0", paramLabel = "EXPR", description = "The field, e.g. \"x^2*sin(y) + y^3\".")
    private String expression;
    @Option(names = "--grad", paramLabel = "G1; G2; …",
            description = "The claimed gradient, one formula per variable separated by ';' "
                    + "(default: Nabla's own symbolic gradient).")
    private String gradient;
    @Mixin
    private PointOption at;
    @Option(names = "--directions", defaultValue = "20", paramLabel = "K",
            description = "Number of seeded random unit directions (default ${DEFAULT-VALUE}).")
    private int directions;
    @Option(names = "--seed", defaultValue = "0", paramLabel = "N", description = "Seed of the random directions.")
    private long seed;
    @Option(names = "--tol", defaultValue = "1e-6", paramLabel = "τ",
            description = "Relative tolerance τ (default ${DEFAULT-VALUE}).")
    private double tolerance;
    @Option(names = "--no-axes", description = "Skip the coordinate axes (then no suspect components are named).")
    private boolean noAxes;
    @Mixin
    private VariablesOption variables;
    @Mixin
    private JsonOption json;

    /** JSON of {@code nabla check}. */
    public record Result(String expression, List<String> variables, double[] point, double value, String status,
                         boolean passed, List<String> claimedGradient, double[] claimed, double[] finiteDifferences,
                         List<String> suspects, Direction worst, List<Direction> directions, long seed,
                         double tolerance, List<String> kinks) {
    }

    /** One direction: the claim g·v, the extrapolated estimate ± its error, the allowance and every step. */
    public record Direction(String label, double[] direction, double claimed, double estimate, double estimateError,
                            double error, double allowed, String status, List<Step> ladder) {
        static Direction of(DirectionCheck d) {
            return new Direction(d.label(), d.direction(), d.claimed(), d.estimate().value(), d.estimate().error(),
                    d.error(), d.allowed(), d.status().name(),
                    d.ladder().stream().map(s -> new Step(s.step(), s.quotient(), s.error())).toList());
        }
    }

    /** A rung of the ladder: h, the central quotient, |quotient − claim|. */
    public record Step(double step, double quotient, double error) {
    }

    /** The most random directions a command line may ask for. */
    static final int MAX_DIRECTIONS = 10_000;

    @Override
    public Integer call() {
        Output out = Output.of(spec);
        Formula f = variables.parse(expression);
        List<String> names = f.variables();
        double[] x = at.point(names);
        if (names.isEmpty()) {
            throw new UsageException("the expression has no variables: there is no gradient to check");
        }
        if (directions < 0 || directions > MAX_DIRECTIONS || !(tolerance > 0)) {
            throw new UsageException("--directions must be between 0 and " + MAX_DIRECTIONS + " and --tol > 0");
        }
        List<Formula> claimed = claimedGradient(f, names);
        ExactDifferentiability differentiability = f.differentiability(x);
        if (!differentiability.differentiable()) {
            return clarke(out, f, names, x, claimed, differentiability);
        }
        GradientCheck.Options options = new GradientCheck.Options(directions, !noAxes, seed, tolerance,
                StepLadder.DEFAULT);
        GradientCheckReport report = GradientCheck.check(f, y -> evaluate(claimed, y), x, options);
        List<String> kinks = f.valueAndGradient(x).kinks().stream().map(k -> k.where()).distinct().toList();
        if (!kinks.isEmpty()) {
            Kinks.warn(out, f.valueAndGradient(x), names);
        }
        List<String> suspects = report.suspectComponents().stream().map(i -> "∂f/∂" + names.get(i)).toList();
        int code = report.passed() ? ExitCode.OK : ExitCode.CHECK_FAILED;
        if (json.isEnabled()) {
            out.json(new Result(expression, names, x, report.value(), report.status().name(), report.passed(),
                    claimed.stream().map(Formula::toString).toList(), report.claimedGradient(),
                    report.differenceGradient(), suspects, Direction.of(report.worst()),
                    report.directions().stream().map(Direction::of).toList(), seed, tolerance, kinks));
            return code;
        }
        out.line(Layout.call("f", names) + " = " + f);
        out.line("claimed ∇f = " + Layout.tuple(claimed.stream().map(Formula::toString).toList())
                + (gradient == null ? "   (Nabla's symbolic gradient)" : ""));
        out.line("at " + Points.describe(names, x) + ": " + report.status());
        if (!noAxes) {
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("component", "claimed", "finite differences", "status"));
            for (int i = 0; i < names.size(); i++) {
                DirectionCheck axis = report.directions().get(i);
                rows.add(List.of("∂f/∂" + names.get(i), Numbers.format(axis.claimed()),
                        Numbers.format(axis.estimate().value()) + " ± " + Numbers.error(axis.estimate().error()),
                        axis.status().name()));
            }
            for (String line : table(rows)) {
                out.line("  " + line);
            }
        }
        if (!suspects.isEmpty()) {
            out.line("  suspect: " + String.join(", ", suspects));
        }
        long failed = report.directions().stream().filter(d -> d.status() == CheckStatus.FAIL).count();
        int axes = noAxes ? 0 : names.size();
        out.line("  " + report.directions().size() + " directions (" + axes + (axes == 1 ? " axis + " : " axes + ")
                + directions + " random, seed " + seed + "): " + failed + " failed");
        DirectionCheck worst = report.worst();
        out.line("  worst: " + worst.label() + " v = " + Numbers.format(worst.direction()) + ": claimed "
                + Numbers.format(worst.claimed()) + ", finite differences " + Numbers.format(worst.estimate().value())
                + " ± " + Numbers.error(worst.estimate().error()) + ", error " + Numbers.rounded(worst.error(), 3)
                + (worst.error() > worst.allowed() ? " > " : " ≤ ") + "allowed " + Numbers.rounded(worst.allowed(), 3));
        out.line("  the V-curve along it (h, central quotient, |quotient − claim|):");
        for (StepError s : worst.ladder()) {
            out.line(String.format("    %-9s %-22s %s", Numbers.error(s.step()), Numbers.format(s.quotient()),
                    Numbers.rounded(s.error(), 3)));
        }
        return code;
    }

    /**
     * JSON of {@code nabla check} where f is not differentiable: no gradient exists, so the claim is tested for
     * membership of the Clarke subdifferential. {@code status} is IN_CLARKE_SET, NOT_IN_CLARKE_SET or
     * NO_CLARKE_SET (f not locally Lipschitz) or CLAIM_UNDEFINED (the claimed formulas are undefined at the
     * point, as ∇‖x‖ = x/‖x‖ at 0); never PASS.
     */
    public record ClarkeResult(String expression, List<String> variables, double[] point, double value, String status,
                               boolean passed, boolean differentiable, String differentiability,
                               List<String> claimedGradient, double[] claimed, SubgradCommand.Subdifferential subdifferential,
                               Double distance, double tolerance, String notLipschitz, List<String> kinks) {
    }

    /**
     * The claim at a point where f is not differentiable: it passes when it lies in the Clarke subdifferential
     * ∂f(x), within τ·max(1, ‖g‖) (distance to the set; for an estimated set also its spread).
     */
    private int clarke(Output out, Formula f, List<String> names, double[] x, List<Formula> claimed,
                       ExactDifferentiability differentiability) {
        double[] g;
        String undefined = null;
        try {
            g = evaluate(claimed, x);
        } catch (DomainException e) {
            g = null;
            undefined = e.getMessage();
        }
        KinkAnalysis analysis = ClarkeCalculus.at(f, x);
        ClarkeSubdifferential set = analysis.subdifferential();
        Double distance = set == null || g == null ? null : set.set().distance(g);
        double allowed = g == null ? 0 : tolerance * Math.max(1, Vectors.norm(g));
        String status = set == null ? "NO_CLARKE_SET" : g == null ? "CLAIM_UNDEFINED"
                : distance <= allowed ? "IN_CLARKE_SET" : "NOT_IN_CLARKE_SET";
        boolean passed = status.equals("IN_CLARKE_SET");
        int code = passed ? ExitCode.OK : ExitCode.CHECK_FAILED;
        if (json.isEnabled()) {
            out.json(new ClarkeResult(expression, names, x, f.value(x), status, passed, false,
                    differentiability.evidence(), claimed.stream().map(Formula::toString).toList(), g,
                    set == null ? null : SubgradCommand.Subdifferential.of(set), distance, tolerance,
                    analysis.notLipschitz(), analysis.activeKinks()));
            return code;
        }
        out.line(Layout.call("f", names) + " = " + f);
        out.line("claimed ∇f = " + Layout.tuple(claimed.stream().map(Formula::toString).toList())
                + (gradient == null ? "   (Nabla's symbolic gradient)" : ""));
        out.line("at " + Points.describe(names, x) + ": " + status);
        out.line("  f is not differentiable here, so no vector is its gradient: " + differentiability.evidence());
        if (set == null) {
            out.line("  and there is no Clarke subdifferential: f is not locally Lipschitz (" + analysis.notLipschitz()
                    + ")");
            return code;
        }
        if (g == null) {
            out.line("  the claimed gradient is undefined here: " + undefined);
            out.line("  Clarke subdifferential ∂f " + SubgradCommand.relation(set) + set.set());
            return code;
        }
        out.line("  claimed vector g = " + Numbers.format(g));
        out.line("  Clarke subdifferential ∂f " + SubgradCommand.relation(set) + set.set() + "   ("
                + set.kind().name().toLowerCase() + ")");
        out.line("  distance from g to ∂f = " + Numbers.format(distance) + (passed ? " ≤ " : " > ") + "allowed "
                + Numbers.rounded(allowed, 3) + (passed ? ": g is a Clarke subgradient" : ": g is not in ∂f"));
        return code;
    }

    private List<Formula> claimedGradient(Formula f, List<String> names) {
        if (gradient == null) {
            return f.gradientFormulas();
        }
        List<String> parts = Arrays.stream(gradient.split(";", -1)).map(String::strip).toList();
        if (parts.size() != names.size()) {
            throw new UsageException("--grad has " + parts.size() + " formula" + (parts.size() == 1 ? "" : "s")
                    + " but the variables are (" + String.join(", ", names) + "): give " + names.size()
                    + ", separated by ';'");
        }
        return Formula.parseAll(parts, names);
    }

    private static double[] evaluate(List<Formula> gradient, double[] y) {
        double[] g = new double[gradient.size()];
        for (int i = 0; i < g.length; i++) {
            g[i] = gradient.get(i).value(y);
        }
        return g;
    }

    /** Left-aligned columns. */
    static List<String> table(List<List<String>> rows) {
        int columns = rows.get(0).size();
        int[] width = new int[columns];
        for (List<String> row : rows) {
            for (int j = 0; j < columns; j++) {
                width[j] = Math.max(width[j], row.get(j).length());
            }
        }
        List<String> lines = new ArrayList<>();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int j = 0; j < columns; j++) {
                line.append(row.get(j));
                if (j < columns - 1) {
                    line.append(" ".repeat(width[j] - row.get(j).length() + 3));
                }
            }
            lines.add(line.toString());
        }
        return lines;
    }
}
