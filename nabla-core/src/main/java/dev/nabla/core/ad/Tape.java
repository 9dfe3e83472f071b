package dev.nabla.core.ad;

import java.util.Arrays;

/**
 * The reverse-mode tape: a Wengert list in flat primitive arrays. Node i (an input, a constant or the result
 * of an operation) owns the edges {@code start[i] ≤ e < start[i+1]}; edge e says "node i depends on node
 * {@code arg[e]} with local partial {@code partial[e]}", stored when the operation is recorded. The reverse
 * sweep is therefore the tight loop {@code adj[arg[e]] += partial[e] * adj[i]} over nodes in reverse order.
 *
 * <p>Memory: 12 bytes per node ({@code start}, {@code adj}) plus 12 bytes per edge ({@code arg},
 * {@code partial}); a unary operation costs 24 bytes, a binary one 36. The arrays grow by doubling and are
 * reused by the next pass without reallocation. A tape is confined to one thread.
 */
final class Tape extends Context {
    private static final int MAX_NODES = Integer.MAX_VALUE - 16;

    int nodes;
    int edges;
    int[] start;
    int[] arg;
    double[] partial;
    double[] adj;

    Tape() {
        this(1 << 10);
    }

    Tape(int capacity) {
        start = new int[capacity + 1];
        adj = new double[capacity];
        arg = new int[2 * capacity];
        partial = new double[2 * capacity];
    }

    /** Starts a new pass: empties the tape (keeping its arrays), takes a fresh tag, forgets the kinks. */
    void begin() {
        restart();
        nodes = 0;
        edges = 0;
    }

    /** An input (or constant): a node without edges. */
    TapeVar variable(double v) {
        ensureNodes();
        start[++nodes] = edges;
        return new TapeVar(this, nodes - 1, v);
    }

    TapeVar push(double v, int a, double pa) {
        ensureNodes();
        ensureEdges(1);
        arg[edges] = a;
        partial[edges++] = pa;
        start[++nodes] = edges;
        return new TapeVar(this, nodes - 1, v);
    }

    TapeVar push(double v, int a, double pa, int b, double pb) {
        ensureNodes();
        ensureEdges(2);
        arg[edges] = a;
        partial[edges++] = pa;
        arg[edges] = b;
        partial[edges++] = pb;
        start[++nodes] = edges;
        return new TapeVar(this, nodes - 1, v);
    }

    /** A node depending on the operands of x that belong to this tape, with partials c (k &lt; n). */
    TapeVar pushLinear(double v, Real[] x, double[] c, int n) {
        ensureNodes();
        ensureEdges(n);
        for (int k = 0; k < n; k++) {
            if (x[k] instanceof TapeVar t && t.tape == this) {
                arg[edges] = t.index;
                partial[edges++] = c[k];
            }
        }
        start[++nodes] = edges;
        return new TapeVar(this, nodes - 1, v);
    }

    /** Zeroes the adjoints of every recorded node. */
    void clearAdjoints() {
        Arrays.fill(adj, 0, nodes, 0);
    }

    /** Adds w to the adjoint of r if r is a node of this tape. */
    void seed(Real r, double w) {
        if (r instanceof TapeVar t && t.tape == this) {
            adj[t.index] += w;
        }
    }

    /** The reverse sweep: propagates adjoints from the last node down to node 0. */
    void sweep() {
        final int[] st = start;
        final int[] ar = arg;
        final double[] pa = partial;
        final double[] ad = adj;
        for (int i = nodes - 1; i >= 0; i--) {
            double a = ad[i];
            if (a != 0) {
                for (int e = st[i], end = st[i + 1]; e < end; e++) {
                    ad[ar[e]] += pa[e] * a;
                }
            }
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

    private void ensureNodes() {
        if (nodes + 1 >= start.length) {
            if (nodes >= MAX_NODES) {
                throw new IllegalStateException("tape full: more than " + MAX_NODES + " operations in one pass");
            }
            int cap = (int) Math.min(MAX_NODES, 2L * (start.length - 1));
            start = Arrays.copyOf(start, cap + 1);
            adj = new double[cap];
        }
    }

    private void ensureEdges(int k) {
        if (edges + k > arg.length) {
            long want = Math.max(2L * arg.length, (long) edges + k);
            if (want > MAX_NODES) {
                want = (long) edges + k;
                if (want > MAX_NODES) {
                    throw new IllegalStateException("tape full: more than " + MAX_NODES + " edges in one pass");
                }
            }
            arg = Arrays.copyOf(arg, (int) want);
            partial = Arrays.copyOf(partial, (int) want);
        }
    }
}
