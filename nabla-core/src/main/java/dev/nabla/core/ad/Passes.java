package dev.nabla.core.ad;

/**
 * The passes of the current thread, as stacks (reverse tapes, forward contexts, second-order tapes): an {@link AD} entry
 * point called while another pass is running on the same thread (a nested derivative) takes the next level,
 * so passes never share one. Levels are kept and reused (their arrays and input handles grow only).
 */
final class Passes {
    private static final ThreadLocal<Passes> LOCAL = ThreadLocal.withInitial(Passes::new);

    private Tape[] tapes = new Tape[2];
    private int tapeDepth;
    private DualContext[] forwards = new DualContext[2];
    private int forwardDepth;
    private SecondOrderTape[] secondOrder = new SecondOrderTape[2];
    private int secondOrderDepth;

    static Passes current() {
        return LOCAL.get();
    }

    /** The tape of the next nesting level; start its pass with {@link Tape#begin}. */
    Tape acquireTape() {
        if (tapeDepth == tapes.length) {
            tapes = java.util.Arrays.copyOf(tapes, 2 * tapeDepth);
        }
        if (tapes[tapeDepth] == null) {
            tapes[tapeDepth] = new Tape();
        }
        return tapes[tapeDepth++];
    }

    void releaseTape() {
        tapes[--tapeDepth].end();
    }

    /** The forward context of the next nesting level; start its pass with {@link DualContext#begin}. */
    DualContext acquireForward() {
        if (forwardDepth == forwards.length) {
            forwards = java.util.Arrays.copyOf(forwards, 2 * forwardDepth);
        }
        if (forwards[forwardDepth] == null) {
            forwards[forwardDepth] = new DualContext();
        }
        return forwards[forwardDepth++];
    }

    void releaseForward() {
        forwards[--forwardDepth].end();
    }

    /** The second-order tape of the next nesting level ({@link AD#valueGradientAndHvp} begins its passes). */
    SecondOrderTape acquireSecondOrder() {
        if (secondOrderDepth == secondOrder.length) {
            secondOrder = java.util.Arrays.copyOf(secondOrder, 2 * secondOrderDepth);
        }
        if (secondOrder[secondOrderDepth] == null) {
            secondOrder[secondOrderDepth] = new SecondOrderTape();
        }
        return secondOrder[secondOrderDepth++];
    }

    void releaseSecondOrder() {
        secondOrderDepth--;
    }
}
