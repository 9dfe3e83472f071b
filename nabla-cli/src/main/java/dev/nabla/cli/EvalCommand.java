package dev.nabla.cli;

import dev.nabla.cli.support.ExitCode;
import dev.nabla.cli.support.JsonFormula;
import dev.nabla.cli.support.JsonOption;
import dev.nabla.cli.support.LatexOption;
import dev.nabla.cli.support.Layout;
import dev.nabla.cli.support.Numbers;
import dev.nabla.cli.support.Output;
import dev.nabla.cli.support.PointOption;
import dev.nabla.cli.support.VariablesOption;
import dev.nabla.symbolic.Formula;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nabla eval EXPR --at POINT}: the value f(x). */
@Command(name = "eval", mixinStandardHelpOptions = true, sortOptions = false,
        description = "The value of an expression at a point.")
public final class EvalCommand implements Callable<Integer> {

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

    /** JSON of {@code nabla eval}. */
    public record Result(String expression, List<String> variables, JsonFormula formula, double[] point,
                         double value) {
    }

    @Override
    public Integer call() {
        Output out = Output.of(spec);
        Formula f = variables.parse(expression);
        List<String> names = f.variables();
        double[] x = at.point(names);
        double value = f.value(x);
        if (json.isEnabled()) {
            out.json(new Result(expression, names, JsonFormula.of(f), x, value));
        } else if (latex.isEnabled()) {
            out.line(Layout.call("f", names) + " = " + f.toLatex());
            out.line(Layout.call("f", Layout.latexNumbers(x)) + " = " + Layout.latexNumber(value));
        } else {
            out.line(Layout.call("f", names) + " = " + f);
            out.line(Layout.call("f", Layout.numbers(x)) + " = " + Numbers.format(value));
        }
        return ExitCode.OK;
    }
}
