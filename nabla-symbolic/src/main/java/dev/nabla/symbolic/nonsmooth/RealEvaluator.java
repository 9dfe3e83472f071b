package dev.nabla.symbolic.nonsmooth;

import dev.nabla.core.ad.Real;
import dev.nabla.core.ad.RealAlgebra;
import dev.nabla.core.onesided.OneSided;
import dev.nabla.symbolic.expr.AlgebraEvaluator;
import dev.nabla.symbolic.expr.Expr;
import dev.nabla.symbolic.print.PlainPrinter;
import java.util.List;

/**
 * A formula's expression DAG evaluated on any kind of {@link Real} (each shared node once, by the
 * {@link AlgebraEvaluator} every kind of number shares), so that a formula
 * runs on the same numbers as Java code: in particular on {@link dev.nabla.core.onesided.Expansion}s, for the
 * exact one-sided directional derivative. Semantics as the interpreter's: {@code if} evaluates only the branch
 * taken and {@code and}/{@code or} short-circuit. A comparison p ⋚ q is decided by
 * {@link OneSided#signForSmallT}(p − q): on expansions, the relation that holds for all small t &gt; 0.
 */
public final class RealEvaluator {

    private RealEvaluator() {
    }

    /** The value of root with variables[i] = x[i]. */
    public static Real evaluate(Expr root, List<String> variables, Real[] x) {
        Real unit = x.length > 0 ? x[0] : dev.nabla.core.ad.Reals.of(0)[0];
        RealAlgebra reals = new RealAlgebra() {
            @Override
            public Real constant(double c) {
                return unit.constant(c);
            }
        };
        AlgebraEvaluator.Decider<Real> smallT = (c, relation, a, b) -> {
            Real h = a.subtract(b);
            if (h.value() == 0) {
                OneSided.recordKink(h, PlainPrinter.abbreviate(c, 60) + " on its boundary");
            }
            return relation.holds(OneSided.signForSmallT(h), 0);
        };
        return new AlgebraEvaluator<>(reals, smallT, variables, x, null).value(root);
    }
}
