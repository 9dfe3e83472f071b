package dev.nabla.core.transform;

import dev.nabla.core.ir.Affine;
import dev.nabla.core.ir.ArrayDecl;
import dev.nabla.core.ir.Block;
import dev.nabla.core.ir.Instr;
import dev.nabla.core.ir.Loop;
import dev.nabla.core.ir.Program;
import dev.nabla.core.ir.ProgramBuilder;
import dev.nabla.core.prim.Primitive;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reverse mode as a program transformation: linearise, then transpose. The program is copied (the primal);
 * then its instructions are walked backwards and the transpose of each one's linearisation dv = Σ_k ∂p/∂a_k da_k
 * is emitted, ā_k += ∂p/∂a_k · v̄, with the very partials forward mode multiplies by ({@link Linearize}): there is
 * no second set of adjoint rules. A read of x_j transposes to an accumulation into the gradient g_j.
 *
 * <p>A loop transposes to a loop running backwards. The forward copy stores each iteration's carries in a
 * buffer (one number per carry and iteration: the trip count times the carries, never the body's intermediates);
 * each backward iteration reloads them, recomputes its body and transposes it, carrying the adjoints of the
 * carries and of the outer values the body reads. Carries whose values no partial needs (a sum's accumulator)
 * are not stored: {@link Simplify#eliminateDeadCode} removes stores nobody reads. What is costly to recompute
 * is saved instead, one number per iteration: the values of the body's transcendental primitives (exp, log,
 * tanh, …) and the results of its nested loops; the backward iteration reads them back, and the recomputation
 * they replace becomes dead code.
 *
 * <p>A scratch array of active values (a materialised vector, written by STORE and read by READ) gets an
 * adjoint array: the transpose of a read accumulates into it, the transpose of a store reads the stored value's
 * adjoint from it and clears the element for the next use.
 *
 * <p>The result writes into a GRADIENT array, which the caller zeroes, and returns the primal outputs.
 */
public final class Reverse {
    private final Emit e;
    private final boolean[] active;
    private final boolean[] activeArray;
    private final int gradient;
    private final Map<Loop, int[]> buffers = new IdentityHashMap<>();
    /** Per saved instruction of a stored loop's body, the buffers holding its value(s) per iteration. */
    private final Map<Instr, int[]> saved = new IdentityHashMap<>();
    /** Source scratch array → its adjoint array. */
    private final Map<Integer, Integer> adjointArrays = new HashMap<>();
    /** Source arrays whose stores are not redone while a backward loop recomputes its body. */
    private Set<Integer> skipStores = Set.of();

    private Reverse(Program p) {
        ProgramBuilder b = new ProgramBuilder();
        e = new Emit(p, b);
        Activity activity = Activity.of(p);
        active = activity.values;
        activeArray = activity.arrays;
        gradient = b.array(ArrayDecl.Role.GRADIENT, p.dimension());
        for (Instr i : allLoops(p.body())) {
            if (i.loop().descending()) {
                throw new UnsupportedOperationException("reverse mode of a descending loop is not supported yet");
            }
        }
    }

    /**
     * The gradient program of a program with one output y: returns y and accumulates ∇y into the GRADIENT array.
     * With m &gt; 1 outputs: the VJP program, reading the outputs' cotangents w from a COTANGENT array of length m
     * and accumulating Jᵀ w.
     */
    public static Program of(Program p) {
        Reverse r = new Reverse(p);
        r.primal(p.body(), true);
        ProgramBuilder b = r.e.b;
        int m = p.outputs().length;
        int w = m > 1 ? b.array(ArrayDecl.Role.COTANGENT, m) : -1;
        Map<Integer, Integer> adj = new HashMap<>();
        int[] out = new int[m];
        for (int k = 0; k < m; k++) {
            int o = p.outputs()[k];
            out[k] = r.e.v(o);
            if (r.active[o]) {
                r.add(adj, o, m > 1 ? b.read(w, Affine.constant(k)) : b.constant(1));
            }
        }
        r.transpose(p.body(), adj);
        return Simplify.eliminateDeadCode(b.build(p.dimension(), out));
    }

    private void add(Map<Integer, Integer> adj, int src, int v) {
        Integer old = adj.get(src);
        adj.put(src, old == null ? v : e.b.apply(Primitive.ADD, old, v));
    }

    /** Emits the primal of a block; its loops store their carries (and saved values) for the backward sweep when {@code store}. */
    private void primal(Block block, boolean store) {
        for (Instr i : block.instrs()) {
            if (i.kind() != Instr.Kind.LOOP) {
                copy(i);
                continue;
            }
            Loop l = i.loop();
            if (!store || !isActive(l)) {
                copyLoop(l);
                continue;
            }
            int[] buf = buffers.computeIfAbsent(l, k -> {
                int[] a = new int[l.params().length];
                for (int j = 0; j < a.length; j++) {
                    a[j] = e.b.array(ArrayDecl.Role.BUFFER, l.trips());
                }
                return a;
            });
            int m = l.params().length;
            int[] init = new int[m];
            for (int k = 0; k < m; k++) {
                init[k] = e.v(l.init()[k]);
            }
            ProgramBuilder.OpenLoop open = e.b.beginLoop(l.from(), l.to(), false, init);
            e.ctr[l.counter()] = open.counter();
            Affine slot = Affine.counter(open.counter()).plus(-l.from());
            for (int k = 0; k < m; k++) {
                e.val[l.params()[k]] = open.params()[k];
                e.b.store(buf[k], slot, open.params()[k]);
            }
            for (Instr j : l.body().instrs()) {
                if (j.kind() == Instr.Kind.LOOP) {
                    copyLoop(j.loop());
                } else {
                    copy(j);
                }
                int[] sv = saved(l, j);
                if (sv != null) {
                    int[] outs = outs(j);
                    for (int k = 0; k < sv.length; k++) {
                        e.b.store(sv[k], slot, e.v(outs[k]));
                    }
                }
            }
            int[] results = new int[m];
            for (int k = 0; k < m; k++) {
                results[k] = e.v(l.results()[k]);
            }
            int[] outs = e.b.endLoop(results);
            for (int k = 0; k < m; k++) {
                e.val[l.outs()[k]] = outs[k];
            }
        }
    }

    /** Copies an instruction that is not a loop, leaving out the stores the current recomputation skips. */
    private void copy(Instr i) {
        if (i.kind() != Instr.Kind.STORE || !skipStores.contains(i.array())) {
            e.copy(i);
        }
    }

    /** Copies a loop whole, as {@link #copy(Instr)} does its instructions. */
    private void copyLoop(Loop l) {
        if (skipStores.isEmpty()) {
            e.copyLoop(l, Emit.all(l), x -> true);
        } else {
            e.copyLoop(l, Emit.all(l), x -> x.kind() != Instr.Kind.STORE || !skipStores.contains(x.array()));
        }
    }

    /**
     * The buffers saving instruction j of the body of stored loop l (one per value, one slot per iteration), or
     * null when j is recomputed: saved are active transcendental primitives and the active results of nested
     * loops.
     */
    private int[] saved(Loop l, Instr j) {
        int[] sv = saved.get(j);
        if (sv != null) {
            return sv;
        }
        boolean save = switch (j.kind()) {
            case APPLY -> active[j.out()] && !cheap(j.prim());
            case LOOP -> isActive(j.loop());
            default -> false;
        };
        if (!save) {
            return null;
        }
        sv = new int[outs(j).length];
        for (int k = 0; k < sv.length; k++) {
            sv[k] = e.b.array(ArrayDecl.Role.BUFFER, l.trips());
        }
        saved.put(j, sv);
        return sv;
    }

    private static int[] outs(Instr j) {
        return j.kind() == Instr.Kind.LOOP ? j.loop().outs() : new int[] {j.out()};
    }

    /** Primitives that cost about as much to recompute as to reload. */
    private static boolean cheap(Primitive p) {
        return switch (p) {
            case ADD, SUBTRACT, MULTIPLY, NEGATE, MAX, MIN, ABS, SIGN -> true;
            default -> false;
        };
    }

    /** True when a loop has an active result or stores an active value into an array. */
    private boolean isActive(Loop l) {
        for (int o : l.outs()) {
            if (active[o]) {
                return true;
            }
        }
        for (Instr i : l.body().instrs()) {
            if (i.kind() == Instr.Kind.STORE && active[i.args()[0]]
                    || i.kind() == Instr.Kind.LOOP && isActive(i.loop())) {
                return true;
            }
        }
        return false;
    }

    /** The adjoint array of source scratch array a (zero between uses). */
    private int adjointArray(int a) {
        return adjointArrays.computeIfAbsent(a, k -> e.b.array(ArrayDecl.Role.BUFFER, e.src.arrays().get(k).length()));
    }

    /** Emits the transpose of a block's linearisation, its instructions in reverse order. */
    private void transpose(Block block, Map<Integer, Integer> adj) {
        List<Instr> list = block.instrs();
        for (int j = list.size() - 1; j >= 0; j--) {
            Instr i = list.get(j);
            switch (i.kind()) {
                case COUNTER -> {
                }
                case READ -> {
                    Integer a = adj.get(i.out());
                    if (a != null && e.role(i.array()) == ArrayDecl.Role.INPUT) {
                        e.b.accumulate(gradient, e.index(i.index()), a);
                    } else if (a != null && activeArray[i.array()]) {
                        e.b.accumulate(adjointArray(i.array()), e.index(i.index()), a);
                    }
                }
                case STORE -> {
                    if (activeArray[i.array()]) {
                        int bar = adjointArray(i.array());
                        Affine at = e.index(i.index());
                        if (active[i.args()[0]]) {
                            add(adj, i.args()[0], e.b.read(bar, at));
                        }
                        e.b.store(bar, at, e.b.constant(0));
                    }
                }
                case APPLY -> {
                    Integer a = adj.get(i.out());
                    if (a == null) {
                        continue;
                    }
                    int[] args = i.args();
                    int bArg = args.length > 1 ? e.v(args[1]) : -1;
                    for (int k = 0; k < args.length; k++) {
                        if (active[args[k]]) {
                            int d = Linearize.partial(e.b, i.prim(), k, e.v(args[0]), bArg, e.v(i.out()));
                            int c = Linearize.mulAdd(e.b, -1, d, a);
                            if (c >= 0) {
                                add(adj, args[k], c);
                            }
                        }
                    }
                }
                case LOOP -> {
                    if (isActive(i.loop())) {
                        loop(i.loop(), adj);
                    }
                }
                default -> throw new UnsupportedOperationException(
                        "reverse mode of a program that already holds derivatives (" + i.kind() + ") is not supported yet");
            }
        }
    }

    /** The backward loop of l: reload the carries, recompute the body, transpose it; adjoints of carries and free values carried. */
    private void loop(Loop l, Map<Integer, Integer> adj) {
        int m = l.params().length;
        int[] act = java.util.stream.IntStream.range(0, m).filter(k -> active[l.params()[k]]).toArray();
        int[] free = freeActive(l);
        ProgramBuilder b = e.b;
        int[] init = new int[act.length + free.length];
        for (int j = 0; j < act.length; j++) {
            Integer a = adj.get(l.outs()[act[j]]);
            init[j] = a == null ? b.constant(0) : a;
        }
        for (int j = 0; j < free.length; j++) {
            Integer a = adj.get(free[j]);
            init[act.length + j] = a == null ? b.constant(0) : a;
        }
        ProgramBuilder.OpenLoop open = b.beginLoop(l.from(), l.to(), true, init);
        e.ctr[l.counter()] = open.counter();
        Affine slot = Affine.counter(open.counter()).plus(-l.from());
        int[] buf = buffers.get(l);
        for (int k = 0; k < m; k++) {
            e.val[l.params()[k]] = b.read(buf[k], slot);
        }
        Set<Integer> outer = skipStores;
        skipStores = new java.util.HashSet<>(outer);
        skipStores.addAll(storedNotRead(l));
        for (Instr j : l.body().instrs()) {
            int[] sv = saved.get(j);
            if (sv != null && j.kind() == Instr.Kind.APPLY) {
                e.val[j.out()] = b.read(sv[0], slot);
                continue;
            }
            primal(new Block(List.of(j)), true);
            if (sv != null) {
                for (int k = 0; k < sv.length; k++) {
                    e.val[j.loop().outs()[k]] = b.read(sv[k], slot);
                }
            }
        }
        skipStores = outer;
        Map<Integer, Integer> inner = new HashMap<>();
        for (int j = 0; j < free.length; j++) {
            inner.put(free[j], open.params()[act.length + j]);
        }
        for (int j = 0; j < act.length; j++) {
            add(inner, l.results()[act[j]], open.params()[j]);
        }
        transpose(l.body(), inner);
        int[] results = new int[init.length];
        for (int j = 0; j < act.length; j++) {
            Integer a = inner.get(l.params()[act[j]]);
            results[j] = a == null ? b.constant(0) : a;
        }
        for (int j = 0; j < free.length; j++) {
            results[act.length + j] = inner.get(free[j]);
        }
        int[] outs = b.endLoop(results);
        for (int j = 0; j < act.length; j++) {
            if (active[l.init()[act[j]]]) {
                add(adj, l.init()[act[j]], outs[j]);
            }
        }
        for (int j = 0; j < free.length; j++) {
            adj.put(free[j], outs[act.length + j]);
        }
    }

    /** The arrays l's body (nested loops included) stores into but does not read: their stores are not redone. */
    private static Set<Integer> storedNotRead(Loop l) {
        Set<Integer> stored = new java.util.HashSet<>();
        Set<Integer> read = new java.util.HashSet<>();
        arrays(l.body(), stored, read);
        stored.removeAll(read);
        return stored;
    }

    private static void arrays(Block b, Set<Integer> stored, Set<Integer> read) {
        for (Instr i : b.instrs()) {
            switch (i.kind()) {
                case STORE -> stored.add(i.array());
                case READ -> read.add(i.array());
                case LOOP -> arrays(i.loop().body(), stored, read);
                default -> {
                }
            }
        }
    }

    /** The active values a loop's body (nested loops included) reads but does not define. */
    private int[] freeActive(Loop l) {
        Set<Integer> defined = new java.util.HashSet<>();
        Set<Integer> used = new LinkedHashSet<>();
        scan(l, defined, used);
        List<Integer> free = new ArrayList<>();
        for (int u : used) {
            if (!defined.contains(u) && active[u]) {
                free.add(u);
            }
        }
        return free.stream().mapToInt(Integer::intValue).toArray();
    }

    private static void scan(Loop l, Set<Integer> defined, Set<Integer> used) {
        for (int p : l.params()) {
            defined.add(p);
        }
        for (Instr i : l.body().instrs()) {
            for (int a : i.args()) {
                if (a >= 0) {
                    used.add(a);
                }
            }
            if (i.out() >= 0) {
                defined.add(i.out());
            }
            if (i.loop() != null) {
                Loop n = i.loop();
                for (int a : n.init()) {
                    used.add(a);
                }
                for (int r : n.results()) {
                    used.add(r);
                }
                for (int o : n.outs()) {
                    defined.add(o);
                }
                scan(n, defined, used);
            }
        }
        for (int r : l.results()) {
            used.add(r);
        }
    }

    private static List<Instr> allLoops(Block b) {
        List<Instr> r = new ArrayList<>();
        for (Instr i : b.instrs()) {
            if (i.loop() != null) {
                r.add(i);
                r.addAll(allLoops(i.loop().body()));
            }
        }
        return r;
    }
}
