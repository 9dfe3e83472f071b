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
import dev.nabla.cli.support.VectorArgument;
import dev.nabla.cli.support.VectorConverter;
import dev.nabla.core.check.DirectionalLimit;
import dev.nabla.core.check.DirectionalLimits;
import dev.nabla.core.field.Gradient;
import dev.nabla.core.field.Vectors;
import dev.nabla.symbolic.Formula;
import dev.nabla.core.onesided.DirectionalDerivative;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code nabla limit EXPR --at POINT --dir V}: the directional derivative from its definition,
 * lim_{t→0±} (f(x + t v) − f(x)) / t, one- and two-sided, symbolically (exact) and numerically (step ladder and
 * Richardson extrapolation), compared with ∇f·v where the gradient exists. Exit code 1 when the two-sided limit
 * does not exist.
 */
@Command(name = "limit", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"The directional derivative from its definition, lim (f(x + t v) − f(x))/t as t → 0+, 0−,",
                "symbolically and numerically, compared with ∇f·v. Exit code 1 when the two-sided limit does not exist."})
public final class LimitCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;
    @Parameters(index = "0", paramLabel = "EXPR", description = "The field, e.g. \"sqrt(x^2 + y^2)\".")
    private String expression;
    @Mixin
    private PointOption at;
    @Option(names = "--dir", required = true, paramLabel = "V", converter = VectorConverter.class,
            description = "The direction v, e.g. 3,4 (not normalised: D_v f = ‖v‖ D_v̂ f).")
    private VectorArgument direction;
    @Mixin
    private VariablesOption variables;
    @Mixin
    private JsonOption json;

    /** JSON of {@code nabla limit}. */
    public record Result(String expression, List<String> variables, double[] point, double[] direction,
                         Side symbolic, Numeric numeric, boolean twoSided, Double derivative, Double gradientDot,
                         Boolean agreesWithGradient) {
    }

    /**
     * The exact one-sided limits (null members where one is not a finite number, with the reason; ±∞ is a
     * reason too), and the expansion of f(x + t v) for small t &gt; 0 the right limit was read from.
     */
    public record Side(Double right, Double left, String rightExpansion, String rightFailure, String leftFailure) {
    }

    /** The numerical one-sided limits with their error estimates. */
    public record Numeric(Double right, double rightError, Double left, double leftError, boolean twoSided) {
    }

    @Override
    public Integer call() {
        Output out = Output.of(spec);
        Formula f = variables.parse(expression);
        List<String> names = f.variables();
        double[] x = at.point(names);
        double[] v = direction.components(names, "--dir");
        if (Vectors.norm(v) == 0) {
            throw new UsageException("--dir must not be the zero vector");
        }
        f.value(x);
        DirectionalDerivative right = f.oneSidedDirectionalDerivative(x, v);
        // lim_{t↑0} (f(x + t v) − f(x)) / t = −D_{−v} f
        DirectionalDerivative minus = f.oneSidedDirectionalDerivative(x, Vectors.scale(-1, v));
        DirectionalLimit numeric = DirectionalLimits.of(f, x, v);
        boolean symbolicTwoSided = right.isFinite() && minus.isFinite()
                && Math.abs(right.value() + minus.value()) <= 1e-12 * Math.max(1, Math.abs(right.value()));
        // the exact computation decides when it succeeded on both sides; otherwise the numerical one
        boolean symbolicDecided = right.isFinite() && minus.isFinite();
        boolean twoSided = symbolicDecided ? symbolicTwoSided : numeric.twoSided();
        Double derivative = twoSided ? (symbolicTwoSided ? right.value() : numeric.value()) : null;
        Gradient g = f.valueAndGradient(x);
        Double dot = g.isSmooth() ? Vectors.dot(g.gradient(), v) : null;
        Boolean agrees = dot == null || derivative == null ? null
                : Math.abs(derivative - dot) <= 1e-9 * Math.max(1, Math.abs(dot));
        if (symbolicDecided && symbolicTwoSided != numeric.twoSided()) {
            out.warning("the numerical estimate " + (numeric.twoSided() ? "finds" : "does not find")
                    + " a two-sided limit; the exact computation decides");
        }
        if (json.isEnabled()) {
            out.json(new Result(expression, names, x, v,
                    new Side(right.isFinite() ? right.value() : null, minus.isFinite() ? -minus.value() : null,
                            right.expansion(), failure(right), failure(minus)),
                    new Numeric(numeric.right().exists() ? numeric.right().value() : null,
                            numeric.right().estimate().error(), numeric.left().exists() ? numeric.left().value() : null,
                            numeric.left().estimate().error(), numeric.twoSided()),
                    twoSided, derivative, dot, agrees));
            return twoSided ? ExitCode.OK : ExitCode.CHECK_FAILED;
        }
        out.line(Layout.call("f", names) + " = " + f);
        out.line("v = " + Numbers.format(v));
        out.line("D_v f at " + Points.describe(names, x) + " = lim (f(x + t v) − f(x)) / t:");
        out.line("  exact      t→0+: " + right + "   t→0−: " + (minus.isFinite() ? Numbers.format(-minus.value())
                : minus.kind() == DirectionalDerivative.Kind.POSITIVE_INFINITY ? "−∞"
                : minus.kind() == DirectionalDerivative.Kind.NEGATIVE_INFINITY ? "+∞" : minus.toString()));
        if (right.expansion() != null) {
            out.line("             f(x + t v) = " + right.expansion() + " for small t > 0");
        }
        out.line("  numerical  " + numeric.right() + "   " + numeric.left());
        if (twoSided) {
            out.line("  two-sided: D_v f = " + Numbers.format(derivative));
        } else {
            out.line("  two-sided: does not exist"
                    + (symbolicDecided ? " (the one-sided limits differ)" : ""));
        }
        if (dot != null) {
            out.line("  ∇f·v = " + Layout.writtenDot(g.gradient(), v) + " = " + Numbers.format(dot)
                    + (agrees == null ? "" : agrees ? "   (agrees)" : "   (DISAGREES)"));
        } else {
            out.line("  ∇f·v: no gradient at the point (kink of "
                    + dev.nabla.cli.support.Kinks.describe(g.kinks()) + ")");
        }
        return twoSided ? ExitCode.OK : ExitCode.CHECK_FAILED;
    }

    /** Why a one-sided limit is not a finite number, null when it is. */
    private static String failure(DirectionalDerivative d) {
        return d.isFinite() ? null : d.toString();
    }
}
