package dev.nabla.core.ad;

/**
 * The second-order tapes of the current thread, as a stack (like {@link Tapes}): a Hessian-vector product
 * computed while another one is running on the same thread (a nested derivative) takes the next tape. Tapes
 * are kept and reused (grow only).
 */
final class SecondOrderTapes {
    private static final ThreadLocal<SecondOrderTapes> LOCAL = ThreadLocal.withInitial(SecondOrderTapes::new);

    private SecondOrderTape[] stack = new SecondOrderTape[2];
    private int depth;

    static SecondOrderTapes current() {
        return LOCAL.get();
    }

    SecondOrderTape acquire() {
        if (depth == stack.length) {
            stack = java.util.Arrays.copyOf(stack, 2 * depth);
        }
        if (stack[depth] == null) {
            stack[depth] = new SecondOrderTape();
        }
        SecondOrderTape t = stack[depth++];
        t.begin();
        return t;
    }

    void release() {
        depth--;
    }
}
