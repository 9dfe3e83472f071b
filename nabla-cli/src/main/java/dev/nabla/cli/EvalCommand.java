package dev.nabla.cli;

import dev.nabla.cli.support.Certification;
import dev.nabla.cli.support.ExitCode;
import dev.nabla.cli.support.JsonFormula;
import dev.nabla.cli.support.JsonOption;
import dev.nabla.cli.support.LatexOption;
import dev.nabla.cli.support.Layout;
import dev.nabla.cli.support.Output;
import dev.nabla.cli.support.PointOption;
import dev.nabla.cli.support.PrecisionOption;
import dev.nabla.cli.support.VariablesOption;
import dev.nabla.core.field.DomainException;
import dev.nabla.precise.Decimals;
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
    @Mixin
    private PrecisionOption precision;

    /** JSON of {@code nabla eval}; {@code value} is the certified double, {@code certified} its certain digits. */
    public record Result(String expression, List<String> variables, JsonFormula formula, double[] point,
                         double value, Certification.Json certified) {
    }

    @Override
    public Integer call() {
        Output out = Output.of(spec);
        Formula f = variables.parse(expression);
        List<String> names = f.variables();
        double[] x = at.point(names);
        Certification certified = Certification.of(f, at.text(), false, null, false, precision);
        double value;
        try {
            value = f.value(x);
        } catch (DomainException doubleFails) {
            if (!certified.isCertified()) {
                throw doubleFails; // high precision confirms it
            }
            value = Double.NaN; // double arithmetic overflows on the way; the certified value stands
        }
        if (json.isEnabled()) {
            out.json(new Result(expression, names, JsonFormula.of(f), x, certified.valueDouble(value), certified.json()));
        } else if (latex.isEnabled()) {
            out.line(Layout.call("f", names) + " = " + f.toLatex());
            out.line(Layout.call("f", Layout.latexNumbers(x)) + " = " + Decimals.latex(certified.value(value)));
        } else {
            out.line(Layout.call("f", names) + " = " + f);
            out.line(Layout.call("f", Layout.numbers(x)) + " = " + certified.value(value));
            certified.notes(names).forEach(n -> out.line("  (" + n + ")"));
        }
        return ExitCode.OK;
    }
}
