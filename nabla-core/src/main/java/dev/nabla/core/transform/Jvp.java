package dev.nabla.core.transform;

import dev.nabla.core.ir.ArrayDecl;
import dev.nabla.core.ir.Block;
import dev.nabla.core.ir.Instr;
import dev.nabla.core.ir.Loop;
import dev.nabla.core.ir.Program;
import dev.nabla.core.ir.ProgramBuilder;

import java.util.Arrays;

/**
 * Forward mode as a program transformation: from a program computing y = f(x), one computing y and the
 * directional derivatives D_v y = J v for a direction v (a new DIRECTION array). Each primitive's tangent is
 * Σ_k ∂p/∂a_k · t(a_k) with the partials of {@link Linearize}; each loop carries the tangents of its active
 * carries beside them; a scratch array of active values (a materialised vector) gets a scratch array of their
 * tangents. A gradient program transforms too (forward over reverse): its PARTIAL instructions get their
 * tangents from the table's second-order rules, and its accumulations into the gradient accumulate their
 * tangents into a GRADIENT_TANGENT array, which then holds H v. Outputs: y_1 … y_m, then D_v y_1 … D_v y_m.
 */
public final class Jvp {
    private final Emit e;
    private final boolean[] active;
    private final boolean[] activeArray;
    private final int direction;
    /** Source buffer → builder buffer holding the tangents of the values stored into it (−1: none yet). */
    private final int[] tangentArray;
    /** Source value id → builder id of its tangent (−1: zero). */
    private final int[] tan;

    private Jvp(Program p) {
        ProgramBuilder b = new ProgramBuilder();
        e = new Emit(p, b);
        Activity activity = Activity.of(p);
        active = activity.values;
        activeArray = activity.arrays;
        direction = b.array(ArrayDecl.Role.DIRECTION, p.dimension());
        tangentArray = new int[p.arrays().size()];
        Arrays.fill(tangentArray, -1);
        tan = new int[p.values()];
        Arrays.fill(tan, -1);
    }

    /** The JVP program of p: outputs y_1 … y_m, D_v y_1 … D_v y_m. */
    public static Program of(Program p) {
        Jvp j = new Jvp(p);
        j.block(p.body());
        int m = p.outputs().length;
        int[] out = new int[2 * m];
        for (int k = 0; k < m; k++) {
            out[k] = j.e.v(p.outputs()[k]);
            out[m + k] = j.tangent(p.outputs()[k]);
        }
        return j.e.b.build(p.dimension(), out);
    }

    private int tangent(int src) {
        return tan[src] >= 0 ? tan[src] : e.b.constant(0);
    }

    private void block(Block block) {
        for (Instr i : block.instrs()) {
            switch (i.kind()) {
                case COUNTER -> e.copy(i);
                case READ -> {
                    e.copy(i);
                    if (e.role(i.array()) == ArrayDecl.Role.INPUT) {
                        tan[i.out()] = e.b.read(direction, e.index(i.index()));
                    } else if (activeArray[i.array()]) {
                        tan[i.out()] = e.b.read(tangentArray(i.array()), e.index(i.index()));
                    }
                }
                case STORE -> {
                    e.copy(i);
                    if (activeArray[i.array()]) {
                        e.b.store(tangentArray(i.array()), e.index(i.index()), tangent(i.args()[0]));
                    }
                }
                case APPLY -> {
                    e.copy(i);
                    if (!active[i.out()]) {
                        continue;
                    }
                    int[] a = i.args();
                    int bArg = a.length > 1 ? e.v(a[1]) : -1;
                    int t = -1;
                    for (int k = 0; k < a.length; k++) {
                        if (tan[a[k]] >= 0) {
                            int d = Linearize.partial(e.b, i.prim(), k, e.v(a[0]), bArg, e.v(i.out()));
                            t = Linearize.mulAdd(e.b, t, d, tan[a[k]]);
                        }
                    }
                    tan[i.out()] = t;
                }
                case PARTIAL -> {
                    e.copy(i);
                    if (!active[i.out()]) {
                        continue;
                    }
                    int[] a = i.args();
                    int bArg = a[1] >= 0 ? e.v(a[1]) : -1;
                    int t = -1;
                    for (int k = 0; k < 2; k++) {
                        if (a[k] >= 0 && tan[a[k]] >= 0) {
                            int d = Linearize.second(e.b, i.prim(), i.aux(), k, e.v(a[0]), bArg, e.v(a[2]));
                            t = Linearize.mulAdd(e.b, t, d, tan[a[k]]);
                        }
                    }
                    tan[i.out()] = t;
                }
                case ACCUM -> {
                    e.copy(i);
                    if (tan[i.args()[0]] >= 0) {
                        e.b.accumulate(tangentArray(i.array()), e.index(i.index()), tan[i.args()[0]]);
                    }
                }
                case LOOP -> loop(i.loop());
                default -> throw new AssertionError(i.kind());
            }
        }
    }

    private void loop(Loop l) {
        int m = l.params().length;
        int[] act = activeCarries(l);
        int[] init = new int[m + act.length];
        for (int k = 0; k < m; k++) {
            init[k] = e.v(l.init()[k]);
        }
        for (int j = 0; j < act.length; j++) {
            init[m + j] = tangent(l.init()[act[j]]);
        }
        ProgramBuilder.OpenLoop open = e.b.beginLoop(l.from(), l.to(), l.descending(), init);
        e.ctr[l.counter()] = open.counter();
        for (int k = 0; k < m; k++) {
            e.val[l.params()[k]] = open.params()[k];
        }
        for (int j = 0; j < act.length; j++) {
            tan[l.params()[act[j]]] = open.params()[m + j];
        }
        block(l.body());
        int[] results = new int[init.length];
        for (int k = 0; k < m; k++) {
            results[k] = e.v(l.results()[k]);
        }
        for (int j = 0; j < act.length; j++) {
            results[m + j] = tangent(l.results()[act[j]]);
        }
        int[] outs = e.b.endLoop(results);
        for (int k = 0; k < m; k++) {
            e.val[l.outs()[k]] = outs[k];
        }
        for (int j = 0; j < act.length; j++) {
            tan[l.outs()[act[j]]] = outs[m + j];
        }
    }

    private int tangentArray(int src) {
        if (tangentArray[src] < 0) {
            ArrayDecl d = e.src.arrays().get(src);
            tangentArray[src] = e.b.array(d.role() == ArrayDecl.Role.GRADIENT ? ArrayDecl.Role.GRADIENT_TANGENT
                    : ArrayDecl.Role.BUFFER, d.length());
        }
        return tangentArray[src];
    }

    private int[] activeCarries(Loop l) {
        return java.util.stream.IntStream.range(0, l.params().length).filter(k -> active[l.params()[k]]).toArray();
    }
}
