package dev.nabla.core.transform;

import dev.nabla.core.ir.ArrayDecl;
import dev.nabla.core.ir.Block;
import dev.nabla.core.ir.Instr;
import dev.nabla.core.ir.Loop;
import dev.nabla.core.ir.Program;

/** Which values depend on the input x (the only ones with a nonzero derivative): a forward fixpoint over loops. */
final class Activity {
    private Activity() {
    }

    static boolean[] of(Program p) {
        boolean[] active = new boolean[p.values()];
        block(p, p.body(), active);
        return active;
    }

    private static void block(Program p, Block b, boolean[] active) {
        for (Instr i : b.instrs()) {
            switch (i.kind()) {
                case READ -> active[i.out()] = p.arrays().get(i.array()).role() == ArrayDecl.Role.INPUT;
                case APPLY, PARTIAL -> {
                    for (int a : i.args()) {
                        active[i.out()] |= a >= 0 && active[a];
                    }
                }
                case LOOP -> loop(p, i.loop(), active);
                default -> {
                }
            }
        }
    }

    private static void loop(Program p, Loop l, boolean[] active) {
        for (int k = 0; k < l.params().length; k++) {
            active[l.params()[k]] = active[l.init()[k]];
        }
        boolean again = true;
        while (again) {
            block(p, l.body(), active);
            again = false;
            for (int k = 0; k < l.params().length; k++) {
                if (active[l.results()[k]] && !active[l.params()[k]]) {
                    active[l.params()[k]] = true;
                    again = true;
                }
            }
        }
        for (int k = 0; k < l.params().length; k++) {
            active[l.outs()[k]] = active[l.params()[k]];
        }
    }
}
