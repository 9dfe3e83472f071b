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
import dev.nabla.core.field.Gradient;
import dev.nabla.core.field.Kink;
import dev.nabla.symbolic.Formula;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nabla hess EXPR --at POINT}: the Hessian H_ij = ∂²f/∂x_i∂x_j, as formulas and at the point. */
@Command(name = "hess", mixinStandardHelpOptions = true, sortOptions = false,
        description = "The Hessian matrix of second partial derivatives: formulas and value at a point.")
public final class HessCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;
    @Parameters(index = "0", paramLabel = "EXPR", description = "The expression, e.g. \"x^2*sin(y) + y^3\".")
    private String expression;
    @Mixin
    private PointOption at;
    @Mixin
    private VariablesOption variables;
    @Mixin
    private JsonOption json;
    @Mixin
    private LatexOption latex;

    /** JSON of {@code nabla hess}. */
    public record Result(String expression, List<String> variables, JsonFormula formula,
                         List<List<JsonFormula>> hessianFormulas, double[] point, double value, double[] gradient,
                         double[][] hessian, boolean differentiable, List<Kink> kinks) {
    }

    @Override
    public Integer call() {
        Output out = Output.of(spec);
        Formula f = variables.parse(expression);
        List<String> names = f.variables();
        double[] x = at.point(names);
        List<List<Formula>> formulas = f.hessianFormulas();
        Gradient result = f.valueAndGradient(x);
        Kinks.warn(out, result, names);
        double[][] hessian = f.hessian(x);

        if (json.isEnabled()) {
            out.json(new Result(expression, names, JsonFormula.of(f), JsonFormula.matrix(formulas), x,
                    result.value(), result.gradient(), hessian, result.isSmooth(), result.kinks()));
            return ExitCode.OK;
        }
        String oneSided = Kinks.label(result.kinks());
        if (latex.isEnabled()) {
            out.line(Layout.call("f", names) + " = " + f.toLatex());
            out.line(Layout.call("H_f", names) + " = " + Layout.latexMatrix(
                    formulas.stream().map(row -> row.stream().map(Formula::toLatex).toList()).toList()));
            out.line(Layout.call("H_f", Layout.latexNumbers(x)) + " = " + Layout.latexMatrix(
                    Arrays.stream(hessian).map(Layout::latexNumbers).toList()) + oneSided);
            return ExitCode.OK;
        }
        out.line(Layout.call("f", names) + " = " + f);
        out.line(Layout.call("H_f", names) + " =");
        Layout.matrix(formulas.stream().map(row -> row.stream().map(Formula::toString).toList()).toList(), "  ")
                .forEach(out::line);
        out.line("at " + Points.describe(names, x) + ":");
        out.line("  f = " + Numbers.format(result.value()));
        out.line("  H_f =" + oneSided);
        Layout.matrix(Layout.cells(hessian), "  ").forEach(out::line);
        return ExitCode.OK;
    }
}
