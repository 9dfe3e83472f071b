package dev.nabla.core.ad;

import dev.nabla.core.prim.Primitive;

import java.util.Arrays;

/**
 * A window term of {@link Reals#windowSum} recorded once as a straight-line program over its window's entries:
 * slots 0 … w−1 hold x_i … x_{i+w−1}, and slot w + j holds the result of instruction j, an elementary operation
 * of earlier slots and constants. The same program then holds for every window, so that
 * {@link WindowKernel} can compile it into code that runs over all windows at once.
 *
 * <p>A term can be recorded only if it does the same operations whatever its window holds: it may use its
 * window's entries and plain constants, but not read a value ({@link Real#value()}, which it could branch on),
 * the window's start (which it could index with), or numbers of any differentiation pass. {@link #record}
 * returns null for every other term, and {@link Reals#windowSum} then differentiates it window by window.
 * Immutable. Programs with the same operations share one compiled kernel whatever their constants, which are the
 * kernel's arguments ({@link #c}): a term that captures a parameter changing from call to call is compiled once.
 */
final class WindowProgram {

    /** The operations; operand b and constant c as each one says. */
    enum Op {
        /** The constant c. */
        CONST,
        /** a + b, a − b, a · b, a / b, a^b, atan2(a, b), hypot(a, b), max(a, b), min(a, b). */
        ADD, SUB, MUL, DIV, POW, ATAN2, HYPOT, MAX, MIN,
        /** a + c, a − c, a · c, a / c, a^c. */
        ADD_C, SUB_C, MUL_C, DIV_C, POW_C,
        /** −a, 1/a, a². */
        NEG, RECIPROCAL, SQUARE,
        /** p(a) for a unary primitive p of the table ({@link #fn}). */
        CALL;

        boolean binary() {
            return compareTo(ADD) >= 0 && compareTo(MIN) <= 0;
        }

        boolean hasConstant() {
            return this == CONST || compareTo(ADD_C) >= 0 && compareTo(POW_C) <= 0;
        }
    }

    /** The most instructions a recorded term may have (larger terms are differentiated window by window). */
    static final int MAX_INSTRUCTIONS = 400;

    final int width;
    final Op[] op;
    final int[] a;
    final int[] b;
    /** Instruction j's primitive (CALL), else null. */
    final Primitive[] fn;
    /** Instruction j's constant (CONST and the operations with a constant), passed to the kernel at each call. */
    final double[] c;
    /** The slot holding the term's value. */
    final int result;
    private final int hash;

    private WindowProgram(int width, Op[] op, Primitive[] fn, int[] a, int[] b, double[] c, int result) {
        this.width = width;
        this.op = op;
        this.fn = fn;
        this.a = a;
        this.b = b;
        this.c = c;
        this.result = result;
        int h = 31 * width + result;
        h = 31 * h + Arrays.hashCode(op);
        h = 31 * h + Arrays.hashCode(fn);
        h = 31 * h + Arrays.hashCode(a);
        this.hash = 31 * h + Arrays.hashCode(b);
    }

    int size() {
        return op.length;
    }

    /** The slot of instruction j. */
    int slot(int j) {
        return width + j;
    }

    /**
     * Records term on a window of the given width, or returns null if it cannot be recorded (see the class
     * comment). Exceptions the term throws (an entry index out of range, say) are the caller's, as they would
     * be on the first window.
     */
    static WindowProgram record(Reals.WindowTerm term, int width) {
        Recorder rec = new Recorder(width);
        try {
            Real r = term.apply(rec);
            int result;
            if (r instanceof Traced t && t.rec == rec) {
                result = t.slot;
            } else if (r instanceof Plain p) {
                result = rec.constant(p.value()).slot;
            } else {
                return null;
            }
            return rec.program(result);
        } catch (Unrecordable e) {
            return null;
        }
    }

    /** The same operations on the same slots (the constants may differ: they are the kernel's arguments). */
    @Override
    public boolean equals(Object o) {
        return o instanceof WindowProgram p && p.hash == hash && p.width == width && p.result == result
                && Arrays.equals(p.op, op) && Arrays.equals(p.fn, fn) && Arrays.equals(p.a, a) && Arrays.equals(p.b, b);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("window of " + width + ":");
        for (int j = 0; j < op.length; j++) {
            s.append(" s").append(slot(j)).append('=').append(op[j] == Op.CALL ? fn[j] : op[j]);
            if (op[j] != Op.CONST) {
                s.append("(s").append(a[j]).append(op[j].binary() ? ", s" + b[j] : "").append(')');
            }
            if (op[j].hasConstant()) {
                s.append('[').append(c[j]).append(']');
            }
            s.append(';');
        }
        return s.append(" result s").append(result).toString();
    }

    /** Thrown (without a stack trace) when the term does something a program cannot hold. */
    private static final class Unrecordable extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final Unrecordable INSTANCE = new Unrecordable();

        private Unrecordable() {
            super(null, null, false, false);
        }
    }

    /** The window the term sees while it is recorded; it also collects the instructions. */
    private static final class Recorder implements Reals.Window {
        final int width;
        final long tag = Context.nextTag();
        Op[] op = new Op[16];
        Primitive[] fn = new Primitive[16];
        int[] a = new int[16];
        int[] b = new int[16];
        double[] c = new double[16];
        int size;

        Recorder(int width) {
            this.width = width;
        }

        @Override
        public Real get(int k) {
            return new Traced(this, java.util.Objects.checkIndex(k, width));
        }

        @Override
        public int start() {
            throw Unrecordable.INSTANCE; // the term may depend on where its window is
        }

        Traced constant(double v) {
            return push(Op.CONST, -1, -1, v);
        }

        Traced push(Op o, int x, int y, double k) {
            return push(o, null, x, y, k);
        }

        Traced push(Op o, Primitive f, int x, int y, double k) {
            if (size == MAX_INSTRUCTIONS) {
                throw Unrecordable.INSTANCE;
            }
            if (size == op.length) {
                op = Arrays.copyOf(op, 2 * size);
                fn = Arrays.copyOf(fn, 2 * size);
                a = Arrays.copyOf(a, 2 * size);
                b = Arrays.copyOf(b, 2 * size);
                c = Arrays.copyOf(c, 2 * size);
            }
            op[size] = o;
            fn[size] = f;
            a[size] = x;
            b[size] = y;
            c[size] = k;
            return new Traced(this, width + size++);
        }

        WindowProgram program(int result) {
            return new WindowProgram(width, Arrays.copyOf(op, size), Arrays.copyOf(fn, size), Arrays.copyOf(a, size), Arrays.copyOf(b, size),
                    Arrays.copyOf(c, size), result);
        }
    }

    /**
     * A slot of the program being recorded, as a number the term computes with. It has no value; operands of
     * other contexts than plain numbers make the term unrecordable.
     */
    private static final class Traced extends Num {
        final Recorder rec;
        final int slot;

        Traced(Recorder rec, int slot) {
            this.rec = rec;
            this.slot = slot;
        }

        /** The slot of operand o: one of this recording, or a new constant slot for a plain number. */
        private int operand(Real o) {
            if (o instanceof Traced t && t.rec == rec) {
                return t.slot;
            }
            if (o instanceof Plain p) {
                return rec.constant(p.value()).slot;
            }
            throw Unrecordable.INSTANCE;
        }

        private Real unary(Op o) {
            return rec.push(o, slot, -1, 0);
        }

        @Override
        public Real apply(Primitive p) {
            if (p.arity() != 1) {
                throw new IllegalArgumentException(p + " is not a unary primitive");
            }
            return rec.push(Op.CALL, p, slot, -1, 0);
        }

        private Real withConstant(Op o, double k) {
            return rec.push(o, slot, -1, k);
        }

        private Real binary(Op o, Real other) {
            return rec.push(o, slot, operand(other), 0);
        }

        @Override
        public double value() {
            throw Unrecordable.INSTANCE; // the term may branch on it
        }

        @Override
        long tag() {
            return rec.tag;
        }

        @Override
        Real lift(Real lower) {
            if (lower instanceof Plain p) {
                return rec.constant(p.value());
            }
            throw Unrecordable.INSTANCE;
        }

        @Override
        void kink(String primitive, String where) {
            throw new AssertionError("a recorded term evaluates nothing");
        }

        @Override
        public Real constant(double v) {
            return rec.constant(v);
        }

        @Override
        public Real add(Real o) {
            return binary(Op.ADD, o);
        }

        @Override
        public Real add(double k) {
            return withConstant(Op.ADD_C, k);
        }

        @Override
        public Real subtract(Real o) {
            return binary(Op.SUB, o);
        }

        @Override
        public Real subtract(double k) {
            return withConstant(Op.SUB_C, k);
        }

        @Override
        public Real multiply(Real o) {
            return binary(Op.MUL, o);
        }

        @Override
        public Real multiply(double k) {
            return withConstant(Op.MUL_C, k);
        }

        @Override
        public Real divide(Real o) {
            return binary(Op.DIV, o);
        }

        @Override
        public Real divide(double k) {
            return withConstant(Op.DIV_C, k);
        }

        @Override
        public Real negate() {
            return unary(Op.NEG);
        }

        @Override
        public Real reciprocal() {
            return unary(Op.RECIPROCAL);
        }

        @Override
        public Real square() {
            return unary(Op.SQUARE);
        }

        @Override
        public Real pow(double p) {
            return withConstant(Op.POW_C, p);
        }

        @Override
        public Real pow(Real p) {
            return binary(Op.POW, p);
        }

        @Override
        public Real atan2(Real x) {
            return binary(Op.ATAN2, x);
        }

        @Override
        public Real hypot(Real o) {
            return binary(Op.HYPOT, o);
        }

        @Override
        public Real max(Real o) {
            return binary(Op.MAX, o);
        }

        @Override
        public Real min(Real o) {
            return binary(Op.MIN, o);
        }
    }
}
