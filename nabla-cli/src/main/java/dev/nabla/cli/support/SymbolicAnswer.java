package dev.nabla.cli.support;

import dev.nabla.symbolic.Formula;
import dev.nabla.symbolic.expr.Expr;
import dev.nabla.symbolic.expr.Function;
import java.util.ArrayList;
import java.util.List;

/**
 * The answer of {@code grad}, {@code dir} and {@code hess} without {@code --at}: formulas only — f, ∇f, the
 * Hessian's entries, and for a direction v the formulas D_v f = ∇f·v and D_v̂ f = ∇f·v/‖v‖ (‖v‖ exact, e.g.
 * sqrt(5) for v = (1, 2)).
 *
 * @param expression                the expression as typed
 * @param variables                 the variables, in order
 * @param formula                   f
 * @param gradientFormulas          ∇f = (∂f/∂x_1, …)
 * @param hessianFormulas           the Hessian's entries ∂²f/∂x_i∂x_j (hess only, else null)
 * @param direction                 v (null without a direction)
 * @param directionalDerivative     D_v f = ∇f·v (null without a direction)
 * @param unitDirectionalDerivative D_v̂ f = ∇f·v/‖v‖ (null without a direction or for v = 0)
 */
public record SymbolicAnswer(String expression, List<String> variables, JsonFormula formula,
                             List<JsonFormula> gradientFormulas, List<List<JsonFormula>> hessianFormulas,
                             double[] direction, JsonFormula directionalDerivative,
                             JsonFormula unitDirectionalDerivative) {

    /**
     * Prints the formulas of f at no point (text, LaTeX or JSON) and returns the exit code.
     *
     * @param hessian whether to give the Hessian's formulas
     * @param v       the direction, or null
     * @param latex   whether LaTeX was asked (false where the command has no --latex)
     */
    public static int print(Output out, String expression, Formula f, boolean hessian, double[] v, boolean json,
                            boolean latex) {
        List<String> names = f.variables();
        List<Formula> gradient = f.gradientFormulas();
        List<List<Formula>> h = hessian ? f.hessianFormulas() : null;
        Formula dv = v == null ? null : f.directionalDerivativeFormula(v);
        Formula unit = null;
        if (v != null) {
            List<Expr> squares = new ArrayList<>();
            for (double c : v) {
                squares.add(Expr.power(Expr.number(c), Expr.number(2)));
            }
            Expr norm = Expr.call(Function.SQRT, Expr.sum(squares));
            unit = norm.isNumber(0) ? null : Formula.of(Expr.divide(dv.expression(), norm), names).simplify();
        }
        if (json) {
            out.json(new SymbolicAnswer(expression, names, JsonFormula.of(f), JsonFormula.of(gradient),
                    h == null ? null : JsonFormula.matrix(h), v, dv == null ? null : JsonFormula.of(dv),
                    unit == null ? null : JsonFormula.of(unit)));
            return ExitCode.OK;
        }
        if (latex) {
            out.line(Layout.call("f", names) + " = " + f.toLatex());
            out.line(Layout.call("\\nabla f", names) + " = "
                    + Layout.latexTuple(gradient.stream().map(Formula::toLatex).toList()));
            if (h != null) {
                out.line(Layout.call("H_f", names) + " = " + Layout.latexMatrix(
                        h.stream().map(row -> row.stream().map(Formula::toLatex).toList()).toList()));
            }
            if (dv != null) {
                out.line("D_{v} f = \\nabla f \\cdot v = " + dv.toLatex() + ", \\quad v = "
                        + Layout.latexTuple(Layout.latexNumbers(v)));
                if (unit != null) {
                    out.line("D_{\\hat v} f = " + unit.toLatex());
                }
            }
            return ExitCode.OK;
        }
        out.line(Layout.call("f", names) + " = " + f);
        out.line(Layout.call("∇f", names) + " = " + Layout.tuple(gradient.stream().map(Formula::toString).toList()));
        if (h != null) {
            out.line(Layout.call("H_f", names) + " =");
            for (String row : Layout.matrix(h.stream().map(r -> r.stream().map(Formula::toString).toList()).toList(),
                    "  ")) {
                out.line(row);
            }
        }
        if (dv != null) {
            out.line(Layout.call("D_v f", names) + " = ∇f·v = " + dv + "   with v = " + Numbers.format(v));
            if (unit != null) {
                out.line(Layout.call("D_v̂ f", names) + " = ∇f·v/‖v‖ = " + unit + "   (unit direction)");
            }
        }
        out.line("(formulas only: give --at for values at a point)");
        return ExitCode.OK;
    }
}
