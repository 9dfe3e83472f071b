package dev.nabla.spark;

import dev.nabla.core.field.DifferentiableScalarField;
import dev.nabla.core.field.Gradient;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The objective f(θ) = s · Σᵢ ℓ(θ; rowᵢ) + r(θ) over a data set too large for one machine, as a
 * {@link DifferentiableScalarField} of the parameters θ: every evaluation is one pass over the cached rows
 * on the executors — θ broadcast, each partition's value, gradient (and H v) summed by its own evaluator of ℓ
 * built once per partition, the partial sums tree-aggregated to the driver. The scale s is 1 (the sum) or 1/N
 * ({@link #mean()}); the optional regularizer r is evaluated on the driver.
 *
 * <p>Because it is a field, nabla-core's optimisers run on it unchanged: {@code new Lbfgs().minimize(f, θ0)}
 * drives L-BFGS from the driver, one pass per trial point.
 *
 * <p>Errors: where ℓ is undefined or not finite on a row, the pass throws a {@link RowException} naming the
 * row (a line search treats it as +∞ and backs off). Not thread-safe (one run at a time).
 */
public final class SparkObjective implements DifferentiableScalarField, AutoCloseable {
    private final RecordSet data;
    private final Loss loss;
    private final double scale;
    private final DifferentiableScalarField regularizer;
    private final Counter counter;
    private double[] lastPoint;
    private Gradient lastGradient;
    private RowKinks lastKinks = RowKinks.NONE;

    /** Pass counts shared by the views of one data set. */
    private static final class Counter {
        long passes;
        long rows;
        long nanos;
    }

    private SparkObjective(RecordSet data, Loss loss, double scale, DifferentiableScalarField regularizer, Counter counter) {
        this.data = data;
        this.loss = loss;
        this.scale = scale;
        this.regularizer = regularizer;
        this.counter = counter;
    }

    /**
     * Σᵢ ℓ(θ; rowᵢ) over the rows of data, keeping the source's partitions; reads and caches the loss's columns.
     *
     * @param data the data frame
     * @param loss ℓ
     * @return the objective
     */
    public static SparkObjective of(Dataset<Row> data, Loss loss) {
        return of(data, loss, 0);
    }

    /**
     * Σᵢ ℓ(θ; rowᵢ) over the rows of data spread over the given number of partitions (0: the source's).
     *
     * @throws DataException where a column is missing or a value is not a finite number
     *
     * @param data the data frame
     * @param loss ℓ
     * @param partitions the number of partitions, or 0 for the source's
     * @return the objective
     */
    public static SparkObjective of(Dataset<Row> data, Loss loss, int partitions) {
        return new SparkObjective(RecordSet.load(data, loss.columns(), partitions), loss, 1, null, new Counter());
    }

    /**
     * The mean (1/N) Σᵢ ℓ(θ; rowᵢ) (+ r) over the same cached data.
     *
     * @return the objective scaled by 1/N
     */
    public SparkObjective mean() {
        return new SparkObjective(data, loss, 1.0 / data.rows(), regularizer, counter);
    }

    /**
     * This objective plus r(θ), a field of the parameters evaluated on the driver.
     *
     * @param r r(θ)
     * @return f + r
     */
    public SparkObjective withRegularizer(DifferentiableScalarField r) {
        if (r.dimension() != -1 && r.dimension() != dimension()) {
            throw new IllegalArgumentException("the regularizer has " + r.dimension() + " variables, the loss "
                    + dimension() + " parameters " + loss.parameters());
        }
        return new SparkObjective(data, loss, scale, r, counter);
    }

    @Override
    public int dimension() {
        return loss.parameters().size();
    }

    @Override
    public List<String> variables() {
        return loss.parameters();
    }

    /** f(θ): one pass (which also computes ∇f, kept for a following {@link #valueAndGradient} at the same θ). */
    @Override
    public double value(double[] theta) {
        return valueAndGradient(theta).value();
    }

    /**
     * f(θ) and ∇f(θ) in one pass over the data. Rows whose ℓ meets a kink contribute the one-sided convention
     * and are counted ({@link #kinks()}).
     */
    @Override
    public Gradient valueAndGradient(double[] theta) {
        requireDimension(theta, "θ");
        if (lastPoint != null && Arrays.equals(lastPoint, theta)) {
            return lastGradient;
        }
        PartialSum s = pass(theta, null);
        double[] g = s.gradient;
        double v = scale * s.value;
        for (int i = 0; i < g.length; i++) {
            g[i] *= scale;
        }
        if (regularizer != null) {
            Gradient r = regularizer.valueAndGradient(theta);
            v += r.value();
            double[] rg = r.gradient();
            for (int i = 0; i < g.length; i++) {
                g[i] += rg[i];
            }
        }
        lastPoint = theta.clone();
        lastGradient = new Gradient(theta, v, g);
        lastKinks = s.kinks();
        return lastGradient;
    }

    /**
     * The rows whose ℓ met a kink at the θ of the last {@link #valueAndGradient} (abs at 0, max at a tie, …):
     * where there are any, ∇f there sums one-sided conventions and f may not be differentiable at θ.
     *
     * @return the count and the first such row
     */
    public RowKinks kinks() {
        return lastKinks;
    }

    /** H(θ) v = ∇(∇f·v), by forward-over-reverse (Java loss) or the symbolic Hessian rows (formula), per record. */
    @Override
    public double[] hessianVectorProduct(double[] theta, double[] v) {
        requireDimension(theta, "θ");
        requireDimension(v, "v");
        double[] hv = pass(theta, v).hvp;
        for (int i = 0; i < hv.length; i++) {
            hv[i] *= scale;
        }
        if (regularizer != null) {
            double[] r = regularizer.hessianVectorProduct(theta, v);
            for (int i = 0; i < hv.length; i++) {
                hv[i] += r[i];
            }
        }
        return hv;
    }

    /** One pass: θ (and v) broadcast, per-partition sums, tree aggregation; throws at the first bad row. */
    private PartialSum pass(double[] theta, double[] v) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(data.blocks().context());
        Broadcast<double[]> thetaB = jsc.broadcast(theta.clone());
        Broadcast<double[]> vB = v == null ? null : jsc.broadcast(v.clone());
        long start = System.nanoTime();
        try {
            PartialSum s = sum(data, loss, thetaB, vB);
            counter.passes++;
            counter.rows += s.rows;
            if (s.isBad()) {
                throw new RowException(s.badRow + 1, loss.columns(), s.badRecord, loss.parameters(), theta, s.badReason);
            }
            return s;
        } finally {
            counter.nanos += System.nanoTime() - start;
            thetaB.destroy();
            if (vB != null) {
                vB.destroy();
            }
        }
    }

    private static PartialSum sum(RecordSet data, Loss loss, Broadcast<double[]> thetaB, Broadcast<double[]> vB) {
        int p = loss.parameters().size();
        int c = loss.columns().size();
        return data.blocks().mapPartitions(blocks -> {
            RecordEvaluator e = loss.evaluator();
            double[] theta = thetaB.value();
            double[] v = vB == null ? null : vB.value();
            e.parameters(theta);
            PartialSum s = new PartialSum(p, v != null);
            double[] g = new double[p];
            double[] hv = new double[p];
            while (blocks.hasNext() && !s.isBad()) {
                s.add(e, blocks.next(), c, v, g, hv);
            }
            return List.of(s).iterator();
        }).treeReduce(PartialSum::merge, 2);
    }

    private void requireDimension(double[] x, String what) {
        if (x.length != dimension()) {
            throw new IllegalArgumentException(what + " has " + x.length + " components, expected " + dimension()
                    + " for the parameters " + loss.parameters());
        }
    }

    /**
     * The loss ℓ.
     *
     * @return ℓ
     */
    public Loss loss() {
        return loss;
    }

    /**
     * The cached records.
     *
     * @return the records
     */
    public RecordSet data() {
        return data;
    }

    /**
     * The number of rows N.
     *
     * @return N
     */
    public long rows() {
        return data.rows();
    }

    /**
     * The passes made so far over this data (by every view of it) and their cost.
     *
     * @return passes, rows and time
     */
    public PassStatistics statistics() {
        return new PassStatistics(counter.passes, counter.rows, counter.nanos);
    }

    /** Drops the cached data (for every view of it). */
    @Override
    public void close() {
        data.close();
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        parts.add((scale == 1 ? "Σ" : "mean of") + " " + loss.describe());
        if (regularizer != null) {
            parts.add("regularizer");
        }
        return String.join(" + ", parts) + " over " + data;
    }
}
