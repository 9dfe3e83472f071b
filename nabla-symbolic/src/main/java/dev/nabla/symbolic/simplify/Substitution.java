package dev.nabla.symbolic.simplify;

import dev.nabla.symbolic.expr.Expr;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** Replaces sub-expressions (typically variables) everywhere in a DAG, rebuilding each node once. */
public final class Substitution {
    private Substitution() {
    }

    /** e with every occurrence of a key of {@code replacements} replaced by its value, in canonical form. */
    public static Expr substitute(Expr e, Map<Expr, Expr> replacements) {
        return substituteAll(List.of(e), replacements).get(0);
    }

    /** Substitution in several expressions sharing one memo (shared nodes stay shared). */
    public static List<Expr> substituteAll(List<Expr> roots, Map<Expr, Expr> replacements) {
        Map<Expr, Expr> memo = new IdentityHashMap<>(replacements);
        for (Expr n : Expr.topologicalOrder(roots)) {
            if (memo.containsKey(n)) {
                continue;
            }
            List<Expr> args = new ArrayList<>(n.arity());
            boolean changed = false;
            for (Expr a : n.args()) {
                Expr r = memo.get(a);
                changed |= r != a;
                args.add(r);
            }
            memo.put(n, changed ? n.withArgs(args) : n);
        }
        List<Expr> out = new ArrayList<>();
        for (Expr r : roots) {
            out.add(memo.get(r));
        }
        return out;
    }
}
