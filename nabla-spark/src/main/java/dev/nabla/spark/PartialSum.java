package dev.nabla.spark;

import dev.nabla.core.field.Kink;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * Σ ℓ(θ; row), Σ ∇_θ ℓ and (when asked) Σ ∇²_θ ℓ · v over the rows of some partitions, with the first row
 * (lowest number) where ℓ was undefined or not finite. Partial sums of partitions merge by addition in Spark's
 * tree aggregation.
 */
final class PartialSum implements Serializable {
    private static final long serialVersionUID = 1L;

    double value;
    final double[] gradient;
    final double[] hvp;
    long rows;
    /** The first bad row (0-based), its values and what went wrong; −1 when every row was fine. */
    long badRow = -1;
    double[] badRecord;
    String badReason;
    /** The rows whose ℓ met a kink, and the first of them (0-based, −1 when none) with what it met. */
    long kinkRows;
    long firstKinkRow = -1;
    String firstKink;

    PartialSum(int p, boolean withHvp) {
        gradient = new double[p];
        hvp = withHvp ? new double[p] : null;
    }

    /** Adds the rows of one block, stopping at the first bad row. */
    void add(RecordEvaluator e, RecordSet.Block block, int columns, double[] v, double[] g, double[] hv) {
        double[] values = block.values();
        int n = block.rows();
        int p = gradient.length;
        for (int r = 0; r < n; r++) {
            int offset = r * columns;
            double l;
            try {
                l = hvp == null ? e.valueAndGradient(values, offset, g) : e.valueGradientAndHvp(values, offset, v, g, hv);
            } catch (ArithmeticException undefined) {
                bad(block, r, columns, String.valueOf(undefined.getMessage()));
                return;
            }
            double check = l;
            for (int i = 0; i < p; i++) {
                gradient[i] += g[i];
                check += g[i];
            }
            if (hvp != null) {
                for (int i = 0; i < p; i++) {
                    hvp[i] += hv[i];
                    check += hv[i];
                }
            }
            value += l;
            List<Kink> kinks = e.lastKinks();
            if (!kinks.isEmpty()) {
                kinkRows++;
                if (firstKinkRow < 0) {
                    firstKinkRow = block.firstRow() + r;
                    firstKink = kinks.get(0).where();
                }
            }
            if (!Double.isFinite(check)) { // rare: name what is not finite
                bad(block, r, columns, notFinite(l, g, hv));
                return;
            }
        }
        rows += n;
    }

    private static String notFinite(double l, double[] g, double[] hv) {
        if (!Double.isFinite(l)) {
            return "the loss is " + l;
        }
        for (int i = 0; i < g.length; i++) {
            if (!Double.isFinite(g[i])) {
                return "component " + (i + 1) + " of its gradient is " + g[i];
            }
        }
        return "its Hessian-vector product is not finite";
    }

    private void bad(RecordSet.Block block, int r, int columns, String reason) {
        badRow = block.firstRow() + r;
        badRecord = Arrays.copyOfRange(block.values(), r * columns, (r + 1) * columns);
        badReason = reason;
    }

    /** The rows that met a kink, 1-based for reports. */
    RowKinks kinks() {
        return kinkRows == 0 ? RowKinks.NONE : new RowKinks(kinkRows, firstKinkRow + 1, firstKink);
    }

    boolean isBad() {
        return badRow >= 0;
    }

    /** This sum plus another (this one, updated). */
    PartialSum merge(PartialSum o) {
        value += o.value;
        rows += o.rows;
        for (int i = 0; i < gradient.length; i++) {
            gradient[i] += o.gradient[i];
        }
        if (hvp != null) {
            for (int i = 0; i < hvp.length; i++) {
                hvp[i] += o.hvp[i];
            }
        }
        kinkRows += o.kinkRows;
        if (o.firstKinkRow >= 0 && (firstKinkRow < 0 || o.firstKinkRow < firstKinkRow)) {
            firstKinkRow = o.firstKinkRow;
            firstKink = o.firstKink;
        }
        if (o.isBad() && (!isBad() || o.badRow < badRow)) {
            badRow = o.badRow;
            badRecord = o.badRecord;
            badReason = o.badReason;
        }
        return this;
    }
}
