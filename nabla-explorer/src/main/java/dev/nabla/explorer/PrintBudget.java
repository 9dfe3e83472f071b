package dev.nabla.explorer;

import dev.nabla.symbolic.Formula;
import dev.nabla.symbolic.expr.Expr;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The printed size of the formulas of one answer, counted before they are printed. A formula is a DAG whose shared
 * sub-expressions are printed once per use, so a 313-character input can have a Hessian that prints to megabytes;
 * every formula is measured as the number of nodes of its printed tree (computed on the DAG, linear time) and the
 * answer is refused with 422 {@code too-large} when the total passes {@link Limits#maxFormulaTerms()}.
 */
final class PrintBudget {
    private final int limit;
    private long used;

    PrintBudget(int limit) {
        this.limit = limit;
    }

    /** f printed as text and LaTeX, charged to this budget; {@code what} names it in the refusal ("the Hessian"). */
    Analysis.Symbolic print(Formula f, String what) {
        charge(List.of(f), what);
        return Analysis.Symbolic.of(f);
    }

    /** Charges the printed size of the formulas, or throws 422 {@code too-large} naming {@code what} and the limit. */
    void charge(List<Formula> formulas, String what) {
        long terms = 0;
        for (Formula f : formulas) {
            terms = saturatingAdd(terms, printedTerms(f.expression()));
        }
        used = saturatingAdd(used, terms);
        if (used > limit) {
            throw new ApiException(422, "too-large", what + " would print to " + (terms >= Long.MAX_VALUE / 4
                    ? "more than 10^18" : String.valueOf(terms)) + " terms; an answer may print at most " + limit
                    + " terms (f, ∇f, the Hessian and ∇f·v together)", Map.of("limit", limit));
        }
    }

    /** The number of nodes of e's tree when every shared sub-expression is written out (saturating). */
    static long printedTerms(Expr e) {
        Map<Expr, Long> size = new IdentityHashMap<>();
        for (Expr node : e.topologicalOrder()) {
            long s = 1;
            for (Expr a : node.args()) {
                s = saturatingAdd(s, size.get(a));
            }
            size.put(node, s);
        }
        return size.get(e);
    }

    private static long saturatingAdd(long a, long b) {
        long s = a + b;
        return s < 0 || s > Long.MAX_VALUE / 2 ? Long.MAX_VALUE / 2 : s;
    }
}
