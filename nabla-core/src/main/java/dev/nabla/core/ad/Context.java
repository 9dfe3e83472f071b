package dev.nabla.core.ad;

import dev.nabla.core.field.DomainException;
import dev.nabla.core.field.Kink;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One differentiation context (a forward pass or a reverse pass): its tag, which orders nested contexts, and
 * the kinks met during the pass. Confined to the thread running the pass.
 */
class Context {
    private static final AtomicLong TAGS = new AtomicLong();

    long tag = nextTag();
    private List<Kink> kinks;
    /** The first overflow met in this pass (a finite argument giving an infinite value or partial), or null. */
    private String overflow;

    /** A fresh tag, larger than every tag handed out before: a context started now is nested in all live ones. */
    static long nextTag() {
        return TAGS.incrementAndGet();
    }

    /** Starts a new pass: fresh tag, no kinks. */
    void restart() {
        tag = nextTag();
        if (kinks != null) {
            kinks.clear();
        }
        overflow = null;
    }

    /** The point this pass started at, for the messages of domain errors; null where it is not known. */
    double[] point() {
        return null;
    }

    /** Records an overflow (the first is kept): reported if it reaches the result, see {@link #checkFinite}. */
    void overflow(String what) {
        if (overflow == null) {
            overflow = what;
        }
    }

    /**
     * Throws a {@link DomainException} naming the overflow met in this pass when a result r of it is not finite:
     * an overflow is reported as such, never as a silent ∞ or NaN (an overflowed partial multiplied by an exact
     * zero tangent or adjoint leaves the results finite, and is then harmless).
     */
    void checkFinite(double r, double[] x) {
        if (overflow != null && !Double.isFinite(r)) {
            throw new DomainException(overflow.substring(0, overflow.indexOf(':')), "overflow" + overflow
                    .substring(overflow.indexOf(':')), x);
        }
    }

    void kink(String primitive, String where) {
        if (kinks == null) {
            kinks = new ArrayList<>();
        }
        kinks.add(new Kink(primitive, where));
    }

    /** Records the kinks another (local) context met as kinks of this one. */
    void copyKinks(Context other) {
        if (other.kinks != null) {
            for (Kink k : other.kinks) {
                kink(k.primitive(), k.where());
            }
        }
    }

    /** How many kinks have been recorded in this pass (a mark for {@link #restoreKinks}). */
    int kinkCount() {
        return kinks == null ? 0 : kinks.size();
    }

    /** Forgets the kinks recorded after the mark (work that is being redone). */
    void restoreKinks(int mark) {
        if (kinks != null) {
            kinks.subList(mark, kinks.size()).clear();
        }
    }

    List<Kink> kinks() {
        return kinks == null ? List.of() : List.copyOf(kinks);
    }

    boolean hasKinks() {
        return kinks != null && !kinks.isEmpty();
    }
}
