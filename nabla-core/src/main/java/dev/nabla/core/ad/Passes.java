package dev.nabla.core.ad;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The passes of the current thread, one stack per kind (reverse tapes, forward contexts, second-order tapes): an
 * {@link AD} entry point called while another pass is running on the same thread (a nested derivative) takes
 * the next level, so passes never share one. Levels are kept and reused (their arrays and input handles grow
 * only).
 */
final class Passes {
    private static final ThreadLocal<Passes> LOCAL = ThreadLocal.withInitial(Passes::new);

    private final Levels<Tape> tapes = new Levels<>(Tape::new, Tape::end);
    private final Levels<DualContext> forwards = new Levels<>(DualContext::new, DualContext::end);
    private final Levels<SecondOrderTape> secondOrder = new Levels<>(SecondOrderTape::new, t -> { });

    static Passes current() {
        return LOCAL.get();
    }

    /** The tape of the next nesting level; start its pass with {@link Tape#begin}. */
    Tape acquireTape() {
        return tapes.acquire();
    }

    void releaseTape() {
        tapes.release();
    }

    /** The forward context of the next nesting level; start its pass with {@link DualContext#begin}. */
    DualContext acquireForward() {
        return forwards.acquire();
    }

    void releaseForward() {
        forwards.release();
    }

    /** The second-order tape of the next nesting level ({@link AD#valueGradientAndHvp} begins its passes). */
    SecondOrderTape acquireSecondOrder() {
        return secondOrder.acquire();
    }

    void releaseSecondOrder() {
        secondOrder.release();
    }

    /** One stack of reusable passes: made on first use at a depth, ended on release. */
    private static final class Levels<P> {
        private final Supplier<P> make;
        private final Consumer<P> end;
        private final List<P> levels = new ArrayList<>();
        private int depth;

        Levels(Supplier<P> make, Consumer<P> end) {
            this.make = make;
            this.end = end;
        }

        P acquire() {
            if (depth == levels.size()) {
                levels.add(make.get());
            }
            return levels.get(depth++);
        }

        void release() {
            end.accept(levels.get(--depth));
        }
    }
}
