package dev.nabla.core.transform;

import dev.nabla.core.ir.Affine;
import dev.nabla.core.ir.ArrayDecl;
import dev.nabla.core.ir.Block;
import dev.nabla.core.ir.Instr;
import dev.nabla.core.ir.Loop;
import dev.nabla.core.ir.Program;
import dev.nabla.core.ir.ProgramBuilder;

import java.util.Arrays;
import java.util.function.Predicate;

/**
 * Copies instructions of a source program into a builder, renaming values, loop counters and arrays: the
 * common step of every pass (a pass copies the primal, then adds what it derives from it).
 */
final class Emit {
    final Program src;
    final ProgramBuilder b;
    /** Source value id → builder value id (−1: not emitted). */
    final int[] val;
    /** Source loop counter → builder counter. */
    final int[] ctr;
    /** Source array → builder array (−1: dropped). */
    final int[] arr;

    /** Starts a copy of src: the same arrays (those keep says), in order, and the same constants. */
    Emit(Program src, ProgramBuilder b, Predicate<Integer> keepArray) {
        this.src = src;
        this.b = b;
        val = new int[src.values()];
        Arrays.fill(val, -1);
        ctr = new int[src.counters()];
        Arrays.fill(ctr, -1);
        arr = new int[src.arrays().size()];
        for (int a = 0; a < arr.length; a++) {
            if (!keepArray.test(a)) {
                arr[a] = -1;
                continue;
            }
            ArrayDecl d = src.arrays().get(a);
            arr[a] = d.role() == ArrayDecl.Role.CONSTANT ? b.constantArray(src.data(a)) : b.array(d.role(), d.length());
        }
        for (int j = 0; j < src.constants().length; j++) {
            val[src.constantIds()[j]] = b.constant(src.constants()[j]);
        }
    }

    Emit(Program src, ProgramBuilder b) {
        this(src, b, a -> true);
    }

    ArrayDecl.Role role(int srcArray) {
        return src.arrays().get(srcArray).role();
    }

    Affine index(Affine i) {
        return i.rename(ctr);
    }

    int v(int srcId) {
        int d = val[srcId];
        if (d < 0) {
            throw new IllegalStateException("value %" + srcId + " used before it is emitted");
        }
        return d;
    }

    /** Copies one instruction that is not a loop. */
    void copy(Instr i) {
        int[] a = i.args();
        switch (i.kind()) {
            case COUNTER -> val[i.out()] = b.counter(ctr[i.aux()]);
            case READ -> val[i.out()] = b.read(arr[i.array()], index(i.index()));
            case APPLY -> val[i.out()] = a.length == 1 ? b.apply(i.prim(), v(a[0])) : b.apply(i.prim(), v(a[0]), v(a[1]));
            case PARTIAL -> val[i.out()] = b.partial(i.prim(), i.aux(), v(a[0]), a[1] < 0 ? -1 : v(a[1]), v(a[2]));
            case ACCUM -> b.accumulate(arr[i.array()], index(i.index()), v(a[0]));
            case STORE -> b.store(arr[i.array()], index(i.index()), v(a[0]));
            default -> throw new AssertionError(i.kind());
        }
    }

    /** Copies a block whole (loops as loops). */
    void copy(Block block) {
        for (Instr i : block.instrs()) {
            if (i.kind() == Instr.Kind.LOOP) {
                copyLoop(i.loop(), all(i.loop()), x -> true);
            } else {
                copy(i);
            }
        }
    }

    /** Copies a loop keeping the carries {@code keep} says and the body's instructions {@code live} says. */
    void copyLoop(Loop l, boolean[] keep, Predicate<Instr> live) {
        int m = count(keep);
        int[] init = new int[m];
        for (int k = 0, j = 0; k < keep.length; k++) {
            if (keep[k]) {
                init[j++] = v(l.init()[k]);
            }
        }
        ProgramBuilder.OpenLoop open = b.beginLoop(l.from(), l.to(), l.descending(), init);
        ctr[l.counter()] = open.counter();
        for (int k = 0, j = 0; k < keep.length; k++) {
            if (keep[k]) {
                val[l.params()[k]] = open.params()[j++];
            }
        }
        copyLive(l.body(), live);
        int[] results = new int[m];
        for (int k = 0, j = 0; k < keep.length; k++) {
            if (keep[k]) {
                results[j++] = v(l.results()[k]);
            }
        }
        int[] outs = b.endLoop(results);
        for (int k = 0, j = 0; k < keep.length; k++) {
            if (keep[k]) {
                val[l.outs()[k]] = outs[j++];
            }
        }
    }

    /** Copies the live instructions of a block (loops with their live carries, see {@link Liveness}). */
    void copyLive(Block block, Predicate<Instr> live) {
        for (Instr i : block.instrs()) {
            if (!live.test(i)) {
                continue;
            }
            if (i.kind() == Instr.Kind.LOOP) {
                copyLoop(i.loop(), live instanceof Liveness lv ? lv.carries(i.loop()) : all(i.loop()), live);
            } else {
                copy(i);
            }
        }
    }

    static boolean[] all(Loop l) {
        boolean[] k = new boolean[l.params().length];
        Arrays.fill(k, true);
        return k;
    }

    static int count(boolean[] k) {
        int c = 0;
        for (boolean x : k) {
            c += x ? 1 : 0;
        }
        return c;
    }
}
