package dev.nabla.cli.support;

import dev.nabla.symbolic.Formula;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * Mixin for {@code --vars x,y}: fixes the order of the variables (default: alphabetical). Points given by
 * value ({@code --at 0.7,1.2}), directions and result vectors follow this order. Names the expression does not
 * use are allowed (the field then ignores them); a variable of the expression missing from the list is a parse
 * error at its first use.
 */
public final class VariablesOption {

    @Option(names = "--vars", split = ",", paramLabel = "x,y", hideParamSyntax = true,
            description = "Order of the variables, e.g. --vars y,x (default: alphabetical).")
    private List<String> variables;

    /** The expression parsed with the {@code --vars} order, or the default order when not given. */
    public Formula parse(String source) {
        return variables == null ? Formula.parse(source) : Formula.parse(source, variables());
    }

    /**
     * The names given with {@code --vars}, or null when the option was not given.
     *
     * @throws UsageException for a name that is not an identifier or is repeated
     */
    public List<String> variables() {
        if (variables == null) {
            return null;
        }
        List<String> names = variables.stream().map(String::strip).toList();
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new UsageException("--vars: '" + name + "' is not a variable name (letters, digits, _)");
            }
            if (!seen.add(name)) {
                throw new UsageException("--vars: variable '" + name + "' given twice");
            }
        }
        return names;
    }
}
