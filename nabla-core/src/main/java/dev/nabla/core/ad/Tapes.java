package dev.nabla.core.ad;

/**
 * The tapes of the current thread, as a stack: an {@link AD} entry point called while another pass is running
 * on the same thread (a nested derivative) takes the next tape, so passes never share one. Tapes are kept and
 * reused (grow only).
 */
final class Tapes {
    private static final ThreadLocal<Tapes> LOCAL = ThreadLocal.withInitial(Tapes::new);

    private Tape[] stack = new Tape[2];
    private int depth;

    static Tapes current() {
        return LOCAL.get();
    }

    Tape acquire() {
        if (depth == stack.length) {
            stack = java.util.Arrays.copyOf(stack, 2 * depth);
        }
        if (stack[depth] == null) {
            stack[depth] = new Tape();
        }
        Tape t = stack[depth++];
        t.begin();
        return t;
    }

    void release() {
        depth--;
    }
}
