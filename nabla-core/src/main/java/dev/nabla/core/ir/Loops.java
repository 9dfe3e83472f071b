package dev.nabla.core.ir;

import dev.nabla.core.ad.Real;
import dev.nabla.core.ad.Reals;

/**
 * Counted loops that trace as loops: while a function is traced ({@link Trace}), the body is run once on
 * symbolic carries and the loop is recorded with its trip count, so the program's size does not grow with it;
 * otherwise the body simply runs for each index (on whatever numbers the carries are: plain, dual, tape).
 */
public final class Loops {
    private Loops() {
    }

    /** A loop body with one carry: the carry after iteration i. */
    @FunctionalInterface
    public interface Body {
        Real apply(Index i, Real carry);
    }

    /** A loop body with several carries. */
    @FunctionalInterface
    public interface Bodies {
        Real[] apply(Index i, Real[] carries);
    }

    /** s ← body(i, s) for i = from, …, to − 1, starting at init; the final s. */
    public static Real fori(int from, int to, Real init, Body body) {
        return fori(from, to, new Real[] {init}, (i, s) -> new Real[] {body.apply(i, s[0])})[0];
    }

    /** {@link #fori(int, int, Real, Body)} starting at the constant init. */
    public static Real fori(int from, int to, double init, Body body) {
        ProgramBuilder b = Trace.current();
        return fori(from, to, b == null ? Reals.of(init)[0] : new Traced(b, b.constant(init)), body);
    }

    /** The carries s ← body(i, s) for i = from, …, to − 1, starting at init. */
    public static Real[] fori(int from, int to, Real[] init, Bodies body) {
        ProgramBuilder b = Trace.current();
        if (b == null) {
            Real[] s = init.clone();
            for (int i = from; i < to; i++) {
                s = body.apply(Index.of(null, i), s);
                if (s.length != init.length) {
                    throw new IllegalArgumentException("a loop body returned " + s.length + " carries, expected "
                            + init.length);
                }
            }
            return s;
        }
        if (to <= from) {
            return init.clone();
        }
        int[] ids = new int[init.length];
        for (int k = 0; k < ids.length; k++) {
            ids[k] = Traced.id(b, init[k]);
        }
        ProgramBuilder.OpenLoop loop = b.beginLoop(from, to, false, ids);
        Real[] params = new Real[ids.length];
        for (int k = 0; k < ids.length; k++) {
            params[k] = new Traced(b, loop.params()[k]);
        }
        Real[] r = body.apply(Index.counter(b, loop.counter()), params);
        int[] results = new int[r.length];
        for (int k = 0; k < r.length; k++) {
            results[k] = Traced.id(b, r[k]);
        }
        int[] outs = b.endLoop(results);
        Real[] out = new Real[outs.length];
        for (int k = 0; k < outs.length; k++) {
            out[k] = new Traced(b, outs[k]);
        }
        return out;
    }
}
