package dev.nabla.core.transform;

import dev.nabla.core.ir.ArrayDecl;
import dev.nabla.core.ir.Block;
import dev.nabla.core.ir.Instr;
import dev.nabla.core.ir.Loop;
import dev.nabla.core.ir.Program;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Which instructions and loop carries a program needs: those its outputs depend on, its accumulations into the
 * gradient, and its stores into buffers that a needed instruction reads (a fixpoint over buffers and over each
 * loop's carries).
 */
final class Liveness implements Predicate<Instr> {
    private final Program p;
    private final boolean[] liveValue;
    private final boolean[] liveBuffer;
    private final Map<Instr, Boolean> liveInstr = new IdentityHashMap<>();
    private final Map<Loop, boolean[]> liveCarries = new IdentityHashMap<>();
    private boolean changed;

    Liveness(Program p) {
        this.p = p;
        liveValue = new boolean[p.values()];
        liveBuffer = new boolean[p.arrays().size()];
        for (int o : p.outputs()) {
            liveValue[o] = true;
        }
        do {
            changed = false;
            block(p.body());
        } while (changed);
    }

    @Override
    public boolean test(Instr i) {
        return liveInstr.containsKey(i);
    }

    boolean[] carries(Loop l) {
        return liveCarries.get(l);
    }

    /** True when array a is read by a needed instruction, or is not a buffer. */
    boolean arrayUsed(int a) {
        return p.arrays().get(a).role() != ArrayDecl.Role.BUFFER || liveBuffer[a];
    }

    private void mark(int id) {
        if (id >= 0 && !liveValue[id]) {
            liveValue[id] = true;
            changed = true;
        }
    }

    private void block(Block b) {
        var list = b.instrs();
        for (int j = list.size() - 1; j >= 0; j--) {
            Instr i = list.get(j);
            boolean live = switch (i.kind()) {
                case ACCUM -> true;
                case STORE -> liveBuffer[i.array()];
                case LOOP -> loop(i.loop());
                default -> liveValue[i.out()];
            };
            if (!live) {
                continue;
            }
            if (liveInstr.put(i, Boolean.TRUE) == null) {
                changed = true;
            }
            for (int a : i.args()) {
                mark(a);
            }
            if (i.kind() == Instr.Kind.READ && p.arrays().get(i.array()).role() == ArrayDecl.Role.BUFFER
                    && !liveBuffer[i.array()]) {
                liveBuffer[i.array()] = true;
                changed = true;
            }
        }
    }

    /** Analyses a loop; true when it is needed at all. */
    private boolean loop(Loop l) {
        boolean[] keep = liveCarries.computeIfAbsent(l, k -> new boolean[l.params().length]);
        boolean again;
        do {
            again = false;
            for (int k = 0; k < keep.length; k++) {
                if (!keep[k] && (liveValue[l.outs()[k]] || liveValue[l.params()[k]])) {
                    keep[k] = true;
                    changed = true;
                }
                if (keep[k]) {
                    if (!liveValue[l.results()[k]]) {
                        liveValue[l.results()[k]] = true;
                        again = true;
                    }
                    mark(l.init()[k]);
                }
            }
            int before = liveInstr.size();
            block(l.body());
            again |= liveInstr.size() != before;
            for (int k = 0; k < keep.length; k++) {
                again |= !keep[k] && liveValue[l.params()[k]];
            }
        } while (again);
        for (int k = 0; k < keep.length; k++) {
            if (keep[k]) {
                return true;
            }
        }
        for (Instr i : l.body().instrs()) {
            if (liveInstr.containsKey(i)) {
                return true;
            }
        }
        return false;
    }
}
