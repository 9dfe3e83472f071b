package dev.nabla.core.ad;

import dev.nabla.core.ad.WindowProgram.Op;
import dev.nabla.core.prim.Primitive;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A window term of {@link Reals#windowSum} compiled to JVM code that runs over all the windows in one loop: the
 * term's {@link WindowProgram} becomes straight-line code on doubles (the same rules, in the same order, as
 * {@link DoubleNum}), followed in reverse mode by its adjoint code (the adjoint of every slot in a local,
 * propagated in reverse order as the tape would, a zero adjoint passing nothing on) and in forward mode by
 * each slot's tangent beside its value (a zero tangent times any partial counting as zero, as in
 * {@link DualNum}). No number object is created per window and the JIT sees plain arithmetic.
 *
 * <p>Kernels are cached by the program's operations, so a term is compiled once however often it is summed and
 * whatever its constants, which each call passes in ({@link Bound}; the program is recorded again on each
 * call, which costs one evaluation of the term on symbolic numbers). A kernel is
 * stateless and may be used by any thread. Terms that cannot be recorded, or whose code would be too large
 * for the JIT to compile, get no kernel and are differentiated window by window instead.
 */
abstract class WindowKernel {
    /** Windows below which a window sum is not worth recording and compiling (the window-by-window path runs). */
    static final int MIN_WINDOWS = 64;
    /** The widest window compiled. */
    static final int MAX_WIDTH = 256;
    /** The largest method the JIT compiles by default (HotSpot's HugeMethodLimit); larger kernels are not made. */
    private static final int MAX_CODE = 8000;
    private static final int MAX_CACHED = 256;
    /** The largest stride compiled (the loop's step is one 16-bit increment). */
    static final int MAX_STRIDE = Short.MAX_VALUE;
    private static final System.Logger LOG = System.getLogger(WindowKernel.class.getName());
    private static final ConcurrentHashMap<Key, Optional<WindowKernel>> CACHE = new ConcurrentHashMap<>();
    private static final String SELF = "dev/nabla/core/ad/WindowKernel";
    private static final String RULES = "dev/nabla/core/ad/DoubleNum";
    private static final String MATH = "java/lang/Math";
    private static final String PRIMITIVE = "dev/nabla/core/prim/Primitive";
    private static final String PRIMITIVE_TYPE = "L" + PRIMITIVE + ";";
    private static final int INVOKEVIRTUAL = 0xb6;
    private static final String CONTEXT = "Ldev/nabla/core/ad/Context;";
    private static final String OBJECTS = "[Ljava/lang/Object;";

    /**
     * Σ term(x_s, …, x_{s+w−1}) over the window starts s = 0, stride, 2·stride, … below {@code limit}, with
     * ∂term/∂x_{s+k} summed into {@code p[off + s + k]}: stored for k ≥ w − stride (no earlier window holds the
     * entry) and added for smaller k, so the caller zeroes the first window's entries k &lt; w − stride (see
     * {@link Bound#gradient}). k holds the program's constants; kinks are recorded in ctx. The stride is
     * compiled in.
     *
     * <p>x holds the values of the numbers xs; the kernel checks that each entry of xs it reads past the
     * first window is still {@code handles[j]} (the function may have overwritten its argument) and throws
     * {@link ArgumentChanged} if not. Callers whose values were read from xs itself pass null for both.
     */
    abstract double reverse(double[] k, double[] x, Object[] xs, Object[] handles, int limit, double[] p, int off,
                            Context ctx);

    /**
     * Σ term(window) as in {@link #reverse}, storing Σ D term(window)·t (the directional derivative of the sum
     * along t) in {@code tangentSum[0]}; kinks are recorded in ctx.
     */
    abstract double forward(double[] k, double[] x, double[] t, Object[] xs, Object[] handles, int limit,
                            double[] tangentSum, Context ctx);

    /** {@link #forward} with every tangent product guarded (see {@link Mode}). */
    abstract double forwardGuarded(double[] k, double[] x, double[] t, Object[] xs, Object[] handles, int limit,
                                   double[] tangentSum, Context ctx);

    /** Σ D term(window)·t over the windows as in {@link #reverse}, without their values' sum. */
    abstract double directional(double[] k, double[] x, double[] t, int limit, Context ctx);

    /** {@link #directional} with every tangent product guarded (see {@link Mode}). */
    abstract double directionalGuarded(double[] k, double[] x, double[] t, int limit, Context ctx);

    /** Σ term(window) over the windows as in {@link #reverse}. */
    abstract double value(double[] k, double[] x, int limit, Context ctx);

    /**
     * A kernel with the constants of one recording of its term, over windows of the given width and stride: what
     * a window sum runs. Its methods cover all of x (x.length entries).
     */
    record Bound(WindowKernel kernel, double[] constants, int width, int stride) {

        private int limit(double[] x) {
            return x.length - width + 1;
        }

        /**
         * {@link #reverse} with ∂/∂x_j written (not added) to {@code p[off + j]}: zeroes what the kernel only
         * adds to (the first window's entries that the next window also holds) and what no window holds.
         */
        double gradient(double[] x, Object[] xs, Object[] handles, double[] p, int off, Context ctx) {
            int n = x.length;
            int covered = (Windows.count(n, width, stride) - 1) * stride + width;
            Arrays.fill(p, off, off + (stride > width ? n : Math.max(0, width - stride)), 0);
            Arrays.fill(p, off + covered, off + n, 0);
            return kernel.reverse(constants, x, xs, handles, limit(x), p, off, ctx);
        }

        /** {@link #forward}, again guarded if its tangent sum is NaN (with the kinks of the first run forgotten). */
        double forward(double[] x, double[] t, Object[] xs, Object[] handles, double[] tangentSum, Context ctx) {
            int kinks = ctx.kinkCount();
            double s = kernel.forward(constants, x, t, xs, handles, limit(x), tangentSum, ctx);
            if (Double.isNaN(tangentSum[0])) {
                ctx.restoreKinks(kinks);
                s = kernel.forwardGuarded(constants, x, t, xs, handles, limit(x), tangentSum, ctx);
            }
            return s;
        }

        /** {@link #directional}, again guarded if it is NaN. */
        double directional(double[] x, double[] t, Context ctx) {
            int kinks = ctx.kinkCount();
            double d = kernel.directional(constants, x, t, limit(x), ctx);
            if (Double.isNaN(d)) {
                ctx.restoreKinks(kinks);
                d = kernel.directionalGuarded(constants, x, t, limit(x), ctx);
            }
            return d;
        }

        double value(double[] x, Context ctx) {
            return kernel.value(constants, x, limit(x), ctx);
        }
    }

    /** Thrown (without a stack trace) by a kernel that finds an entry of its argument overwritten. */
    static final class ArgumentChanged extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final ArgumentChanged INSTANCE = new ArgumentChanged();

        private ArgumentChanged() {
            super(null, null, false, false);
        }
    }

    /** Called by the kernels' checks: throws {@link ArgumentChanged}. */
    static void argumentChanged() {
        throw ArgumentChanged.INSTANCE;
    }

    /** A program's operations with the stride its loop steps by (a constant, so that the JIT sees a counted loop). */
    private record Key(WindowProgram program, int stride) {
    }

    /** The kernel of a window sum over n entries, or null: too few windows to be worth it, or none compiled. */
    static Bound forSum(int n, int width, int stride, Reals.WindowTerm term) {
        return Windows.count(n, width, stride) >= MIN_WINDOWS ? of(term, width, stride) : null;
    }

    /**
     * The compiled kernel of term over windows of the given width and stride, with the constants of this
     * recording of the term, or null if it has none.
     */
    static Bound of(Reals.WindowTerm term, int width, int stride) {
        if (width > MAX_WIDTH || stride > MAX_STRIDE) {
            return null;
        }
        WindowProgram program = WindowProgram.record(term, width);
        if (program == null) {
            return null;
        }
        Key key = new Key(program, stride);
        Optional<WindowKernel> kernel = CACHE.get(key);
        if (kernel == null) {
            if (CACHE.size() >= MAX_CACHED) {
                CACHE.clear();
            }
            kernel = CACHE.computeIfAbsent(key, k -> Optional.ofNullable(compile(k.program, k.stride)));
        }
        return kernel.map(k -> new Bound(k, program.c, width, stride)).orElse(null);
    }

    static WindowKernel compile(WindowProgram p, int stride) {
        ClassFile file = new ClassFile(SELF + "$Compiled", SELF);
        for (Mode mode : Mode.values()) {
            Generator g = new Generator(p, stride, file, mode);
            if (g.code.size() > MAX_CODE) {
                return null;
            }
            file.method(0, mode.method, mode.descriptor, g.code);
        }
        try {
            MethodHandles.Lookup hidden = MethodHandles.lookup().defineHiddenClass(file.toBytes(), true);
            return (WindowKernel) hidden.findConstructor(hidden.lookupClass(), MethodType.methodType(void.class))
                    .invoke();
        } catch (Throwable e) { // a generator bug: the window-by-window path gives the same results
            LOG.log(System.Logger.Level.WARNING, "window term not compiled: " + p, e);
            return null;
        }
    }

    /**
     * The kernel's methods, each a loop over the windows. Tangents are multiplied out plainly, except in the
     * guarded methods, where a zero tangent times an infinite (or NaN) partial counts as zero: the plain product
     * differs from the guarded one only there, where it is NaN, so a NaN tangent sum sends the callers to the
     * guarded method, and the common case pays for no test.
     */
    private enum Mode {
        REVERSE("reverse", "([D[D" + OBJECTS + OBJECTS + "I[DI" + CONTEXT + ")D", false, true, true, true),
        FORWARD("forward", "([D[D[D" + OBJECTS + OBJECTS + "I[D" + CONTEXT + ")D", true, true, true, false),
        FORWARD_GUARDED("forwardGuarded", FORWARD.descriptor, true, true, true, true),
        DIRECTIONAL("directional", "([D[D[DI" + CONTEXT + ")D", true, false, false, false),
        DIRECTIONAL_GUARDED("directionalGuarded", DIRECTIONAL.descriptor, true, false, false, true),
        VALUE("value", "([D[DI" + CONTEXT + ")D", false, false, true, true);

        final String method;
        final String descriptor;
        final boolean tangents;
        final boolean checks;
        final boolean values;
        final boolean guarded;

        Mode(String method, String descriptor, boolean tangents, boolean checks, boolean values, boolean guarded) {
            this.method = method;
            this.descriptor = descriptor;
            this.tangents = tangents;
            this.checks = checks;
            this.values = values;
            this.guarded = guarded;
        }

        /** Values and tangents, the tangent sum stored in an array argument (the forward methods). */
        boolean pairs() {
            return tangents && values;
        }
    }

    /**
     * The code of one kernel method. A partial is either a constant (known when generating) or a local; a
     * tangent may be known to be zero. Locals: the arguments, then the window start s, the sum(s), then per slot
     * its value, partials and adjoint or tangent.
     */
    private static final class Generator {
        private static final int NONE = -1;
        final WindowProgram p;
        final ClassFile.Code code;
        final Mode mode;
        final boolean forward; // tangents, not adjoints
        // argument and loop locals, in the order of the mode's descriptor (NONE where it has none)
        final int stride;
        final int constants = 1;
        final int x;
        final int t;
        final int xs;
        final int handles;
        final int limit;
        final int out; // p (reverse) or tangentSum (forward)
        final int off;
        final int ctx;
        final int s;
        final int sum;
        final int tangentSum;
        // per slot
        final int[] value;
        final int[] partialA;
        final int[] partialB;
        final double[] constantA;
        final double[] constantB;
        final int[] derivative; // adjoint (reverse) or tangent (forward) local, NONE if known zero / untouched

        Generator(WindowProgram p, int stride, ClassFile file, Mode mode) {
            this.p = p;
            this.stride = stride;
            this.mode = mode;
            this.forward = mode.tangents;
            int next = 2;
            x = next++;
            t = forward ? next++ : NONE;
            xs = mode.checks ? next++ : NONE;
            handles = mode.checks ? next++ : NONE;
            limit = next++;
            out = mode == Mode.REVERSE || mode.pairs() ? next++ : NONE;
            off = mode == Mode.REVERSE ? next++ : NONE;
            ctx = next++;
            s = next++;
            sum = next;
            next += 2;
            tangentSum = forward ? next : NONE;
            next += forward ? 2 : 0;
            int slots = p.width + p.size();
            value = new int[slots];
            partialA = new int[slots];
            partialB = new int[slots];
            constantA = new double[slots];
            constantB = new double[slots];
            derivative = new int[slots];
            for (int q = 0; q < slots; q++) {
                value[q] = next;
                partialA[q] = next + 2;
                partialB[q] = next + 4;
                derivative[q] = NONE;
                next += 8;
            }
            code = file.new Code(next);
            generate();
        }

        private void generate() {
            ClassFile.Code c = code;
            c.dconst(0);
            c.dstore(sum);
            if (forward) {
                c.dconst(0);
                c.dstore(tangentSum);
            }
            loadConstants();
            c.iconst(0);
            c.istore(s);
            int loop = c.size();
            c.iload(s);
            c.iload(limit);
            int exit = c.branch(0xa2); // if_icmpge
            if (mode.checks) {
                // entries past the first window are checked once each, by the window that first holds them
                c.aload(handles);
                int unchecked = c.branch(0xc6); // ifnull
                for (int k = Math.max(0, p.width - stride); k < p.width; k++) {
                    loadEntry(xs, k, AALOAD);
                    loadEntry(handles, k, AALOAD);
                    int same = c.branch(0xa5); // if_acmpeq
                    call(SELF, "argumentChanged", "()V");
                    c.land(same);
                }
                c.land(unchecked);
            }
            boolean[] used = usedSlots();
            for (int k = 0; k < p.width; k++) {
                if (used[k]) {
                    loadEntry(x, k, DALOAD);
                    c.dstore(value[k]);
                    if (forward) {
                        loadEntry(t, k, DALOAD);
                        c.dstore(derivativeLocal(k));
                    }
                }
            }
            for (int j = 0; j < p.size(); j++) {
                values(j);
                if (forward) {
                    tangent(j, mode.guarded);
                }
            }
            if (mode.values) {
                c.dload(sum);
                c.dload(value[p.result]);
                c.op(0x63); // dadd
                c.dstore(sum);
            }
            if (forward) {
                if (derivative[p.result] != NONE) {
                    c.dload(tangentSum);
                    c.dload(derivative[p.result]);
                    c.op(0x63);
                    c.dstore(tangentSum);
                }
            } else if (mode == Mode.REVERSE) {
                adjoints();
            }
            c.iinc(s, stride);
            c.jumpBack(0xa7, loop); // goto
            c.land(exit);
            if (mode.pairs()) {
                c.aload(out);
                c.iconst(0);
                c.dload(tangentSum);
                c.op(0x52); // dastore
            }
            c.dload(forward && !mode.values ? tangentSum : sum);
            c.op(0xaf); // dreturn
        }

        private int derivativeLocal(int q) {
            derivative[q] = value[q] + 6;
            return derivative[q];
        }

        /** Slots the result depends on. */
        private boolean[] usedSlots() {
            boolean[] used = new boolean[p.width + p.size()];
            used[p.result] = true;
            for (int j = p.size() - 1; j >= 0; j--) {
                if (used[p.slot(j)] && p.op[j] != Op.CONST) {
                    used[p.a[j]] = true;
                    if (p.op[j].binary()) {
                        used[p.b[j]] = true;
                    }
                }
            }
            return used;
        }

        private static final int AALOAD = 0x32;
        private static final int DALOAD = 0x31;

        /** Pushes array[s + k], loaded by the given instruction (daload or aaload). */
        private void loadEntry(int array, int k, int load) {
            code.aload(array);
            code.iload(s);
            code.iconst(k);
            code.op(0x60); // iadd
            code.op(load);
        }

        private void constants(int q, double a, double b) {
            partialA[q] = NONE;
            partialB[q] = NONE;
            constantA[q] = a;
            constantB[q] = b;
        }

        private void call(String owner, String name, String descriptor) {
            code.invokestatic(owner, name, descriptor);
        }

        /** The local holding the constant of the unary instruction at slot q (its second partial's, unused). */
        private int constantLocal(int q) {
            return value[q] + 4;
        }

        /**
         * Before the loop: the program's constants from the argument array into locals (CONST into its value,
         * the others into {@link #constantLocal}), and 1/c for a division by c, so that the loop reads registers.
         */
        private void loadConstants() {
            ClassFile.Code c = code;
            for (int j = 0; j < p.size(); j++) {
                if (!p.op[j].hasConstant()) {
                    continue;
                }
                int q = p.slot(j);
                int into = p.op[j] == Op.CONST ? value[q] : constantLocal(q);
                c.aload(constants);
                c.iconst(j);
                c.op(DALOAD);
                c.dstore(into);
                if (p.op[j] == Op.DIV_C) {
                    c.dconst(1);
                    c.dload(into);
                    c.op(0x6f); // ddiv
                    c.dstore(partialA[q]);
                }
            }
        }

        /** The value of instruction j and its partials. */
        private void values(int j) {
            ClassFile.Code c = code;
            int q = p.slot(j);
            int va = p.op[j] == Op.CONST ? NONE : value[p.a[j]];
            int vb = p.op[j].binary() ? value[p.b[j]] : NONE;
            int k = constantLocal(q);
            int v = value[q];
            switch (p.op[j]) {
                case CONST -> constants(q, 0, 0); // its value was loaded before the loop

                case ADD, SUB, MUL, DIV -> {
                    c.dload(va);
                    c.dload(vb);
                    c.op(arithmetic(p.op[j]));
                    c.dstore(v);
                    switch (p.op[j]) {
                        case ADD -> constants(q, 1, 1);
                        case SUB -> constants(q, 1, -1);
                        case MUL -> {
                            partialA[q] = vb;
                            partialB[q] = va;
                        }
                        default -> { // 1/b and −(a/b)/b
                            c.dconst(1);
                            c.dload(vb);
                            c.op(0x6f);
                            c.dstore(partialA[q]);
                            c.dload(v);
                            c.op(0x77); // dneg
                            c.dload(vb);
                            c.op(0x6f);
                            c.dstore(partialB[q]);
                        }
                    }
                }
                case POW -> {
                    binaryCall(va, vb, MATH, "pow", v);
                    kinkOf(Primitive.POW, va, vb);
                    binaryCall(va, vb, PRIMITIVE, "powBase", partialA[q]);
                    c.dload(va);
                    c.dload(vb);
                    c.dload(v);
                    call(PRIMITIVE, "powExponent", "(DDD)D");
                    c.dstore(partialB[q]);
                }
                case ATAN2 -> {
                    binaryCall(va, vb, MATH, "atan2", v);
                    partial(Primitive.ATAN2, 0, va, vb, v, partialA[q]);
                    partial(Primitive.ATAN2, 1, va, vb, v, partialB[q]);
                }
                case HYPOT -> {
                    c.dload(va);
                    c.dload(vb);
                    c.aload(ctx);
                    call(RULES, "hypot", "(DD" + CONTEXT + ")D");
                    c.dstore(v);
                    binaryCall(va, v, PRIMITIVE, "dHypot", partialA[q]);
                    binaryCall(vb, v, PRIMITIVE, "dHypot", partialB[q]);
                }
                case MAX, MIN -> {
                    int max = p.op[j] == Op.MAX ? 1 : 0;
                    c.dload(va);
                    c.dload(vb);
                    c.iconst(max);
                    c.aload(ctx);
                    call(RULES, "extremum", "(DDZ" + CONTEXT + ")D");
                    c.dstore(v);
                    for (int first = 1; first >= 0; first--) {
                        c.dload(va);
                        c.dload(vb);
                        c.iconst(max);
                        c.iconst(first);
                        call(RULES, "dExtremum", "(DDZZ)D");
                        c.dstore(first == 1 ? partialA[q] : partialB[q]);
                    }
                }
                case ADD_C, SUB_C, MUL_C, DIV_C -> {
                    c.dload(va);
                    c.dload(k);
                    c.op(arithmetic(p.op[j]));
                    c.dstore(v);
                    switch (p.op[j]) {
                        case MUL_C -> partialA[q] = k; // the constant
                        case DIV_C -> { } // 1/c, computed before the loop
                        default -> constants(q, 1, 0);
                    }
                    partialB[q] = NONE;
                }
                case POW_C -> {
                    c.dload(va);
                    c.dload(k);
                    call(MATH, "pow", "(DD)D");
                    c.dstore(v);
                    c.dload(va);
                    c.dload(k);
                    c.aload(ctx);
                    call(RULES, "powKinkOf", "(DD" + CONTEXT + ")V");
                    c.dload(va);
                    c.dload(k);
                    call(PRIMITIVE, "powBase", "(DD)D");
                    c.dstore(partialA[q]);
                    partialB[q] = NONE;
                }
                case NEG -> {
                    c.dload(va);
                    c.op(0x77);
                    c.dstore(v);
                    constants(q, -1, 0);
                }
                case RECIPROCAL -> { // 1/a, partial −(1/a)·(1/a)
                    c.dconst(1);
                    c.dload(va);
                    c.op(0x6f);
                    c.dstore(v);
                    c.dload(v);
                    c.op(0x77);
                    c.dload(v);
                    c.op(0x6b);
                    c.dstore(partialA[q]);
                    partialB[q] = NONE;
                }
                case SQUARE -> { // a·a, partial 2a as a + a (the same double; an addition leaves the multipliers free)
                    c.dload(va);
                    c.dload(va);
                    c.op(0x6b);
                    c.dstore(v);
                    c.dload(va);
                    c.dload(va);
                    c.op(0x63);
                    c.dstore(partialA[q]);
                    partialB[q] = NONE;
                }
                case CALL -> { // a unary primitive of the table: its value, kink and partial by the table's rules
                    Primitive f = p.fn[j];
                    c.getstatic(PRIMITIVE, f.name(), PRIMITIVE_TYPE);
                    c.dload(va);
                    c.dconst(0);
                    c.invoke(INVOKEVIRTUAL, PRIMITIVE, "value", "(DD)D");
                    c.dstore(v);
                    if (f.hasKinks()) {
                        kinkOf(f, va, NONE);
                    }
                    partial(f, 0, va, NONE, v, partialA[q]);
                    partialB[q] = NONE;
                }
            }
        }

        /** Records the kink of f at the values in locals a and b (NONE: 0) in ctx, as {@link DoubleNum#kinkOf}. */
        private void kinkOf(Primitive f, int a, int b) {
            code.getstatic(PRIMITIVE, f.name(), PRIMITIVE_TYPE);
            code.dload(a);
            pushOrZero(b);
            code.aload(ctx);
            call(RULES, "kinkOf", "(" + PRIMITIVE_TYPE + "DD" + CONTEXT + ")V");
        }

        /** Stores f's double-specialised partial i at the values in locals a, b (NONE: 0) and v into local into. */
        private void partial(Primitive f, int i, int a, int b, int v, int into) {
            code.getstatic(PRIMITIVE, f.name(), PRIMITIVE_TYPE);
            code.iconst(i);
            code.dload(a);
            pushOrZero(b);
            code.dload(v);
            code.invoke(INVOKEVIRTUAL, PRIMITIVE, "partial", "(IDDD)D");
            code.dstore(into);
        }

        private void pushOrZero(int local) {
            if (local == NONE) {
                code.dconst(0);
            } else {
                code.dload(local);
            }
        }

        /** The instruction of an arithmetic operation, with a variable or a constant second operand. */
        private static int arithmetic(Op o) {
            return switch (o) {
                case ADD, ADD_C -> 0x63; // dadd
                case SUB, SUB_C -> 0x67; // dsub
                case MUL, MUL_C -> 0x6b; // dmul
                case DIV, DIV_C -> 0x6f; // ddiv
                default -> throw new IllegalArgumentException(o + " is not arithmetic");
            };
        }

        private void binaryCall(int a, int b, String owner, String name, int into) {
            code.dload(a);
            code.dload(b);
            call(owner, name, "(DD)D");
            code.dstore(into);
        }

        /**
         * Pushes partial × derivative (tangent or adjoint) of slot r, guarded by {@link DoubleNum#times} (a zero
         * derivative passes nothing on) or a plain product, or nothing (returns false) if it is known zero.
         */
        private boolean contribution(int partialLocal, double partialConstant, int r, boolean guarded) {
            int d = derivative[r];
            if (d == NONE) {
                return false;
            }
            ClassFile.Code c = code;
            if (partialLocal == NONE && Double.isFinite(partialConstant)) {
                if (partialConstant == 0) {
                    return false;
                }
                c.dload(d);
                if (partialConstant == -1) {
                    c.op(0x77);
                } else if (partialConstant != 1) {
                    c.dconst(partialConstant);
                    c.op(0x6b);
                }
                return true;
            }
            pushPartial(partialLocal, partialConstant);
            c.dload(d);
            if (guarded) {
                call(RULES, "times", "(DD)D");
            } else {
                c.op(0x6b); // dmul
            }
            return true;
        }

        private void pushPartial(int local, double constant) {
            if (local == NONE) {
                code.dconst(constant);
            } else {
                code.dload(local);
            }
        }

        /** Forward mode: the tangent of instruction j from its operands' tangents, with or without the guard. */
        private void tangent(int j, boolean guarded) {
            if (p.op[j] == Op.CONST) {
                return; // known zero
            }
            int q = p.slot(j);
            boolean a = contribution(partialA[q], constantA[q], p.a[j], guarded);
            if (a && p.op[j].binary() && partialB[q] == NONE && constantB[q] == -1 && derivative[p.b[j]] != NONE) {
                code.dload(derivative[p.b[j]]); // ṫ_a − ṫ_b rather than ṫ_a + (−ṫ_b)
                code.op(0x67); // dsub
                code.dstore(derivativeLocal(q));
                return;
            }
            boolean b = p.op[j].binary() && contribution(partialB[q], constantB[q], p.b[j], guarded);
            if (a && b) {
                code.op(0x63);
            }
            if (a || b) {
                code.dstore(derivativeLocal(q));
            }
        }

        /** Reverse mode: adjoints from the result down to the window's entries, then into p. */
        private void adjoints() {
            ClassFile.Code c = code;
            c.dconst(1);
            c.dstore(derivativeLocal(p.result));
            for (int j = p.size() - 1; j >= 0; j--) {
                int q = p.slot(j);
                if (p.op[j] == Op.CONST || derivative[q] == NONE) {
                    continue;
                }
                propagate(q, p.a[j], partialA[q], constantA[q]);
                if (p.op[j].binary()) {
                    propagate(q, p.b[j], partialB[q], constantB[q]);
                }
            }
            for (int k = 0; k < p.width; k++) {
                boolean first = k >= p.width - stride; // no earlier window holds entry s + k
                if (derivative[k] == NONE && !first) {
                    continue;
                }
                c.aload(out);
                c.iload(off);
                c.iload(s);
                c.op(0x60);
                c.iconst(k);
                c.op(0x60);
                if (first) {
                    pushPartial(derivative[k], 0);
                } else {
                    c.op(0x5c); // dup2
                    c.op(DALOAD);
                    c.dload(derivative[k]);
                    c.op(0x63);
                }
                c.op(0x52); // dastore
            }
        }

        /** adjoint(r) += adjoint(q) · partial, starting adjoint(r) at its first contribution. */
        private void propagate(int q, int r, int partialLocal, double partialConstant) {
            if (!contribution(partialLocal, partialConstant, q, true)) {
                return;
            }
            if (derivative[r] == NONE) {
                code.dstore(derivativeLocal(r));
            } else {
                code.dload(derivative[r]);
                code.op(0x63);
                code.dstore(derivative[r]);
            }
        }
    }
}
