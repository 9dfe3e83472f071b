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
import dev.nabla.cli.support.UsageException;
import dev.nabla.cli.support.VariablesOption;
import dev.nabla.cli.support.VectorArgument;
import dev.nabla.cli.support.VectorConverter;
import dev.nabla.core.field.DomainException;
import dev.nabla.core.field.Gradient;
import dev.nabla.core.field.Kink;
import dev.nabla.core.field.Vectors;
import dev.nabla.symbolic.Formula;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code nabla dir EXPR --at POINT --dir V [--unit]}: the directional derivative D_v f, both ways the documents
 * compute it — ∇f·v and d/dt f(x + t v) at t = 0 — and with {@code --unit} also D_v̂ f = D_v f / ‖v‖.
 */
@Command(name = "dir", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"The directional derivative D_v f, as ∇f·v and as d/dt f(x + t v) at t = 0.",
                "With --unit also D_v̂ f for the unit vector v̂ = v/‖v‖."})
public final class DirCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;
    @Parameters(index = "0", paramLabel = "EXPR", description = "The expression, e.g. \"x^2*sin(y) + y^3\".")
    private String expression;
    @Mixin
    private PointOption at;
    @Option(names = "--dir", required = true, paramLabel = "V", converter = VectorConverter.class,
            description = "The direction v, e.g. 1,-2.")
    private VectorArgument direction;
    @Option(names = "--unit", description = "Normalise v and print D_v f and D_v̂ f = D_v f / ‖v‖.")
    private boolean unit;
    @Mixin
    private VariablesOption variables;
    @Mixin
    private JsonOption json;
    @Mixin
    private LatexOption latex;

    /** JSON of {@code nabla dir}. */
    public record Result(String expression, List<String> variables, JsonFormula formula, double[] point,
                         double value, double[] direction, double[] gradient, JsonFormula dotFormula,
                         JsonFormula definitionFormula, double derivative, Double derivativeByDefinition,
                         String definitionUndefined, Unit unit, boolean differentiable, List<Kink> kinks) {
    }

    /** The {@code unit} member (with {@code --unit}): ‖v‖, v̂ = v/‖v‖ and D_v̂ f = ∇f·v̂. */
    public record Unit(double norm, double[] direction, double derivative) {
    }

    @Override
    public Integer call() {
        Output out = Output.of(spec);
        Formula f = variables.parse(expression);
        List<String> names = f.variables();
        double[] x = at.point(names);
        double[] v = direction.components(names, "--dir");
        double norm = Vectors.norm(v);
        if (unit && norm == 0) {
            throw new UsageException("--unit needs a non-zero direction, got --dir " + Numbers.format(v));
        }
        Gradient result = f.valueAndGradient(x);
        Kinks.warn(out, result, names);
        Formula dotFormula = f.directionalDerivativeFormula(v);
        Formula definitionFormula = f.directionalDerivativeByDefinition(v);
        double derivative = Vectors.dot(result.gradient(), v);
        // f is defined at x (its value was computed), but the derivative formula may not be: sqrt(x^2 + y^2) at 0
        Double byDefinition = null;
        String undefined = null;
        try {
            byDefinition = definitionFormula.value(x);
        } catch (DomainException e) {
            undefined = e.getMessage();
        }
        double[] unitDirection = unit ? Vectors.scale(1 / norm, v) : null;
        Unit unitResult = unit ? new Unit(norm, unitDirection, Vectors.dot(result.gradient(), unitDirection)) : null;

        if (json.isEnabled()) {
            out.json(new Result(expression, names, JsonFormula.of(f), x, result.value(), v, result.gradient(),
                    JsonFormula.of(dotFormula), JsonFormula.of(definitionFormula), derivative, byDefinition,
                    undefined, unitResult, result.isSmooth(), result.kinks()));
            return ExitCode.OK;
        }
        String oneSided = Kinks.label(result.kinks());
        if (latex.isEnabled()) {
            List<String> point = Layout.latexNumbers(x);
            out.line(Layout.call("f", names) + " = " + f.toLatex());
            out.line("v = " + Layout.latexTuple(Layout.latexNumbers(v)));
            out.line(Layout.call("D_{v} f", names) + " = \\nabla f \\cdot v = " + dotFormula.toLatex());
            out.line(Layout.call("D_{v} f", names) + " = \\left. \\frac{d}{dt} f(" + shifted(names, v, true)
                    + ") \\right|_{t=0} = " + definitionFormula.toLatex());
            out.line(Layout.call("D_{v} f", point) + " = " + Layout.latexNumber(derivative) + oneSided);
            if (unit) {
                out.line("\\hat{v} = v / \\|v\\| = " + Layout.latexTuple(Layout.latexNumbers(unitDirection))
                        + ", \\quad \\|v\\| = " + Layout.latexNumber(norm));
                out.line(Layout.call("D_{\\hat{v}} f", point) + " = " + Layout.latexNumber(unitResult.derivative())
                        + oneSided);
            }
            return ExitCode.OK;
        }
        out.line(Layout.call("f", names) + " = " + f);
        out.line("v = " + Numbers.format(v));
        out.line(Layout.call("D_v f", names) + " = ∇f·v = " + dotFormula);
        out.line(Layout.call("D_v f", names) + " = d/dt f(" + shifted(names, v, false) + ") at t = 0 = "
                + definitionFormula);
        out.line("at " + Points.describe(names, x) + ":");
        out.line("  D_v f = ∇f·v = " + Layout.writtenDot(result.gradient(), v) + " = " + Numbers.format(derivative)
                + oneSided);
        out.line("  D_v f = d/dt f(x + t v) at t = 0 " + (undefined == null ? "= " + Numbers.format(byDefinition)
                + oneSided : "is undefined here: " + undefined));
        if (unit) {
            out.line("  ‖v‖ = " + Numbers.format(norm) + ", v̂ = v/‖v‖ = " + Numbers.format(unitDirection));
            out.line("  D_v̂ f = ∇f·v̂ = D_v f/‖v‖ = " + Numbers.format(unitResult.derivative()) + oneSided);
        }
        return ExitCode.OK;
    }

    /** The arguments of f(x + t v): {@code x + t, y - 2*t} (a zero component leaves the variable alone). */
    private static String shifted(List<String> names, double[] v, boolean latex) {
        List<String> args = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            double c = v[i];
            String magnitude = Math.abs(c) == 1 ? "t" : (latex ? Layout.latexNumber(Math.abs(c)) + " t"
                    : Numbers.format(Math.abs(c)) + "*t");
            args.add(c == 0 ? names.get(i) : names.get(i) + (c < 0 ? " - " : " + ") + magnitude);
        }
        return String.join(", ", args);
    }
}
