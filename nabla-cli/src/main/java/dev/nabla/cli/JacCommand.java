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
import dev.nabla.core.field.Gradient;
import dev.nabla.core.field.Kink;
import dev.nabla.symbolic.Formula;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code nabla jac "u1; u2; …" --at POINT}: the Jacobian of u = (u_1, …, u_m), J_ij = ∂u_i/∂x_j (row i is
 * ∇u_i), as formulas and at the point. The variables are those of all components together (or {@code --vars}).
 */
@Command(name = "jac", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"The Jacobian of several expressions separated by ';': formulas and value at a point.",
                "Row i is the gradient of the i-th expression."})
public final class JacCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;
    @Parameters(index = "0", paramLabel = "EXPRS", description = "Expressions separated by ';', e.g. \"x*y; x + y\".")
    private String expressions;
    @Mixin
    private PointOption at;
    @Mixin
    private VariablesOption variables;
    @Mixin
    private JsonOption json;
    @Mixin
    private LatexOption latex;

    /** JSON of {@code nabla jac}. */
    public record Result(List<String> expressions, List<String> variables, List<JsonFormula> components,
                         List<List<JsonFormula>> jacobianFormulas, double[] point, double[] values,
                         double[][] jacobian, boolean differentiable, List<Kink> kinks) {
    }

    @Override
    public Integer call() {
        Output out = Output.of(spec);
        List<String> sources = split(expressions);
        List<Formula> components = Formula.parseAll(sources, variables.variables());
        List<String> names = components.get(0).variables();
        double[] x = at.point(names);
        List<List<Formula>> formulas = components.stream().map(Formula::gradientFormulas).toList();
        double[] values = new double[components.size()];
        double[][] jacobian = new double[components.size()][];
        List<Kink> kinks = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            Gradient row = components.get(i).valueAndGradient(x);
            values[i] = row.value();
            jacobian[i] = row.gradient();
            kinks.addAll(row.kinks());
        }
        Kinks.warn(out, kinks, names, x);

        if (json.isEnabled()) {
            out.json(new Result(sources, names, JsonFormula.of(components), JsonFormula.matrix(formulas), x, values,
                    jacobian, kinks.isEmpty(), kinks));
            return ExitCode.OK;
        }
        String oneSided = Kinks.label(kinks);
        if (latex.isEnabled()) {
            out.line(Layout.call("u", names) + " = "
                    + Layout.latexTuple(components.stream().map(Formula::toLatex).toList()));
            out.line(Layout.call("J_u", names) + " = " + Layout.latexMatrix(
                    formulas.stream().map(row -> row.stream().map(Formula::toLatex).toList()).toList()));
            List<String> point = Layout.latexNumbers(x);
            out.line(Layout.call("u", point) + " = " + Layout.latexTuple(Layout.latexNumbers(values)));
            out.line(Layout.call("J_u", point) + " = " + Layout.latexMatrix(
                    Arrays.stream(jacobian).map(Layout::latexNumbers).toList()) + oneSided);
            return ExitCode.OK;
        }
        out.line(Layout.call("u", names) + " = " + Layout.tuple(components.stream().map(Formula::toString).toList()));
        out.line(Layout.call("J_u", names) + " =");
        Layout.matrix(formulas.stream().map(row -> row.stream().map(Formula::toString).toList()).toList(), "  ")
                .forEach(out::line);
        out.line("at " + Points.describe(names, x) + ":");
        out.line("  u = " + Numbers.format(values));
        out.line("  J_u =" + oneSided);
        Layout.matrix(Layout.cells(jacobian), "  ").forEach(out::line);
        return ExitCode.OK;
    }

    private static List<String> split(String text) {
        String[] parts = text.split(";", -1);
        List<String> sources = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].strip();
            if (part.isEmpty()) {
                throw new UsageException("expression " + (i + 1) + " of " + parts.length + " is empty in '" + text
                        + "' (separate expressions with ';')");
            }
            sources.add(part);
        }
        return sources;
    }
}
