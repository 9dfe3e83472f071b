package dev.nabla.cli.support;

import dev.nabla.symbolic.Formula;
import java.util.List;

/**
 * A formula in JSON output: {@code {"text": "2*x*sin(y)", "latex": "2 x \\sin(y)"}}; the text parses back to
 * the same formula.
 */
public record JsonFormula(String text, String latex) {

    public static JsonFormula of(Formula formula) {
        return new JsonFormula(formula.toString(), formula.toLatex());
    }

    public static List<JsonFormula> of(List<Formula> formulas) {
        return formulas.stream().map(JsonFormula::of).toList();
    }

    public static List<List<JsonFormula>> matrix(List<List<Formula>> rows) {
        return rows.stream().map(JsonFormula::of).toList();
    }
}
