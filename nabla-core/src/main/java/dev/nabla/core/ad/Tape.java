package dev.nabla.core.ad;

import java.util.Arrays;

/**
 * The reverse-mode tape: a Wengert list in flat primitive arrays. Node i (an input, a constant or the result
 * of an operation) owns the edges {@code start[i] ≤ e < start[i+1]}; edge e says "node i depends on node
 * {@code arg[e]} with local partial {@code partial[e]}", stored when the operation is recorded. The reverse
 * sweep is therefore the tight loop {@code adj[arg[e]] += partial[e] * adj[i]} over nodes in reverse order.
 *
 * <p>Nodes 0 … n−1 are the pass's inputs (they own no edges). An array primitive over the inputs is one
 * "dense" node whose edges go to inputs 0, 1, … in order ({@link #DENSE}), so neither recording nor the sweep
 * touches indices for it. The sweep zeroes each adjoint it passes on and the inputs' adjoints are moved out
 * by {@link #takeInputAdjoints}, so the adjoints are all zero again before the next seed or pass.
 *
 * <p>Memory: 12 bytes per node ({@code start}, {@code adj}) plus 12 bytes per edge ({@code arg},
 * {@code partial}); a unary operation costs 24 bytes, a binary one 36. The arrays grow by doubling and are
 * reused by the next pass without reallocation. A tape is confined to one thread.
 */
final class Tape extends Context {
    private static final int MAX_NODES = Integer.MAX_VALUE - 16;
    /** The most tangent entries (nodes × directions) one forward sweep over the tape may hold: 128 MiB. */
    static final int TANGENT_BUDGET = 1 << 24;
    /** The arg of a dense node's first edge: its edges go to inputs 0, 1, …, in order. */
    static final int DENSE = -1;

    int nodes;
    int edges;
    int[] start;
    int[] arg;
    double[] partial;
    double[] adj;
    /** The point x of the current pass: the values of the input nodes 0 … n−1 (the caller's array, not copied). */
    double[] point = new double[0];
    /** True from a seed until {@link #takeInputAdjoints}: some adjoint may be non-zero. */
    private boolean adjointsDirty;
    /** n: nodes 0 … n−1 are the inputs of the current pass (they own no edges). */
    int inputCount;
    /** The input handles, created once per dimension and reused by every pass. */
    final InputHandles inputs = new InputHandles(i -> new TapeInput(this, i));
    /**
     * The caller's gradient array, when the pass was begun with one: the first dense node on the inputs keeps
     * its partials there instead of in {@code partial} (node {@link #partialsInGradient}, see
     * {@link #denseTarget}), so that when f is that array primitive alone (a window sum, a log-sum-exp, …) its
     * gradient is written once, by the primitive. Any sweep first moves them back.
     */
    private double[] gradientOut;
    private int partialsInGradient = -1;
    /** The tangents of the last {@link #unitTangents} sweep, reused. */
    private double[] tangents = new double[0];

    Tape() {
        this(1 << 10);
    }

    Tape(int capacity) {
        start = new int[capacity + 1];
        adj = new double[capacity];
        arg = new int[2 * capacity];
        partial = new double[2 * capacity];
    }

    /**
     * Starts a new pass at x: empties the tape (keeping its arrays), takes a fresh tag, forgets the kinks, and
     * makes nodes 0 … n−1 the inputs, valued x. Returns the array of input handles for the function; the
     * handles and the array are reused from pass to pass (refilled here). x must not change during the pass.
     */
    Real[] begin(double[] x) {
        restart();
        int n = x.length;
        if (start.length <= n + 1) {
            grow(Math.max(n + 1, 2 * (start.length - 1)));
        }
        if (n != inputCount || start[n] != 0) {
            // input nodes own no edges; operations only ever write start[k] for k > nodes ≥ n
            Arrays.fill(start, 0, n + 1, 0);
        }
        inputCount = n;
        if (adjointsDirty) { // a pass seeded and did not finish: clear what it may have left
            Arrays.fill(adj, 0);
            adjointsDirty = false;
        }
        point = x;
        nodes = n;
        edges = 0;
        gradientOut = null;
        partialsInGradient = -1;
        return inputs.handOut(n);
    }

    /** {@link #begin(double[])} for a pass whose gradient will be written into g by {@link #gradient}. */
    Real[] begin(double[] x, double[] g) {
        Real[] handles = begin(x);
        gradientOut = g != x && g.length == x.length ? g : null;
        return handles;
    }

    @Override
    double[] point() {
        return point.length == 0 ? null : point;
    }

    /** Ends the pass: lets go of the caller's point (the recorded arrays stay for the next pass). */
    void end() {
        point = new double[0];
        inputs.reset();
    }

    /** A constant (or lifted number): a node without edges. */
    TapeVar variable(double v) {
        ensureNodes();
        start[++nodes] = edges;
        return new TapeVar(this, nodes - 1, v);
    }

    TapeVar push(double v, int a, double pa) {
        if (nodes + 1 >= start.length || edges + 1 > arg.length) {
            ensure(1);
        }
        int e = edges;
        arg[e] = a;
        partial[e] = pa;
        edges = e + 1;
        start[++nodes] = e + 1;
        return new TapeVar(this, nodes - 1, v);
    }

    TapeVar push(double v, int a, double pa, int b, double pb) {
        if (nodes + 1 >= start.length || edges + 2 > arg.length) {
            ensure(2);
        }
        int e = edges;
        arg[e] = a;
        partial[e] = pa;
        arg[e + 1] = b;
        partial[e + 1] = pb;
        edges = e + 2;
        start[++nodes] = e + 2;
        return new TapeVar(this, nodes - 1, v);
    }

    /** A node depending on the operands of x that belong to this tape, with partials c (k &lt; n). */
    TapeVar pushLinear(double v, Real[] x, double[] c, int n) {
        ensure(n);
        int[] ar = arg;
        double[] pa = partial;
        int e = edges;
        for (int k = 0; k < n; k++) {
            if (x[k] instanceof TapeNum t && t.tape == this) {
                ar[e] = t.index;
                pa[e++] = c[k];
            }
        }
        edges = e;
        start[++nodes] = e;
        return new TapeVar(this, nodes - 1, v);
    }

    /**
     * Where a dense node on the inputs, about to be recorded, writes its n partials (from
     * {@link #denseOffset} on): the caller's gradient array when the pass was begun with one and no dense node
     * keeps its partials there yet, else the tape's next edges (room for them is made here).
     */
    double[] denseTarget() {
        ensure(inputCount);
        return gradientOut != null && partialsInGradient < 0 ? gradientOut : partial;
    }

    /** Where in the {@link #denseTarget} the partials start. */
    int denseOffset(double[] target) {
        return target == partial ? edges : 0;
    }

    /**
     * A node depending on every input x_0 … x_{n−1} of the pass, with the partials the caller has written into
     * its {@link #denseTarget}. Its edges are dense: the first edge's {@code arg} is {@link #DENSE} and edge k
     * goes to input k, so the sweep reads no indices for them.
     */
    TapeVar pushOnInputs(double v, double[] target) {
        int n = inputCount;
        if (n == 0) {
            return variable(v);
        }
        arg[edges] = DENSE;
        edges += n;
        start[++nodes] = edges;
        if (target != partial) {
            partialsInGradient = nodes - 1;
        }
        return new TapeVar(this, nodes - 1, v);
    }

    /**
     * Σ over windows of term, as one node: each window's term is differentiated on its own, by the term's
     * compiled {@link WindowKernel} for long sums, else locally in forward mode (one pass of {@link LocalDual}
     * numbers per four window entries, seeded with the entries' unit tangents), and the partials are summed per
     * entry of x, so the node has one edge per entry. Returns null when the local
     * differentiation cannot be trusted (an entry of x from another context, an overwritten input, or a term
     * that uses numbers of this or an enclosing pass besides its window): the caller then records the terms
     * one operation at a time.
     */
    TapeVar windowSum(Real[] x, int width, int stride, Reals.WindowTerm term) {
        int n = x.length;
        boolean onInputs = inputs.take(x);
        double[] values = onInputs ? point : new double[n];
        int[] nodeOf = onInputs ? null : new int[n];
        if (!onInputs) {
            for (int j = 0; j < n; j++) {
                Real r = x[j];
                if (r instanceof TapeNum t && t.tape == this) {
                    nodeOf[j] = t.index;
                } else if (r instanceof Plain) {
                    nodeOf[j] = -1;
                } else {
                    return null;
                }
                values[j] = r.value();
            }
        }
        ensure(n);
        int e0 = edges;
        int nodesBefore = nodes;
        double[] edgePartials = partial;
        // on the inputs the partials go to the dense target; otherwise to the edges, compacted at the end
        double[] p = onInputs ? denseTarget() : partial;
        int p0 = onInputs ? denseOffset(p) : e0;
        WindowKernel.Bound kernel = WindowKernel.forSum(n, width, stride, term);
        if (kernel != null) {
            // the kernel checks the entries past its first window as it reads them
            if (onInputs && !inputs.intact(x, 0, Math.min(n, width))) {
                return null; // the function overwrote an entry of its argument
            }
            int kinks = kinkCount();
            double s;
            try {
                s = kernel.gradient(values, x, onInputs ? inputs.handles() : null, p, p0, this);
            } catch (WindowKernel.ArgumentChanged e) {
                restoreKinks(kinks);
                return null;
            }
            return windowSumNode(n, e0, nodeOf, s, p);
        }
        Arrays.fill(p, p0, p0 + n, 0);
        LocalContext local = new LocalContext();
        double s = 0;
        try {
            // one pass per four entries of the window (one pass in all for width ≤ 4)
            for (int lane = 0; lane < width; lane += 4) {
                Windows.Seeded w = lane == 0 ? new Windows.Seeded(values, width, local)
                        : new Windows.SeededFrom(values, width, local, lane);
                local.recording = lane == 0;
                int checked = 0; // entries [0, checked) of x are known to be input handles
                for (int i = 0; i + width <= n; i += stride) {
                    if (onInputs && i + width > checked) {
                        checked = inputs.checkAhead(x, checked, i + width);
                        if (checked < 0) {
                            return null; // the function overwrote an entry of its argument
                        }
                    }
                    w.start = i;
                    Real r = term.apply(w);
                    if (r instanceof LocalDual d && d.ctx == local) {
                        int e = p0 + i + lane;
                        int lanes = Math.min(4, width - lane);
                        p[e] += d.t0;
                        if (lanes > 1) {
                            p[e + 1] += d.t1;
                            if (lanes > 2) {
                                p[e + 2] += d.t2;
                                if (lanes > 3) {
                                    p[e + 3] += d.t3;
                                }
                            }
                        }
                    } else if (!(r instanceof Plain)) {
                        return null;
                    }
                    if (lane == 0) {
                        s += r.value();
                    }
                }
            }
        } catch (LocalContext.Captured e) {
            return null;
        }
        if (nodes != nodesBefore || edgePartials != partial) {
            return null; // the term recorded operations on this tape: it used numbers of this pass
        }
        copyKinks(local);
        return windowSumNode(n, e0, nodeOf, s, p);
    }

    /**
     * The window sum's node, valued s, from the partials summed per entry of x: a dense node on the inputs
     * (partials in its dense target), or (nodeOf given) one edge per entry that is a node of this tape
     * (partials at edges e0 … e0+n−1, compacted here).
     */
    private TapeVar windowSumNode(int n, int e0, int[] nodeOf, double s, double[] target) {
        if (nodeOf == null) {
            return pushOnInputs(s, target);
        }
        double[] p = partial;
        int e = e0;
        for (int j = 0; j < n; j++) {
            if (nodeOf[j] >= 0) {
                arg[e] = nodeOf[j];
                p[e++] = p[e0 + j];
            }
        }
        edges = e;
        start[++nodes] = e;
        return new TapeVar(this, nodes - 1, s);
    }

    /**
     * ∇y with respect to the inputs, into g: the sweep seeded with 1 at y. When y is the pass's only operation
     * and a dense node on the inputs whose partials are already in g (f is one array primitive of x, a
     * log-sum-exp or a window sum, say, on a pass begun with g), there is nothing left to do.
     */
    void gradient(Real y, double[] g) {
        int n = inputCount;
        if (partialsInGradient == n && g == gradientOut && nodes == n + 1 && y instanceof TapeNum t
                && t.tape == this && t.index == n) {
            return; // the primitive wrote the gradient
        }
        seed(y, 1);
        sweep();
        takeInputAdjoints(g);
    }

    /**
     * Moves the inputs' adjoints (the gradient, after {@link #sweep}) into out and zeroes them: with the sweep
     * zeroing every other adjoint it reads, the adjoints are all zero again for the next seed or pass, so no
     * pass pays for clearing them.
     */
    void takeInputAdjoints(double[] out) {
        double[] ad = adj;
        for (int i = 0; i < inputCount; i++) {
            out[i] = ad[i];
            ad[i] = 0;
        }
        adjointsDirty = false;
    }

    /**
     * A forward sweep over the recorded pass: the tangents of every node along the unit directions
     * e_from, …, e_{from+count−1} of the inputs, as node-major rows ({@code t[node·count + k]}), computed from
     * the recorded partials (ṫ_i = Σ_e partial_e ṫ_arg(e)). A zero tangent times an infinite partial counts as
     * zero, as in forward mode. The array is reused by the next sweep.
     */
    double[] unitTangents(int from, int count) {
        restorePartials();
        int size = nodes * count;
        if (tangents.length < size) {
            tangents = new double[size];
        }
        double[] t = tangents;
        Arrays.fill(t, 0, size, 0);
        for (int k = 0; k < count; k++) {
            t[(from + k) * count + k] = 1;
        }
        final int[] st = start;
        final int[] ar = arg;
        final double[] pa = partial;
        for (int i = inputCount; i < nodes; i++) {
            int out = i * count;
            for (int e = st[i], end = st[i + 1]; e < end; e++) {
                double p = pa[e];
                if (ar[e] == DENSE) {
                    for (int j = 0, m = end - e; j < m; j++) {
                        addScaled(t, out, pa[e + j], j * count, count);
                    }
                    break;
                }
                addScaled(t, out, p, ar[e] * count, count);
            }
        }
        return t;
    }

    /** t[out … out+count) += p · t[in … in+count), skipping zero tangents when p is not finite. */
    private static void addScaled(double[] t, int out, double p, int in, int count) {
        if (Double.isFinite(p)) {
            for (int k = 0; k < count; k++) {
                t[out + k] += p * t[in + k];
            }
        } else {
            for (int k = 0; k < count; k++) {
                double d = t[in + k];
                if (d != 0) {
                    t[out + k] += p * d;
                }
            }
        }
    }

    /** Adds w to the adjoint of r if r is a node of this tape. */
    void seed(Real r, double w) {
        adjointsDirty = true;
        if (r instanceof TapeNum t && t.tape == this) {
            adj[t.index] += w;
        }
    }

    /**
     * The reverse sweep: propagates adjoints from the last node down to the inputs (which own no edges),
     * zeroing each adjoint once it is passed on; the inputs' adjoints are then taken by {@link #takeInputAdjoints}.
     * Dense nodes ({@link #pushOnInputs}) propagate to inputs 0, 1, … without reading indices.
     */
    void sweep() {
        restorePartials();
        final int[] st = start;
        final int[] ar = arg;
        final double[] pa = partial;
        final double[] ad = adj;
        for (int i = nodes - 1; i >= inputCount; i--) {
            double a = ad[i];
            if (a != 0) {
                ad[i] = 0;
                int e = st[i];
                int end = st[i + 1];
                if (!Double.isFinite(a)) {
                    sweepOverflowed(i, a);
                } else if (e < end && ar[e] == DENSE) {
                    for (int k = 0, m = end - e; k < m; k++) {
                        ad[k] += pa[e + k] * a;
                    }
                } else {
                    for (; e < end; e++) {
                        ad[ar[e]] += pa[e] * a;
                    }
                }
            }
        }
    }

    /**
     * Passes on the adjoint a of node i that overflowed (an infinite partial met a non-zero adjoint): an edge
     * whose partial is exactly zero passes nothing on, as a zero tangent does in forward mode (so
     * log(max(x, 1e-320)) at x = −1 has gradient 0, not ∞ · 0 = NaN).
     */
    private void sweepOverflowed(int i, double a) {
        int first = start[i];
        boolean dense = first < start[i + 1] && arg[first] == DENSE;
        for (int e = first, end = start[i + 1]; e < end; e++) {
            int to = dense ? e - first : arg[e];
            if (partial[e] != 0) {
                adj[to] += partial[e] * a;
            }
        }
    }

    /** Moves a window sum's partials kept in the caller's gradient array back to the node's edges. */
    private void restorePartials() {
        if (partialsInGradient >= 0) {
            System.arraycopy(gradientOut, 0, partial, start[partialsInGradient], inputCount);
            partialsInGradient = -1;
        }
    }

    /** Bytes the recorded pass occupies in the arrays: 12 per node and 12 per edge. */
    long bytesUsed() {
        return 12L * nodes + 12L * edges;
    }

    /** Bytes allocated by the arrays (capacity, at least {@link #bytesUsed()}). */
    long bytesAllocated() {
        return 4L * start.length + 8L * adj.length + 4L * arg.length + 8L * partial.length;
    }

    /** Room for one more node with k edges. */
    void ensure(int k) {
        ensureNodes();
        ensureEdges(k);
    }

    private void ensureNodes() {
        if (nodes + 1 >= start.length) {
            grow(grownCapacity(start.length - 1, nodes + 1L, MAX_NODES, "operations"));
        }
    }

    /**
     * The capacity that an array of {@code capacity} entries grows to so that {@code needed} fit: doubled, at
     * most max; more than max entries are refused ("tape full"). Shared with {@link SecondOrderTape}.
     */
    static int grownCapacity(int capacity, long needed, int max, String what) {
        if (needed > max) {
            throw new IllegalStateException("tape full: more than " + max + " " + what + " in one pass");
        }
        return (int) Math.min(max, Math.max(2L * capacity, needed));
    }

    private void grow(int nodeCapacity) {
        start = Arrays.copyOf(start, nodeCapacity + 1);
        adj = new double[nodeCapacity];
    }

    private void ensureEdges(int k) {
        if (edges + k > arg.length) {
            int want = grownCapacity(arg.length, (long) edges + k, MAX_NODES, "edges");
            arg = Arrays.copyOf(arg, want);
            partial = Arrays.copyOf(partial, want);
        }
    }
}
