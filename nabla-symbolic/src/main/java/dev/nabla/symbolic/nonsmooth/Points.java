package dev.nabla.symbolic.nonsmooth;

import dev.nabla.core.field.Gradient;
import dev.nabla.symbolic.Formula;
import dev.nabla.symbolic.expr.Expr;
import java.util.List;

/** Evaluation of sub-expressions at a point. */
final class Points {
    private Points() {
    }

    static double value(Expr e, List<String> variables, double[] x) {
        return Formula.of(e, variables).value(x);
    }

    static Gradient gradient(Expr e, List<String> variables, double[] x) {
        return Formula.of(e, variables).valueAndGradient(x);
    }
}
