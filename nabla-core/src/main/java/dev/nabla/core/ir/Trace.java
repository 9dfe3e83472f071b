package dev.nabla.core.ir;

import dev.nabla.core.ad.Real;
import dev.nabla.core.ad.RealFunction;
import dev.nabla.core.ad.RealVectorFunction;
import dev.nabla.core.ad.Reals;

/**
 * Tracing: runs a function once on traced numbers and records what it does as a {@link Program}. Code written
 * against {@link Real}, {@link Vec} and {@link Loops} traces unchanged; loops made with {@link Loops#fori} are
 * recorded once whatever their trip count, Java loops are unrolled.
 *
 * <p>What cannot be traced: reading a traced number's value ({@link Real#value()}), which is how Java code
 * branches on data. That throws {@link UntraceableException}; such code runs on the eager tape
 * ({@link dev.nabla.core.ad.AD#grad}), or rewrites its branch with max, min, abs or sign, which are primitives.
 */
public final class Trace {
    private static final ThreadLocal<ProgramBuilder> CURRENT = new ThreadLocal<>();
    static final Class<?> PLAIN = Reals.of(0.0)[0].getClass();

    private Trace() {
    }

    /** The program of f: R^n → R written on a vector. */
    public static Program of(VecFunction f, int n) {
        return run(n, (b, x) -> new int[] {Traced.id(b, f.apply(new Vec.InputVec(b, 0, n)))});
    }

    /**
     * The program of f: R^n → R written on Real[] (a Java loop over the entries is unrolled). Named apart from
     * {@link #of(VecFunction, int)} so that an inline lambda needs no type.
     */
    public static Program ofReals(RealFunction f, int n) {
        return run(n, (b, x) -> new int[] {Traced.id(b, f.apply(scalars(b, n)))});
    }

    /** The program of u: R^n → R^m, one output per component. */
    public static Program ofVectorFunction(RealVectorFunction u, int n) {
        return run(n, (b, x) -> {
            Real[] y = u.apply(scalars(b, n));
            int[] out = new int[y.length];
            for (int i = 0; i < y.length; i++) {
                out[i] = Traced.id(b, y[i]);
            }
            return out;
        });
    }

    /** The program of u: R^n → R^m written on a vector, one output per component. */
    public static Program ofVector(VecVectorFunction u, int n) {
        return run(n, (b, x) -> {
            Real[] y = u.apply(new Vec.InputVec(b, 0, n));
            int[] out = new int[y.length];
            for (int i = 0; i < y.length; i++) {
                out[i] = Traced.id(b, y[i]);
            }
            return out;
        });
    }

    private static Real[] scalars(ProgramBuilder b, int n) {
        Real[] xs = new Real[n];
        for (int i = 0; i < n; i++) {
            xs[i] = new Traced(b, b.read(0, Affine.constant(i)));
        }
        return xs;
    }

    private interface Body {
        int[] outputs(ProgramBuilder b, int x);
    }

    private static Program run(int n, Body body) {
        if (n < 0) {
            throw new IllegalArgumentException("dimension " + n + " < 0");
        }
        ProgramBuilder b = new ProgramBuilder();
        int x = b.array(ArrayDecl.Role.INPUT, n);
        ProgramBuilder outer = CURRENT.get();
        CURRENT.set(b);
        try {
            return b.build(n, body.outputs(b, x));
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    /** The program being traced on this thread, or null (code then runs eagerly). */
    static ProgramBuilder current() {
        return CURRENT.get();
    }
}
