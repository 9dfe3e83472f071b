package dev.nabla.core.run;

import dev.nabla.core.ir.Block;
import dev.nabla.core.ir.Instr;
import dev.nabla.core.ir.Loop;
import dev.nabla.core.ir.Program;

/**
 * Runs any {@link Program} instruction by instruction over doubles: the reference the compiled code is tested
 * against, the fallback for programs too large to compile, and (with a {@link Watch}) the checker that finds
 * where a compiled result went wrong. Each primitive is {@link dev.nabla.core.prim.Primitive#value}, each partial
 * {@link dev.nabla.core.prim.Primitive#partial(int, double, double, double)}: the table's own rules.
 */
public final class Interpreter implements Kernel {
    private final Program p;
    private final Watch watch;

    /**
     * Sees every primitive application as it runs: its instruction, operands and value, and where it is: the
     * enclosing loops' counter numbers (outermost first) and every counter's current value.
     */
    @FunctionalInterface
    public interface Watch {
        void applied(Instr i, double a, double b, double v, int[] enclosing, int[] counters);
    }

    public Interpreter(Program p) {
        this(p, null);
    }

    /** An interpreter that shows every primitive application to watch (null: none). */
    public Interpreter(Program p, Watch watch) {
        this.p = p;
        this.watch = watch;
    }

    @Override
    public void run(double[][] arrays, double[] constants, double[] out) {
        double[] r = new double[p.values()];
        int[] c = new int[p.counters()];
        int[] ids = p.constantIds();
        for (int j = 0; j < ids.length; j++) {
            r[ids[j]] = constants[j];
        }
        block(p.body(), arrays, r, c, new int[0]);
        int[] o = p.outputs();
        for (int k = 0; k < o.length; k++) {
            out[k] = r[o[k]];
        }
    }

    private void block(Block b, double[][] arrays, double[] r, int[] c, int[] enclosing) {
        for (Instr i : b.instrs()) {
            int[] a = i.args();
            switch (i.kind()) {
                case COUNTER -> r[i.out()] = c[i.aux()];
                case READ -> r[i.out()] = arrays[i.array()][i.index().at(c)];
                case APPLY -> {
                    double x = r[a[0]];
                    double y = a.length > 1 ? r[a[1]] : 0;
                    r[i.out()] = i.prim().value(x, y);
                    if (watch != null) {
                        watch.applied(i, x, y, r[i.out()], enclosing, c);
                    }
                }
                case PARTIAL -> r[i.out()] = i.prim().partial(i.aux(), r[a[0]], a[1] < 0 ? 0 : r[a[1]], r[a[2]]);
                case ACCUM -> arrays[i.array()][i.index().at(c)] += r[a[0]];
                case STORE -> arrays[i.array()][i.index().at(c)] = r[a[0]];
                case LOOP -> loop(i.loop(), arrays, r, c, enclosing);
                default -> throw new AssertionError(i.kind());
            }
        }
    }

    private void loop(Loop l, double[][] arrays, double[] r, int[] c, int[] enclosing) {
        int m = l.params().length;
        int[] inside = java.util.Arrays.copyOf(enclosing, enclosing.length + 1);
        inside[enclosing.length] = l.counter();
        double[] next = new double[m];
        for (int k = 0; k < m; k++) {
            r[l.params()[k]] = r[l.init()[k]];
        }
        int trips = l.trips();
        for (int t = 0; t < trips; t++) {
            c[l.counter()] = l.descending() ? l.to() - 1 - t : l.from() + t;
            block(l.body(), arrays, r, c, inside);
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
