package dev.nabla.cli;

import dev.nabla.cli.support.ExitCode;
import dev.nabla.cli.support.JsonFormula;
import dev.nabla.cli.support.JsonOption;
import dev.nabla.cli.support.Kinks;
import dev.nabla.cli.support.LatexOption;
import dev.nabla.cli.support.Layout;
import dev.nabla.cli.support.Numbers;
import dev.nabla.cli.support.Output;
import dev.nabla.cli.support.PointOption;
import dev.nabla.cli.support.Points;
import dev.nabla.cli.support.VariablesOption;
import dev.nabla.cli.support.VectorArgument;
import dev.nabla.cli.support.VectorConverter;
import dev.nabla.core.field.Gradient;
import dev.nabla.core.field.Kink;
import dev.nabla.core.field.Vectors;
import dev.nabla.symbolic.Formula;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code nabla grad EXPR --at POINT [--dir V]}: the symbolic gradient ∇f = (∂f/∂x_1, …, ∂f/∂x_n), its value
 * at the point, and with {@code --dir} the directional derivative D_v f = ∇f·v.
 */
@Command(name = "grad", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"The gradient of an expression: formulas and value at a point.",
                "With --dir v also the directional derivative D_v f = ∇f·v."})
public final class GradCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;
    @Parameters(index = "0", paramLabel = "EXPR", description = "The expression, e.g. \"x^2*sin(y) + y^3\".")
    private String expression;
    @Mixin
    private PointOption at;
    @Option(names = "--dir", paramLabel = "V", converter = VectorConverter.class,
            description = "A direction v, e.g. 1,-2: also print D_v f = ∇f·v.")
    private VectorArgument direction;
    @Mixin
    private VariablesOption variables;
    @Mixin
    private JsonOption json;
    @Mixin
    private LatexOption latex;

    /** JSON of {@code nabla grad}. */
    public record Result(String expression, List<String> variables, JsonFormula formula,
                         List<JsonFormula> gradientFormulas, double[] point, double value, double[] gradient,
                         boolean differentiable, List<Kink> kinks, Direction direction) {
    }

    /** The {@code direction} member: v, the formula ∇f·v, and D_v f at the point. */
    public record Direction(double[] v, JsonFormula formula, double value) {
    }

    @Override
    public Integer call() {
        Output out = Output.of(spec);
        Formula f = variables.parse(expression);
        List<String> names = f.variables();
        double[] x = at.point(names);
        double[] v = direction == null ? null : direction.components(names, "--dir");
        List<Formula> gradient = f.gradientFormulas();
        Gradient result = f.valueAndGradient(x);
        Kinks.warn(out, result, names);
        Formula dotFormula = v == null ? null : f.directionalDerivativeFormula(v);
        double derivative = v == null ? Double.NaN : Vectors.dot(result.gradient(), v);

        if (json.isEnabled()) {
            out.json(new Result(expression, names, JsonFormula.of(f), JsonFormula.of(gradient), x, result.value(),
                    result.gradient(), result.isSmooth(), result.kinks(),
                    v == null ? null : new Direction(v, JsonFormula.of(dotFormula), derivative)));
            return ExitCode.OK;
        }
        String oneSided = Kinks.label(result.kinks());
        if (latex.isEnabled()) {
            out.line(Layout.call("f", names) + " = " + f.toLatex());
            out.line(Layout.call("\\nabla f", names) + " = "
                    + Layout.latexTuple(gradient.stream().map(Formula::toLatex).toList()));
            List<String> point = Layout.latexNumbers(x);
            out.line(Layout.call("f", point) + " = " + Layout.latexNumber(result.value()));
            out.line(Layout.call("\\nabla f", point) + " = " + Layout.latexTuple(Layout.latexNumbers(result.gradient()))
                    + oneSided);
            if (v != null) {
                out.line("D_{v} f = \\nabla f \\cdot v = " + dotFormula.toLatex() + ", \\quad v = "
                        + Layout.latexTuple(Layout.latexNumbers(v)));
                out.line(Layout.call("D_{v} f", point) + " = " + Layout.latexNumber(derivative) + oneSided);
            }
            return ExitCode.OK;
        }
        out.line(Layout.call("f", names) + " = " + f);
        out.line(Layout.call("∇f", names) + " = " + Layout.tuple(gradient.stream().map(Formula::toString).toList()));
        if (v != null) {
            out.line(Layout.call("D_v f", names) + " = ∇f·v = " + dotFormula + "   with v = " + Numbers.format(v));
        }
        out.line("at " + Points.describe(names, x) + ":");
        out.line("  f = " + Numbers.format(result.value()));
        out.line("  ∇f = " + Numbers.format(result.gradient()) + oneSided);
        if (v != null) {
            out.line("  D_v f = " + Layout.writtenDot(result.gradient(), v) + " = " + Numbers.format(derivative)
                    + oneSided);
        }
        return ExitCode.OK;
    }
}
