package dev.nabla.core.transform;

import dev.nabla.core.ir.ArrayDecl;
import dev.nabla.core.ir.Block;
import dev.nabla.core.ir.Instr;
import dev.nabla.core.ir.Loop;
import dev.nabla.core.ir.Program;

/**
 * Which values depend on the input x (the only ones with a nonzero derivative), and which scratch arrays hold
 * such values (a buffer is active when an active value is stored into it): a forward fixpoint over loops and
 * arrays.
 */
public final class Activity {
    final boolean[] values;
    final boolean[] arrays;
    private final Program p;
    private boolean changed;

    private Activity(Program p) {
        this.p = p;
        values = new boolean[p.values()];
        arrays = new boolean[p.arrays().size()];
        do {
            changed = false;
            block(p.body());
        } while (changed);
    }

    static Activity of(Program p) {
        return new Activity(p);
    }

    /** Per value id of p: true when it depends on the input x. */
    public static boolean[] activeValues(Program p) {
        return new Activity(p).values;
    }

    private void set(int id) {
        if (!values[id]) {
            values[id] = true;
            changed = true;
        }
    }

    private void block(Block b) {
        for (Instr i : b.instrs()) {
            switch (i.kind()) {
                case READ -> {
                    ArrayDecl.Role r = p.arrays().get(i.array()).role();
                    if (r == ArrayDecl.Role.INPUT || arrays[i.array()]) {
                        set(i.out());
                    }
                }
                case APPLY, PARTIAL -> {
                    for (int a : i.args()) {
                        if (a >= 0 && values[a]) {
                            set(i.out());
                        }
                    }
                }
                case STORE, ACCUM -> {
                    if (values[i.args()[0]] && !arrays[i.array()]) {
                        arrays[i.array()] = true;
                        changed = true;
                    }
                }
                case LOOP -> loop(i.loop());
                default -> {
                }
            }
        }
    }

    private void loop(Loop l) {
        for (int k = 0; k < l.params().length; k++) {
            if (values[l.init()[k]]) {
                set(l.params()[k]);
            }
        }
        boolean again = true;
        while (again) {
            block(l.body());
            again = false;
            for (int k = 0; k < l.params().length; k++) {
                if (values[l.results()[k]] && !values[l.params()[k]]) {
                    set(l.params()[k]);
                    again = true;
                }
            }
        }
        for (int k = 0; k < l.params().length; k++) {
            if (values[l.params()[k]]) {
                set(l.outs()[k]);
            }
        }
    }
}
