package dev.nabla.core.ir;

import dev.nabla.core.prim.Primitive;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link Program} one instruction at a time: the tracer and every transformation write through it.
 * It folds what is known while building (operations on constants, x + 0, x · 1, x / 1 and x − 0; exact in IEEE
 * arithmetic up to the sign of a zero) and shares common subexpressions: an instruction equal to one already
 * visible (same operation on the same operands; reads of read-only arrays included) is not emitted again.
 * Values made inside a loop body are visible only there; using one outside is an error.
 */
public final class ProgramBuilder {
    private final List<ArrayDecl> arrays = new ArrayList<>();
    private final List<double[]> data = new ArrayList<>();
    private final List<Double> constants = new ArrayList<>();
    private final List<Integer> constantIds = new ArrayList<>();
    private final Map<Long, Integer> constantByBits = new HashMap<>();
    private final Map<Integer, Double> constantOf = new HashMap<>();
    private int values;
    private int counters;
    /** Per value: the scope (loop body) it was made in; 0 is the program's body. */
    private int[] scopeOf = new int[64];
    private int scopes = 1;
    private final Deque<Frame> frames = new ArrayDeque<>();

    /** An open block: its instructions, the instructions it shares, and its scope. */
    private static final class Frame {
        final List<Instr> instrs = new ArrayList<>();
        final Map<Key, Integer> shared = new HashMap<>();
        final int scope;
        final Loop open; // the loop whose body this is (counter, range, init, params; body and results unset)

        Frame(int scope, Loop open) {
            this.scope = scope;
            this.open = open;
        }
    }

    private record Key(Instr.Kind kind, Primitive prim, List<Integer> args, int aux, int array, Affine index) {
    }

    public ProgramBuilder() {
        frames.push(new Frame(0, null));
    }

    // ---- arrays and constants ----

    /** A new array of the given role and length; its number. */
    public int array(ArrayDecl.Role role, int length) {
        arrays.add(new ArrayDecl(role, length));
        data.add(null);
        return arrays.size() - 1;
    }

    /** A CONSTANT array holding d (not copied: the caller must not change it). */
    public int constantArray(double[] d) {
        int a = array(ArrayDecl.Role.CONSTANT, d.length);
        data.set(a, d);
        return a;
    }

    public ArrayDecl arrayDecl(int a) {
        return arrays.get(a);
    }

    /** The value c (one id per distinct constant, visible everywhere). */
    public int constant(double c) {
        long bits = Double.doubleToRawLongBits(c);
        Integer id = constantByBits.get(bits);
        if (id == null) {
            id = fresh(0);
            constantByBits.put(bits, id);
            constantOf.put(id, c);
            constants.add(c);
            constantIds.add(id);
        }
        return id;
    }

    /** True when value id is a constant. */
    public boolean isConstant(int id) {
        return constantOf.containsKey(id);
    }

    /** True when value id is the constant c. */
    public boolean isConstant(int id, double c) {
        Double v = constantOf.get(id);
        return v != null && Double.doubleToRawLongBits(v) == Double.doubleToRawLongBits(c);
    }

    /** The value of constant id. */
    public double constantValue(int id) {
        return constantOf.get(id);
    }

    // ---- instructions ----

    /** The counter of an enclosing loop, as a double. */
    public int counter(int counter) {
        return emit(Instr.Kind.COUNTER, null, new int[0], counter, -1, null);
    }

    /** arrays[a][index]. */
    public int read(int a, Affine index) {
        ArrayDecl.Role r = arrays.get(a).role();
        checkBounds(a, index);
        if (r == ArrayDecl.Role.BUFFER || r == ArrayDecl.Role.GRADIENT) { // written too: never shared
            int out = fresh(top().scope);
            top().instrs.add(Instr.read(out, a, index));
            return out;
        }
        return emit(Instr.Kind.READ, null, new int[0], 0, a, index);
    }

    /** p(a), folded when a is a constant. */
    public int apply(Primitive p, int a) {
        check(a);
        if (isConstant(a)) {
            return constant(p.value(constantValue(a), 0));
        }
        return emit(Instr.Kind.APPLY, p, new int[] {a}, 0, -1, null);
    }

    /** p(a, b), folded when both are constants and for x + 0, 0 + x, x − 0, x · 1, 1 · x, x / 1. */
    public int apply(Primitive p, int a, int b) {
        check(a);
        check(b);
        if (isConstant(a) && isConstant(b)) {
            return constant(p.value(constantValue(a), constantValue(b)));
        }
        switch (p) {
            case ADD -> {
                if (isConstant(b, 0)) {
                    return a;
                }
                if (isConstant(a, 0)) {
                    return b;
                }
            }
            case SUBTRACT -> {
                if (isConstant(b, 0)) {
                    return a;
                }
            }
            case MULTIPLY -> {
                if (isConstant(b, 1)) {
                    return a;
                }
                if (isConstant(a, 1)) {
                    return b;
                }
            }
            case DIVIDE -> {
                if (isConstant(b, 1)) {
                    return a;
                }
            }
            default -> {
            }
        }
        return emit(Instr.Kind.APPLY, p, new int[] {a, b}, 0, -1, null);
    }

    /** ∂p/∂(a if i = 0, b if i = 1) at (a, b) with v = p(a, b), by the table's rule on doubles; b = −1 for unary p. */
    public int partial(Primitive p, int i, int a, int b, int v) {
        check(a);
        check(v);
        if (b >= 0) {
            check(b);
        }
        if (isConstant(a) && (b < 0 || isConstant(b)) && isConstant(v)) {
            return constant(p.partial(i, constantValue(a), b < 0 ? 0 : constantValue(b), constantValue(v)));
        }
        return emit(Instr.Kind.PARTIAL, p, new int[] {a, b, v}, i, -1, null);
    }

    /** arrays[a][index] += v. */
    public void accumulate(int a, Affine index, int v) {
        check(v);
        checkBounds(a, index);
        top().instrs.add(Instr.write(Instr.Kind.ACCUM, a, index, v));
    }

    /** arrays[a][index] = v. */
    public void store(int a, Affine index, int v) {
        check(v);
        checkBounds(a, index);
        top().instrs.add(Instr.write(Instr.Kind.STORE, a, index, v));
    }

    // ---- loops ----

    /** An open loop: its counter's number and the ids its body sees the carries as. */
    public record OpenLoop(int counter, int[] params) {
    }

    /** Opens a loop over [from, to) with carries starting at init; build its body, then {@link #endLoop}. */
    public OpenLoop beginLoop(int from, int to, boolean descending, int[] init) {
        for (int v : init) {
            check(v);
        }
        int scope = scopes++;
        int c = counters++;
        int[] params = new int[init.length];
        for (int k = 0; k < params.length; k++) {
            params[k] = fresh(scope);
        }
        frames.push(new Frame(scope, new Loop(c, from, to, descending, init.clone(), params, null, null, null)));
        return new OpenLoop(c, params);
    }

    /** Closes the innermost open loop with the carries' values at the end of an iteration; the ids after the loop. */
    public int[] endLoop(int[] results) {
        Frame f = top();
        if (f.open == null) {
            throw new IllegalStateException("no open loop");
        }
        Loop o = f.open;
        if (results.length != o.params().length) {
            throw new IllegalArgumentException("a loop body returned " + results.length + " carries, expected "
                    + o.params().length);
        }
        for (int r : results) {
            check(r);
        }
        frames.pop();
        int[] outs = new int[results.length];
        for (int k = 0; k < outs.length; k++) {
            outs[k] = fresh(top().scope);
        }
        top().instrs.add(Instr.loop(new Loop(o.counter(), o.from(), o.to(), o.descending(), o.init(), o.params(),
                new Block(f.instrs), results.clone(), outs)));
        return outs;
    }

    /** The program with the given scalar outputs, for an input of dimension n (array 0). */
    public Program build(int n, int... outputs) {
        if (frames.size() != 1) {
            throw new IllegalStateException("a loop is still open");
        }
        for (int o : outputs) {
            check(o);
        }
        double[] k = new double[constants.size()];
        int[] ids = new int[k.length];
        for (int j = 0; j < k.length; j++) {
            k[j] = constants.get(j);
            ids[j] = constantIds.get(j);
        }
        return new Program(n, arrays, data.toArray(new double[0][]), ids, k, new Block(top().instrs),
                outputs.clone(), values, counters);
    }

    // ---- internals ----

    /**
     * Throws unless index stays in array a for every value of the open loops' counters it uses: an index out of
     * range is reported when the program is built, naming the element and the loop, not when it runs.
     */
    private void checkBounds(int a, Affine index) {
        long lo = index.offset();
        long hi = index.offset();
        StringBuilder loops = new StringBuilder();
        for (int k = 0; k < index.counters().length; k++) {
            Loop l = openLoop(index.counters()[k]);
            long c = index.coefs()[k];
            lo += Math.min(c * l.from(), c * (l.to() - 1));
            hi += Math.max(c * l.from(), c * (l.to() - 1));
            loops.append(loops.length() == 0 ? " with " : ", ").append('i').append(l.counter()).append(" in [")
                    .append(l.from()).append(", ").append(l.to()).append(')');
        }
        int n = arrays.get(a).length();
        if (lo < 0 || hi >= n) {
            throw new IndexOutOfBoundsException("element [" + index + "]" + loops + " reaches index "
                    + (lo < 0 ? lo : hi) + " of an array of length " + n);
        }
    }

    private Loop openLoop(int counter) {
        for (Frame f : frames) {
            if (f.open != null && f.open.counter() == counter) {
                return f.open;
            }
        }
        throw new IllegalStateException("loop counter i" + counter + " used outside its loop");
    }

    private Frame top() {
        return frames.peek();
    }

    private int fresh(int scope) {
        if (values == scopeOf.length) {
            scopeOf = Arrays.copyOf(scopeOf, 2 * values);
        }
        scopeOf[values] = scope;
        return values++;
    }

    /** Throws unless value id is visible in the block being built. */
    public void check(int id) {
        if (id < 0 || id >= values) {
            throw new IllegalArgumentException("no value %" + id);
        }
        int s = scopeOf[id];
        for (Frame f : frames) {
            if (f.scope == s) {
                return;
            }
        }
        throw new IllegalStateException("a number computed inside a loop body is used outside it: return it "
                + "from the body as a carry instead");
    }

    private int emit(Instr.Kind kind, Primitive p, int[] args, int aux, int array, Affine index) {
        Key key = new Key(kind, p, Arrays.stream(args).boxed().toList(), aux, array, index);
        for (Frame f : frames) {
            Integer id = f.shared.get(key);
            if (id != null) {
                return id;
            }
        }
        // the innermost scope any operand (or the counter read) belongs to
        Frame home = top();
        int out = fresh(home.scope);
        Instr i = switch (kind) {
            case COUNTER -> Instr.counter(out, aux);
            case READ -> Instr.read(out, array, index);
            case APPLY -> Instr.apply(out, p, args);
            case PARTIAL -> Instr.partial(out, p, aux, args[0], args[1], args[2]);
            default -> throw new AssertionError(kind);
        };
        home.instrs.add(i);
        home.shared.put(key, out);
        return out;
    }
}
