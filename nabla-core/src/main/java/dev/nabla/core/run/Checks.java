package dev.nabla.core.run;

import dev.nabla.core.field.DomainException;
import dev.nabla.core.field.Kink;
import dev.nabla.core.ir.ArrayDecl;
import dev.nabla.core.ir.Instr;
import dev.nabla.core.ir.Program;
import dev.nabla.core.prim.Primitive;
import dev.nabla.core.transform.Activity;

import java.util.ArrayList;
import java.util.List;

/**
 * What compiled code does not check while it runs, found afterwards by running the primal program on the
 * {@link Interpreter} with a watch: the domain error behind a result that is not finite, and the kinks met.
 * Each is named as the tape names it ({@code log(-1)}, {@code max at a tie (both 1)}) with its place in the
 * program's loops ({@code at i0 = 3}).
 */
final class Checks {
    private Checks() {
    }

    /**
     * Returns when value and gradient (null: none) are finite; otherwise throws a {@link DomainException} naming
     * the first primitive application that is undefined at x (outside its domain, or whose partial in an argument
     * depending on x is undefined), or the overflow when every application is defined.
     */
    static void requireFinite(Program primal, double[] x, double value, double[] gradient) {
        if (Double.isFinite(value) && (gradient == null || allFinite(gradient))) {
            return;
        }
        dev.nabla.core.ad.AD.requireFinite(x);
        boolean[] active = Activity.activeValues(primal);
        run(primal, x, (i, a, b, v, enclosing, counters) -> {
            Primitive p = i.prim();
            if (!Double.isFinite(a) || !Double.isFinite(b) && p.arity() == 2) {
                return; // carried from an earlier application, which was reported if it was the cause
            }
            String reason = p.domainViolation(a, b);
            if (reason == null && Double.isNaN(v)) {
                reason = p.symbol() + " of " + arguments(p, a, b) + " is undefined";
            }
            if (reason == null && gradient != null && !allFinite(gradient) && Double.isFinite(v)) {
                for (int k = 0; k < p.arity() && reason == null; k++) {
                    double d = p.partial(k, a, b, v);
                    if (active[i.args()[k]] && !Double.isFinite(d)) {
                        reason = Double.isNaN(d) ? "the derivative of " + p.symbol() + " is undefined at " + arguments(p, a, b)
                                : "overflow: the derivative of " + p.symbol() + " at " + arguments(p, a, b)
                                + " exceeds the double range";
                    }
                }
            }
            if (reason != null) {
                throw new DomainException(name(p, a, b) + where(enclosing, counters), reason, x);
            }
        });
        throw new DomainException("f", (Double.isFinite(value) ? "the gradient" : "the value")
                + " is not finite: an intermediate result exceeds the double range", x);
    }

    /** The kinks the primal program meets at x, in the order met. */
    static List<Kink> kinks(Program primal, double[] x) {
        List<Kink> kinks = new ArrayList<>();
        run(primal, x, (i, a, b, v, enclosing, counters) -> {
            String k = i.prim().kink(a, b);
            if (k != null) {
                kinks.add(new Kink(i.prim().symbol(), k + where(enclosing, counters)));
            }
        });
        return kinks;
    }

    private static void run(Program primal, double[] x, Interpreter.Watch watch) {
        double[][] arrays = new double[primal.arrays().size()][];
        for (int j = 0; j < arrays.length; j++) {
            ArrayDecl d = primal.arrays().get(j);
            arrays[j] = switch (d.role()) {
                case INPUT -> x;
                case CONSTANT -> primal.data(j);
                default -> new double[d.length()];
            };
        }
        new Interpreter(primal, watch).run(arrays, primal.constants(), new double[primal.outputs().length]);
    }

    private static boolean allFinite(double[] v) {
        for (double d : v) {
            if (!Double.isFinite(d)) {
                return false;
            }
        }
        return true;
    }

    private static String arguments(Primitive p, double a, double b) {
        return p.arity() == 1 ? Primitive.format(a) : "(" + Primitive.format(a) + ", " + Primitive.format(b) + ")";
    }

    private static String name(Primitive p, double a, double b) {
        return p.arity() == 1 ? p.symbol() + "(" + Primitive.format(a) + ")" : p.symbol() + arguments(p, a, b);
    }

    private static String where(int[] enclosing, int[] counters) {
        StringBuilder s = new StringBuilder();
        for (int c : enclosing) {
            s.append(s.length() == 0 ? " at " : ", ").append('i').append(c).append(" = ").append(counters[c]);
        }
        return s.toString();
    }
}
