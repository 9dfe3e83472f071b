package dev.nabla.core.ad;

import java.util.Arrays;

/**
 * The forward-over-reverse tape for Hessian-vector products, in flat primitive arrays. The recorded numbers
 * ({@link SecondOrderTapeVar}) are dual numbers a + ȧ ε carrying the tangent along one direction v; each edge
 * e of node i stores the local partial p = ∂(node i)/∂(node {@code arg[e]}) in {@code partial[e]} and its
 * tangent ṗ along v in {@code partialTangent[e]}. The reverse sweep propagates dual adjoints (ā, ā̇):
 *
 * <pre>
 *   ā[arg[e]] += p·ā[i]        ā̇[arg[e]] += ṗ·ā[i] + p·ā̇[i]
 * </pre>
 *
 * so after one recorded pass and one sweep the inputs' ā is ∇f(x) and their ā̇ is H(x)v = ∇(∇f·v)(x). A zero
 * adjoint (or adjoint tangent) contributes nothing, even through an infinite partial.
 *
 * <p>Memory: 20 bytes per node ({@code start}, {@code adj}, {@code adjTangent}) plus 20 bytes per edge
 * ({@code arg}, {@code partial}, {@code partialTangent}); a unary operation costs 40 bytes, a binary one 60.
 * The arrays grow by doubling and are reused by the next pass. A tape is confined to one thread.
 */
final class SecondOrderTape extends Context {
    private static final int MAX_NODES = Integer.MAX_VALUE - 16;

    int nodes;
    int edges;
    int[] start;
    int[] arg;
    double[] partial;
    double[] partialTangent;
    double[] adj;
    double[] adjTangent;

    /** The tangent of the node being built by {@link #open}, {@link #edge} and {@link #close}. */
    private double openTangent;

    SecondOrderTape() {
        this(1 << 10);
    }

    SecondOrderTape(int capacity) {
        start = new int[capacity + 1];
        adj = new double[capacity];
        adjTangent = new double[capacity];
        arg = new int[2 * capacity];
        partial = new double[2 * capacity];
        partialTangent = new double[2 * capacity];
    }

    /** Starts a new pass: empties the tape (keeping its arrays), takes a fresh tag, forgets the kinks. */
    void begin() {
        restart();
        nodes = 0;
        edges = 0;
    }

    /** An input with value v and tangent t (a constant when t = 0): a node without edges. */
    SecondOrderTapeVar variable(double v, double t) {
        ensureNodes();
        start[++nodes] = edges;
        return new SecondOrderTapeVar(this, nodes - 1, v, t);
    }

    /** A node with value v and tangent t depending on node a with partial pa, whose tangent is ta. */
    SecondOrderTapeVar push(double v, double t, int a, double pa, double ta) {
        ensureNodes();
        ensureEdges(1);
        arg[edges] = a;
        partial[edges] = pa;
        partialTangent[edges++] = ta;
        start[++nodes] = edges;
        return new SecondOrderTapeVar(this, nodes - 1, v, t);
    }

    /** A node depending on nodes a and b, with partials pa, pb and their tangents ta, tb. */
    SecondOrderTapeVar push(double v, double t, int a, double pa, double ta, int b, double pb, double tb) {
        ensureNodes();
        ensureEdges(2);
        arg[edges] = a;
        partial[edges] = pa;
        partialTangent[edges++] = ta;
        arg[edges] = b;
        partial[edges] = pb;
        partialTangent[edges++] = tb;
        start[++nodes] = edges;
        return new SecondOrderTapeVar(this, nodes - 1, v, t);
    }

    // ---- a node with many operands (the array primitives): open, one edge per operand, close ----

    /** Starts a node with at most k edges. */
    void open(int k) {
        ensureNodes();
        ensureEdges(k);
        openTangent = 0;
    }

    /**
     * An edge of the open node to x with partial p and partial tangent pt, if x is a number of this tape
     * (numbers of enclosing contexts are constants); the node's tangent gains p·ẋ.
     */
    void edge(Real x, double p, double pt) {
        if (x instanceof SecondOrderTapeVar s && s.tape == this) {
            arg[edges] = s.index;
            partial[edges] = p;
            partialTangent[edges++] = pt;
            if (s.t != 0) {
                openTangent += p * s.t;
            }
        }
    }

    /** Ends the open node, whose value is v. */
    SecondOrderTapeVar close(double v) {
        start[++nodes] = edges;
        return new SecondOrderTapeVar(this, nodes - 1, v, openTangent);
    }

    /** The tangent of x along v: its ẋ if x is a number of this tape, 0 for constants. */
    double tangentOf(Real x) {
        return x instanceof SecondOrderTapeVar s && s.tape == this ? s.t : 0;
    }

    // ---- the reverse sweep ----

    /** Zeroes the adjoints and adjoint tangents of every recorded node. */
    void clearAdjoints() {
        Arrays.fill(adj, 0, nodes, 0);
        Arrays.fill(adjTangent, 0, nodes, 0);
    }

    /** Adds w to the adjoint of r if r is a node of this tape. */
    void seed(Real r, double w) {
        if (r instanceof SecondOrderTapeVar s && s.tape == this) {
            adj[s.index] += w;
        }
    }

    /** Propagates the dual adjoints from the last node down to node 0. */
    void sweep() {
        final int[] st = start;
        final int[] ar = arg;
        final double[] pa = partial;
        final double[] pt = partialTangent;
        final double[] ad = adj;
        final double[] at = adjTangent;
        for (int i = nodes - 1; i >= 0; i--) {
            double a = ad[i];
            double t = at[i];
            int e = st[i];
            int end = st[i + 1];
            if (a != 0 && t != 0) {
                for (; e < end; e++) {
                    int j = ar[e];
                    double p = pa[e];
                    ad[j] += p * a;
                    at[j] += pt[e] * a + p * t;
                }
            } else if (a != 0) {
                for (; e < end; e++) {
                    int j = ar[e];
                    ad[j] += pa[e] * a;
                    at[j] += pt[e] * a;
                }
            } else if (t != 0) {
                for (; e < end; e++) {
                    at[ar[e]] += pa[e] * t;
                }
            }
        }
    }

    /** Bytes the recorded pass occupies in the arrays: 20 per node and 20 per edge. */
    long bytesUsed() {
        return 20L * nodes + 20L * edges;
    }

    private void ensureNodes() {
        if (nodes + 1 >= start.length) {
            if (nodes >= MAX_NODES) {
                throw new IllegalStateException("tape full: more than " + MAX_NODES + " operations in one pass");
            }
            int cap = (int) Math.min(MAX_NODES, 2L * (start.length - 1));
            start = Arrays.copyOf(start, cap + 1);
            adj = new double[cap];
            adjTangent = new double[cap];
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
            partialTangent = Arrays.copyOf(partialTangent, (int) want);
        }
    }
}
