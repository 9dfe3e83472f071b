package dev.nabla.core.run;

import dev.nabla.core.ir.Block;
import dev.nabla.core.ir.Instr;
import dev.nabla.core.ir.Loop;
import dev.nabla.core.ir.Program;

/**
 * Runs any {@link Program} instruction by instruction over doubles: the reference the compiled code is tested
 * against, and the fallback for programs too large to compile. Each primitive is {@link
 * dev.nabla.core.prim.Primitive#value}, each partial {@link dev.nabla.core.prim.Primitive#partial(int, double,
 * double, double)}: the table's own rules.
 */
public final class Interpreter implements Kernel {
    private final Program p;

    public Interpreter(Program p) {
        this.p = p;
    }

    @Override
    public void run(double[][] arrays, double[] constants, double[] out) {
        double[] r = new double[p.values()];
        int[] c = new int[p.counters()];
        int[] ids = p.constantIds();
        for (int j = 0; j < ids.length; j++) {
            r[ids[j]] = constants[j];
        }
        block(p.body(), arrays, r, c);
        int[] o = p.outputs();
        for (int k = 0; k < o.length; k++) {
            out[k] = r[o[k]];
        }
    }

    private static void block(Block b, double[][] arrays, double[] r, int[] c) {
        for (Instr i : b.instrs()) {
            int[] a = i.args();
            switch (i.kind()) {
                case COUNTER -> r[i.out()] = c[i.aux()];
                case READ -> r[i.out()] = arrays[i.array()][i.index().at(c)];
                case APPLY -> r[i.out()] = i.prim().value(r[a[0]], a.length > 1 ? r[a[1]] : 0);
                case PARTIAL -> r[i.out()] = i.prim().partial(i.aux(), r[a[0]], a[1] < 0 ? 0 : r[a[1]], r[a[2]]);
                case ACCUM -> arrays[i.array()][i.index().at(c)] += r[a[0]];
                case STORE -> arrays[i.array()][i.index().at(c)] = r[a[0]];
                case LOOP -> loop(i.loop(), arrays, r, c);
                default -> throw new AssertionError(i.kind());
            }
        }
    }

    private static void loop(Loop l, double[][] arrays, double[] r, int[] c) {
        int m = l.params().length;
        double[] next = new double[m];
        for (int k = 0; k < m; k++) {
            r[l.params()[k]] = r[l.init()[k]];
        }
        int trips = l.trips();
        for (int t = 0; t < trips; t++) {
            c[l.counter()] = l.descending() ? l.to() - 1 - t : l.from() + t;
            block(l.body(), arrays, r, c);
            for (int k = 0; k < m; k++) {
                next[k] = r[l.results()[k]];
            }
            for (int k = 0; k < m; k++) {
                r[l.params()[k]] = next[k];
            }
        }
        for (int k = 0; k < m; k++) {
            r[l.outs()[k]] = r[l.params()[k]];
        }
    }
}
