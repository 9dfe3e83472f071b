package dev.nabla.cli.support;

import dev.nabla.symbolic.Formula;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Mixin for {@code --vars x,y}: fixes the order of the variables (default: alphabetical). Points given by
 * value ({@code --at 0.7,1.2}), directions and result vectors follow this order.
 */
public final class VariablesOption {

    @Option(names = "--vars", split = ",", paramLabel = "NAMES",
            description = "Order of the variables, e.g. --vars y,x (default: alphabetical).")
    private List<String> variables;

    /** The expression parsed with the {@code --vars} order, or the default order when not given. */
    public Formula parse(String source) {
        return variables == null ? Formula.parse(source) : Formula.parse(source, variables());
    }

    /** The names given with {@code --vars}, or null when the option was not given. */
    public List<String> variables() {
        return variables == null ? null : variables.stream().map(String::strip).toList();
    }
}
