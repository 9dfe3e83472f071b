package dev.nabla.core.ad;

import java.util.Arrays;

/**
 * The forward-over-reverse tape for Hessian-vector products, in flat primitive arrays. The recorded numbers
 * ({@link SecondOrderTapeVar}) are dual numbers a + ȧ ε carrying the tangent along one direction v; each edge
 * e of node i stores the local partial p = ∂(node i)/∂(node {@code arg[e]}) and its tangent ṗ along v side by
 * side in {@code partials[2e]}, {@code partials[2e + 1]}. The reverse sweep propagates dual adjoints (ā, ā̇),
 * kept side by side in {@code adjoints[2i]}, {@code adjoints[2i + 1]}:
 *
 * <pre>
 *   ā[arg[e]] += p·ā[i]        ā̇[arg[e]] += ṗ·ā[i] + p·ā̇[i]
 * </pre>
 *
 * so after one recorded pass and one sweep the inputs' ā is ∇f(x) and their ā̇ is H(x)v = ∇(∇f·v)(x). A zero
 * adjoint (or adjoint tangent) contributes nothing, even through an infinite partial.
 *
 * <p>Memory: 20 bytes per node ({@code start} and two {@code adjoints}) plus 20 bytes per edge ({@code arg}
 * and two {@code partials}); a unary operation costs 40 bytes, a binary one 60. Keeping each pair side by side
 * puts it in one cache line for the sweep's scattered updates. The arrays grow by doubling and are reused by
 * the next pass. A tape is confined to one thread.
 */
final class SecondOrderTape extends Context {
    /** Nodes and edges each: their pairs of doubles must fit one Java array. */
    private static final int MAX_NODES = (Integer.MAX_VALUE - 16) / 2;

    int nodes;
    int edges;
    int[] start;
    int[] arg;
    /** p, ṗ of every edge. */
    double[] partials;
    /** ā, ā̇ of every node. */
    double[] adjoints;

    /** The tangent of the node being built by {@link #open}, {@link #edge} and {@link #close}. */
    private double openTangent;

    SecondOrderTape() {
        this(1 << 10);
    }

    SecondOrderTape(int capacity) {
        start = new int[capacity + 1];
        adjoints = new double[2 * capacity];
        arg = new int[2 * capacity];
        partials = new double[4 * capacity];
    }

    /** The point of the current pass (for the messages of domain errors), set by the caller; may be null. */
    double[] point;

    @Override
    double[] point() {
        return point;
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
        int e = edges;
        arg[e] = a;
        partials[2 * e] = pa;
        partials[2 * e + 1] = ta;
        edges = e + 1;
        start[++nodes] = e + 1;
        return new SecondOrderTapeVar(this, nodes - 1, v, t);
    }

    /** A node depending on nodes a and b, with partials pa, pb and their tangents ta, tb. */
    SecondOrderTapeVar push(double v, double t, int a, double pa, double ta, int b, double pb, double tb) {
        ensureNodes();
        ensureEdges(2);
        int e = edges;
        arg[e] = a;
        arg[e + 1] = b;
        partials[2 * e] = pa;
        partials[2 * e + 1] = ta;
        partials[2 * e + 2] = pb;
        partials[2 * e + 3] = tb;
        edges = e + 2;
        start[++nodes] = e + 2;
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
            partials[2 * edges] = p;
            partials[2 * edges + 1] = pt;
            edges++;
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
        Arrays.fill(adjoints, 0, 2 * nodes, 0);
    }

    /** Adds w to the adjoint of r if r is a node of this tape. */
    void seed(Real r, double w) {
        if (r instanceof SecondOrderTapeVar s && s.tape == this) {
            adjoints[2 * s.index] += w;
        }
    }

    /** Propagates the dual adjoints from the last node down to node 0. */
    void sweep() {
        final int[] st = start;
        final int[] ar = arg;
        final double[] pp = partials;
        final double[] ad = adjoints;
        for (int i = nodes - 1; i >= 0; i--) {
            double a = ad[2 * i];
            double t = ad[2 * i + 1];
            int e = st[i];
            int end = st[i + 1];
            if (!Double.isFinite(a) || !Double.isFinite(t)) {
                for (; e < end; e++) { // an overflowed adjoint: an exactly zero factor passes nothing on
                    int j = 2 * ar[e];
                    ad[j] += times(pp[2 * e], a);
                    ad[j + 1] += times(pp[2 * e + 1], a) + times(pp[2 * e], t);
                }
            } else if (a != 0 && t != 0) {
                for (; e < end; e++) {
                    int j = 2 * ar[e];
                    double p = pp[2 * e];
                    ad[j] += p * a;
                    ad[j + 1] += pp[2 * e + 1] * a + p * t;
                }
            } else if (a != 0) {
                for (; e < end; e++) {
                    int j = 2 * ar[e];
                    ad[j] += pp[2 * e] * a;
                    ad[j + 1] += pp[2 * e + 1] * a;
                }
            } else if (t != 0) {
                for (; e < end; e++) {
                    ad[2 * ar[e] + 1] += pp[2 * e] * t;
                }
            }
        }
    }

    /** p · a with an exact zero on either side giving 0, even against ∞ or NaN. */
    private static double times(double p, double a) {
        return p == 0 || a == 0 ? 0 : p * a;
    }

    /** After a sweep: the adjoints of the first n nodes (the inputs) into g, their tangents into hv. */
    void inputAdjoints(double[] g, double[] hv) {
        for (int i = 0; i < g.length; i++) {
            g[i] = adjoints[2 * i];
            hv[i] = adjoints[2 * i + 1];
        }
    }

    /** Bytes the recorded pass occupies in the arrays: 20 per node and 20 per edge. */
    long bytesUsed() {
        return 20L * nodes + 20L * edges;
    }

    private void ensureNodes() {
        if (nodes + 1 >= start.length) {
            int cap = Tape.grownCapacity(start.length - 1, nodes + 1L, MAX_NODES, "operations");
            start = Arrays.copyOf(start, cap + 1);
            adjoints = new double[2 * cap];
        }
    }

    private void ensureEdges(int k) {
        if (edges + k > arg.length) {
            int want = Tape.grownCapacity(arg.length, (long) edges + k, MAX_NODES, "edges");
            arg = Arrays.copyOf(arg, want);
            partials = Arrays.copyOf(partials, 2 * want);
        }
    }
}
