package dev.nabla.cli;

import dev.nabla.cli.support.ExitCode;
import dev.nabla.cli.support.JsonOption;
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

/** {@code nabla latex EXPR}: the expression as LaTeX. */
@Command(name = "latex", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Print an expression as LaTeX.")
public final class LatexCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;
    @Parameters(index = "0", paramLabel = "EXPR", description = "The expression, e.g. \"x^2*sin(y) + y^3\".")
    private String expression;
    @Mixin
    private VariablesOption variables;
    @Mixin
    private JsonOption json;

    /** JSON of {@code nabla latex}. */
    public record Result(String expression, List<String> variables, String text, String latex) {
    }

    @Override
    public Integer call() {
        Output out = Output.of(spec);
        Formula f = variables.parse(expression);
        if (json.isEnabled()) {
            out.json(new Result(expression, f.variables(), f.toString(), f.toLatex()));
        } else {
            out.line(f.toLatex());
        }
        return ExitCode.OK;
    }
}
