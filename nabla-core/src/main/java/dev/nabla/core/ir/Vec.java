package dev.nabla.core.ir;

import dev.nabla.core.ad.Real;
import dev.nabla.core.ad.Reals;

import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A vector of {@link Real} numbers written the way a user writes array code: x.get(i), map, zip, slice, sum, dot,
 * max, logSumExp, matVec. Traced, an element is recorded where it is read (maps and zips fuse into the loop that
 * consumes them; reductions are {@link Loops#fori} loops); eager ({@link #of(Real[])}), the same code runs on
 * the numbers of any pass, such as the tape of {@link dev.nabla.core.ad.AD#grad}.
 */
public abstract class Vec {
    private final int size;

    Vec(int size) {
        this.size = size;
    }

    /** The vector of the numbers x (eager). */
    public static Vec of(Real[] x) {
        return new EagerVec(x);
    }

    /** The constant vector c (captured data: traced, its values are not part of the program's shape). */
    public static Vec constant(double[] c) {
        ProgramBuilder b = Trace.current();
        return b == null ? new EagerVec(Reals.of(c)) : new InputVec(b, b.constantArray(c.clone()), c.length);
    }

    /**
     * The vector (f(0), …, f(size − 1)) computed once and kept: traced, a loop storing each element into a scratch
     * array that later code reads (memory: size numbers, whatever loops enclose it). Use it for a vector read more
     * than once, where a {@link #map} would recompute its elements at every read.
     */
    public static Vec tabulate(int size, Function<Index, Real> f) {
        if (size < 0) {
            throw new IllegalArgumentException("size " + size + " < 0");
        }
        ProgramBuilder b = Trace.current();
        if (b == null) {
            Real[] r = new Real[size];
            for (int i = 0; i < size; i++) {
                r[i] = f.apply(Index.of(null, i));
            }
            return new EagerVec(r);
        }
        int a = b.array(ArrayDecl.Role.BUFFER, size);
        if (size > 0) {
            ProgramBuilder.OpenLoop loop = b.beginLoop(0, size, false, new int[0]);
            Real v = f.apply(Index.counter(b, loop.counter()));
            b.store(a, Affine.counter(loop.counter()), Traced.id(b, v));
            b.endLoop(new int[0]);
        }
        return new InputVec(b, a, size);
    }

    /** This vector computed once and kept: {@link #tabulate}(size, this::get). */
    public Vec materialize() {
        return tabulate(size, this::get);
    }

    /** The length. */
    public final int size() {
        return size;
    }

    /** x_i at a traced or plain index (0 ≤ i &lt; size). */
    public abstract Real get(Index i);

    /** x_i. */
    public Real get(int i) {
        java.util.Objects.checkIndex(i, size);
        return get(Index.of(Trace.current(), i));
    }

    /** (f(x_0), …, f(x_{n−1})), computed where read. */
    public Vec map(UnaryOperator<Real> f) {
        Vec x = this;
        return new Vec(size) {
            @Override
            public Real get(Index i) {
                return f.apply(x.get(i));
            }
        };
    }

    /** (f(x_0, y_0), …), computed where read; the sizes must agree. */
    public Vec zip(Vec y, BinaryOperator<Real> f) {
        requireSize(y);
        Vec x = this;
        return new Vec(size) {
            @Override
            public Real get(Index i) {
                return f.apply(x.get(i), y.get(i));
            }
        };
    }

    /** (x_from, …, x_{from+length−1}). */
    public Vec slice(int from, int length) {
        if (from < 0 || length < 0 || from + length > size) {
            throw new IndexOutOfBoundsException("slice [" + from + ", " + (from + length) + ") of a vector of size "
                    + size);
        }
        Vec x = this;
        return new Vec(length) {
            @Override
            public Real get(Index i) {
                return x.get(i.plus(from));
            }
        };
    }

    /** Σ x_i (a loop). */
    public Real sum() {
        return Loops.fori(0, size, 0.0, (i, s) -> s.add(get(i)));
    }

    /** Σ x_i y_i (a loop). */
    public Real dot(Vec y) {
        requireSize(y);
        return Loops.fori(0, size, 0.0, (i, s) -> s.add(get(i).multiply(y.get(i))));
    }

    /** Σ x_i² (a loop). */
    public Real squaredNorm() {
        return Loops.fori(0, size, 0.0, (i, s) -> s.add(get(i).square()));
    }

    /** max x_i (a loop; at a tie the earlier entry, as {@link Real#max}); size ≥ 1. */
    public Real max() {
        if (size == 0) {
            throw new IllegalArgumentException("max of an empty vector");
        }
        return Loops.fori(1, size, get(0), (i, m) -> m.max(get(i)));
    }

    /** log Σ exp x_i, shifted by max x_i so that no exponential overflows (two loops); size ≥ 1. */
    public Real logSumExp() {
        Real m = max();
        return Loops.fori(0, size, 0.0, (i, s) -> s.add(get(i).subtract(m).exp())).log().add(m);
    }

    /** A x for a constant matrix A (rows of equal length = size), each entry an inner loop where read. */
    public Vec matVec(double[][] a) {
        int cols = a.length == 0 ? 0 : a[0].length;
        requireSize(cols);
        double[] flat = new double[a.length * cols];
        for (int r = 0; r < a.length; r++) {
            if (a[r].length != cols) {
                throw new IllegalArgumentException("matVec: row " + r + " has " + a[r].length + " entries, expected "
                        + cols);
            }
            System.arraycopy(a[r], 0, flat, r * cols, cols);
        }
        Vec m = constant(flat);
        Vec x = this;
        return new Vec(a.length) {
            @Override
            public Real get(Index i) {
                return Loops.fori(0, cols, 0.0, (j, s) -> s.add(m.get(i.times(cols).plus(j)).multiply(x.get(j))));
            }
        };
    }

    private void requireSize(Vec y) {
        requireSize(y.size);
    }

    private void requireSize(int n) {
        if (n != size) {
            throw new IllegalArgumentException("sizes differ: " + size + " and " + n);
        }
    }

    /** Numbers held in an array (eager). */
    static final class EagerVec extends Vec {
        private final Real[] x;

        EagerVec(Real[] x) {
            super(x.length);
            this.x = x;
        }

        @Override
        public Real get(Index i) {
            return x[i.intValue()];
        }
    }

    /** An array of the program being traced (the input x, or constant data). */
    static final class InputVec extends Vec {
        private final ProgramBuilder b;
        private final int array;

        InputVec(ProgramBuilder b, int array, int n) {
            super(n);
            this.b = b;
            this.array = array;
        }

        @Override
        public Real get(Index i) {
            if (i.b != null && i.b != b) {
                throw new UntraceableException("an index of another trace was used in this one");
            }
            return new Traced(b, b.read(array, i.affine));
        }
    }
}
