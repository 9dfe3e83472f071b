package dev.nabla.cli.support;

import dev.nabla.symbolic.Formula;
import dev.nabla.symbolic.ParseException;
import dev.nabla.symbolic.expr.Expr;
import dev.nabla.symbolic.expr.Order;
import dev.nabla.symbolic.simplify.Substitution;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * Mixin for {@code --vars x,y}: fixes the order of the variables (default: alphabetical). Points given by
 * value ({@code --at 0.7,1.2}), directions and result vectors follow this order. Names the expression does not
 * use are allowed (the field then ignores them); a variable of the expression missing from the list is a parse
 * error at its first use, unless {@code --let} gives it a value: then it is a parameter ({@code grad "a*x^2 + b*y"
 * --vars x,y --let a=2,b=3}).
 */
public final class VariablesOption {

    @Option(names = "--vars", split = ",", paramLabel = "x,y", hideParamSyntax = true,
            description = "Order of the variables, e.g. --vars y,x (default: alphabetical).")
    private List<String> variables;

    @Option(names = "--let", split = ",", paramLabel = "a=2,b=3", hideParamSyntax = true,
            description = "Values of parameters, symbols that are not variables: --let a=2,b=1/3 (kept exact).")
    private List<String> parameters;

    /**
     * The expression parsed with the {@code --vars} order, or the default order when not given; the parameters
     * of {@code --let} replaced by their values (exactly: 1/3 stays 1/3) before anything is computed.
     */
    public Formula parse(String source) {
        if (parameters == null) {
            return variables == null ? Formula.parse(source) : Formula.parse(source, variables());
        }
        Map<Expr, Expr> values = parameterValues();
        Expr e = Substitution.substitute(Formula.parse(source).expression(), values);
        List<String> names = variables();
        if (names == null) {
            names = new ArrayList<>(e.variables());
            names.sort(Order::compareNames);
        } else {
            for (String name : e.variables()) {
                if (!names.contains(name)) {
                    throw new UsageException("'" + name + "' is neither a variable (--vars " + String.join(",", names)
                            + ") nor a parameter with a value (--let " + name + "=…)");
                }
            }
        }
        return Formula.of(e, names);
    }

    /** The values of {@code --let}: each name once, not a variable of {@code --vars}, a constant formula. */
    private Map<Expr, Expr> parameterValues() {
        Map<Expr, Expr> values = new HashMap<>();
        List<String> names = variables();
        for (String item : parameters) {
            int eq = item.indexOf('=');
            String name = eq < 0 ? item.strip() : item.substring(0, eq).strip();
            if (eq < 0 || !name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new UsageException("--let: write name=value, e.g. --let a=2,b=1/3 (got '" + item + "')");
            }
            if (names != null && names.contains(name)) {
                throw new UsageException("--let: '" + name + "' is a variable (--vars), not a parameter");
            }
            Expr value;
            try {
                value = Formula.parse(item.substring(eq + 1), List.of()).expression();
            } catch (ParseException notConstant) {
                throw new UsageException("--let " + name + ": not a constant: '" + item.substring(eq + 1).strip() + "'");
            }
            if (values.put(Expr.variable(name), value) != null) {
                throw new UsageException("--let: parameter '" + name + "' given twice");
            }
        }
        return values;
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
