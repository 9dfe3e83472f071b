package dev.nabla.cli;

import dev.nabla.cli.support.ExitCode;
import dev.nabla.cli.support.JsonFormula;
import dev.nabla.cli.support.JsonOption;
import dev.nabla.cli.support.LatexOption;
import dev.nabla.cli.support.Output;
import dev.nabla.cli.support.VariablesOption;
import dev.nabla.symbolic.Formula;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nabla simplify EXPR}: the expression simplified to the form a person writes. */
@Command(name = "simplify", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Simplify an expression (constants folded, like terms collected, powers combined).")
public final class SimplifyCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;
    @Parameters(index = "0", paramLabel = "EXPR", description = "The expression, e.g. \"x*x + 0*y + 2*x^2\".")
    private String expression;
    @Mixin
    private VariablesOption variables;
    @Mixin
    private JsonOption json;
    @Mixin
    private LatexOption latex;

    /** JSON of {@code nabla simplify}. */
    public record Result(String expression, List<String> variables, JsonFormula simplified) {
    }

    @Override
    public Integer call() {
        Output out = Output.of(spec);
        Formula f = variables.parse(expression);
        Formula simplified = f.simplify();
        if (json.isEnabled()) {
            out.json(new Result(expression, f.variables(), JsonFormula.of(simplified)));
        } else {
            out.line(latex.isEnabled() ? simplified.toLatex() : simplified.toString());
        }
        return ExitCode.OK;
    }
}
