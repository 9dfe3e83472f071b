package dev.nabla.core.ad;

import java.util.function.IntFunction;

/**
 * The input handles of one pass kind (tape or forward context): created once per dimension and reused by every
 * pass, together with the array handed to the function. Array primitives may read a pass's inputs flat (from
 * the caller's x) when their argument is that array: {@link Num#leaderOrInputs} offers the array, the
 * primitive takes the offer and checks, entry by entry as it reads them, that they are still the handles
 * (the function may have overwritten entries of its own array).
 */
final class InputHandles {
    private final IntFunction<Num> make;
    private Num[] handles = new Num[0];
    private Real[] handout = new Real[0];
    private Real[] offered;

    /** make(i) creates the handle of input i (once per dimension). */
    InputHandles(IntFunction<Num> make) {
        this.make = make;
    }

    /** The array for the next pass over n inputs: handles made once per dimension, entries repaired. */
    Real[] handOut(int n) {
        if (handles.length != n) {
            handles = new Num[n];
            for (int i = 0; i < n; i++) {
                handles[i] = make.apply(i);
            }
            handout = new Real[n];
        }
        // f may have overwritten entries in the previous pass: rewrite only those (copying references would
        // pay a GC barrier per store)
        Num[] in = handles;
        Real[] out = handout;
        if (!intact(out, 0, n)) {
            for (int i = 0; i < n; i++) {
                if (out[i] != in[i]) {
                    out[i] = in[i];
                }
            }
        }
        offered = null;
        return out;
    }

    /** The handles: x is intact where {@code x[j] == handles()[j]}. */
    Num[] handles() {
        return handles;
    }

    /** Forgets the offer (end of a pass). */
    void reset() {
        offered = null;
    }

    /**
     * Offers x, which starts with input handle 0 of this pass, to the primitive about to run; false if its
     * length is not the pass's dimension.
     */
    boolean offer(Real[] x) {
        offered = x.length == handles.length ? x : null;
        return offered != null;
    }

    /**
     * True (once) if x is the array just offered: the primitive may read it flat, checking its entries with
     * {@link #intact}.
     */
    boolean take(Real[] x) {
        boolean taken = x != null && x == offered;
        offered = null;
        return taken;
    }

    /** What {@link #claim} returns when x was offered but the function has overwritten some of its entries. */
    static final double[] CHANGED = {};

    /**
     * For a primitive that reads x flat: the point if x is the offered, intact input array; {@link #CHANGED} if
     * it was offered but an entry is no longer its handle (redispatch on {@link Num#leader}); null if it was not
     * offered (this number is the leader, use the entry-by-entry path).
     */
    double[] claim(Real[] x, double[] point) {
        if (!take(x)) {
            return null;
        }
        return intact(x, 0, x.length) ? point : CHANGED;
    }

    /** Entries checked at a time by a primitive reading x flat (a tight loop outside its main loop). */
    private static final int CHECK_BLOCK = 4096;

    /**
     * For a primitive that has taken x and reads it as it goes, with entries [0, checked) known to be the
     * handles and entries up to {@code needed} about to be read: checks a block ahead (so that the check stays
     * out of the primitive's main loop) and returns the new end of the known prefix, or −1 if an entry is no
     * longer its handle. Callers keep the prefix end in a local and call this only when {@code needed > checked}.
     */
    int checkAhead(Real[] x, int checked, int needed) {
        int to = Math.min(x.length, needed + CHECK_BLOCK);
        return intact(x, checked, to) ? to : -1;
    }

    /** True if x_j is still input handle j for every from ≤ j &lt; to. */
    boolean intact(Real[] x, int from, int to) {
        Num[] in = handles;
        int j = from;
        for (; j + 4 <= to; j += 4) { // four compares per branch: the scan runs at the speed of memory
            if (x[j] != in[j] | x[j + 1] != in[j + 1] | x[j + 2] != in[j + 2] | x[j + 3] != in[j + 3]) {
                return false;
            }
        }
        for (; j < to; j++) {
            if (x[j] != in[j]) {
                return false;
            }
        }
        return true;
    }
}
