package dev.nabla.cli;

import dev.nabla.cli.support.ExitCode;
import dev.nabla.cli.support.JsonOption;
import dev.nabla.cli.support.Layout;
import dev.nabla.cli.support.Numbers;
import dev.nabla.cli.support.Output;
import dev.nabla.cli.support.PointOption;
import dev.nabla.cli.support.Points;
import dev.nabla.cli.support.VariablesOption;
import dev.nabla.core.field.DomainException;
import dev.nabla.core.field.Vectors;
import dev.nabla.core.geometry.LevelSet;
import dev.nabla.symbolic.Formula;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code nabla normal EXPR --at POINT}: the level set {f = c} through the point — unit normal ∇f/‖∇f‖, an
 * orthonormal basis of the tangent space, and the tangent line / plane ∇f(x)·(y − x) = 0.
 */
@Command(name = "normal", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"The level set through a point: unit normal ∇f/‖∇f‖, tangent-space basis, tangent line or plane.",
                "Exit 3 where ∇f = 0 (the level set has no normal there)."})
public final class NormalCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;
    @Parameters(index = "0", paramLabel = "EXPR", description = "The expression, e.g. \"x^2 + y^2\".")
    private String expression;
    @Mixin
    private PointOption at;
    @Mixin
    private VariablesOption variables;
    @Mixin
    private JsonOption json;

    /** JSON of {@code nabla normal}. */
    public record Result(String expression, List<String> variables, double[] point, double level, double[] gradient,
                         double[] unitNormal, List<double[]> tangentBasis, String tangent) {
    }

    @Override
    public Integer call() {
        Output out = Output.of(spec);
        Formula f = variables.parse(expression);
        List<String> names = f.variables();
        double[] x = at.point(names);
        double[] gradient = f.valueAndGradient(x).requireDifferentiable().gradient();
        if (Vectors.norm(gradient) == 0) {
            throw new DomainException("∇f", "the gradient vanishes, so the level set has no normal", x);
        }
        LevelSet l = LevelSet.through(f, x);
        if (json.isEnabled()) {
            out.json(new Result(expression, names, x, l.level(), l.gradient(), l.unitNormal(), l.tangentBasis(),
                    l.tangent().toString()));
            return ExitCode.OK;
        }
        out.line(Layout.call("f", names) + " = " + f);
        out.line("level set f = " + Numbers.format(l.level()) + " through " + Points.describe(names, x) + ":");
        out.line("  ∇f = " + Numbers.format(l.gradient()));
        out.line("  unit normal n = ∇f/‖∇f‖ = " + Numbers.format(l.unitNormal()));
        out.line("  tangent space (∇f·w = 0), orthonormal basis:");
        for (double[] w : l.tangentBasis()) {
            out.line("    " + Numbers.format(w));
        }
        String what = names.size() == 2 ? "line" : names.size() == 3 ? "plane" : "hyperplane";
        out.line("  tangent " + what + ": " + l.tangent());
        return ExitCode.OK;
    }
}
