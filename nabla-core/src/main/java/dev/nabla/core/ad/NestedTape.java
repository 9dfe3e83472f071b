package dev.nabla.core.ad;

import java.util.Arrays;

/**
 * A reverse-mode tape whose partials and adjoints are numbers of the enclosing contexts, so the gradient it
 * computes can be differentiated again: forward-over-reverse Hessian-vector products (partials are dual
 * numbers) and gradients of gradients. Same flat layout as {@link Tape} (edges in {@code int[]}), with the
 * partials in a {@code Real[]}. One instance per pass; confined to its thread.
 */
final class NestedTape extends Context {
    int nodes;
    int edges;
    int[] start = new int[65];
    int[] arg = new int[128];
    Real[] partial = new Real[128];

    NestedTapeVar variable(Real v) {
        ensure(0);
        start[++nodes] = edges;
        return new NestedTapeVar(this, nodes - 1, v);
    }

    NestedTapeVar push(Real v, int a, Real pa) {
        ensure(1);
        arg[edges] = a;
        partial[edges++] = pa;
        start[++nodes] = edges;
        return new NestedTapeVar(this, nodes - 1, v);
    }

    NestedTapeVar push(Real v, int a, Real pa, int b, Real pb) {
        ensure(2);
        arg[edges] = a;
        partial[edges++] = pa;
        arg[edges] = b;
        partial[edges++] = pb;
        start[++nodes] = edges;
        return new NestedTapeVar(this, nodes - 1, v);
    }

    /** Adjoints of every node after seeding r with 1 and sweeping backwards; null entries are zeros. */
    Real[] adjoints(Real r) {
        Real[] adj = new Real[nodes];
        if (r instanceof NestedTapeVar t && t.tape == this) {
            adj[t.index] = Plain.ONE;
        }
        for (int i = nodes - 1; i >= 0; i--) {
            Real a = adj[i];
            if (a != null) {
                for (int e = start[i]; e < start[i + 1]; e++) {
                    adj[arg[e]] = RealNum.plus(adj[arg[e]], RealNum.times(partial[e], a));
                }
            }
        }
        return adj;
    }

    private void ensure(int k) {
        if (nodes + 1 >= start.length) {
            start = Arrays.copyOf(start, 2 * start.length);
        }
        if (edges + k > arg.length) {
            arg = Arrays.copyOf(arg, 2 * arg.length);
            partial = Arrays.copyOf(partial, 2 * partial.length);
        }
    }
}
