package dev.nabla.spark.bench;

import dev.nabla.core.ad.Real;
import dev.nabla.core.optim.Lbfgs;
import dev.nabla.core.optim.OptimizationResult;
import dev.nabla.core.optim.StrongWolfe;
import dev.nabla.core.optim.Termination;
import dev.nabla.spark.Loss;
import dev.nabla.spark.RecordLoss;
import dev.nabla.spark.Sessions;
import dev.nabla.spark.SparkObjective;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.StageInfo;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * The Spark benchmark of {@code scripts/spark-bench.sh}: logistic regression on N rows × k features (Parquet),
 * one pass of value and gradient by Nabla (the formula, and the same loss as Java code) and by Spark MLlib's
 * {@code LogisticRegression} (its blockified aggregator), in local mode with 1, 2, 4, 8 cores.
 *
 * <p>Both run L-BFGS for the same number of iterations from 0 with tolerance 0 on the same 8 partitions of
 * the same cached data; a pass's time is the wall time of its Spark job as the scheduler reports it (job start
 * to job end, from a listener), the median over the fit's passes, for both. Prints a Markdown table.
 *
 * <p>Arguments: rows, features, iterations, the Parquet directory, cores… (e.g. 1000000 10 10 data 1 2 4 8).
 */
public final class SparkBench {
    private static final int PARTITIONS = 8;

    private SparkBench() {
    }

    /** Job durations by the call site of their stages, from the scheduler's events. */
    static final class Jobs extends SparkListener {
        final Map<Integer, Long> started = new ConcurrentHashMap<>();
        final Map<Integer, String> sites = new ConcurrentHashMap<>();
        final List<String[]> done = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void onJobStart(SparkListenerJobStart start) {
            StringBuilder names = new StringBuilder();
            for (StageInfo s : scala.jdk.javaapi.CollectionConverters.asJava(start.stageInfos())) {
                names.append(s.name()).append(';');
            }
            started.put(start.jobId(), start.time());
            sites.put(start.jobId(), names.toString());
        }

        @Override
        public void onJobEnd(SparkListenerJobEnd end) {
            Long t = started.get(end.jobId());
            if (t != null) {
                done.add(new String[] {sites.get(end.jobId()), Long.toString(end.time() - t)});
            }
        }

        /** Median duration (s) and count of the jobs whose stages mention the site, since the last clear. */
        double[] median(String site) {
            List<Long> ms = new ArrayList<>();
            synchronized (done) {
                for (String[] d : done) {
                    if (d[0].contains(site)) {
                        ms.add(Long.parseLong(d[1]));
                    }
                }
            }
            Collections.sort(ms);
            return ms.isEmpty() ? new double[] {Double.NaN, 0} : new double[] {ms.get(ms.size() / 2) / 1e3, ms.size()};
        }
    }

    public static void main(String[] args) throws Exception {
        long rows = Long.parseLong(args[0]);
        int k = Integer.parseInt(args[1]);
        int iterations = Integer.parseInt(args[2]);
        Path data = Path.of(args[3]);
        List<Integer> cores = new ArrayList<>();
        for (int i = 4; i < args.length; i++) {
            cores.add(Integer.parseInt(args[i]));
        }
        if (!Files.exists(data)) {
            generate(rows, k, data);
        }
        List<String> params = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        StringBuilder z = new StringBuilder();
        for (int j = 1; j <= k; j++) {
            params.add("w" + j);
            columns.add("x" + j);
            z.append("w").append(j).append("*x").append(j).append(" + ");
        }
        params.add("b");
        columns.add("label");
        String formula = "log(1 + exp(" + z + "b)) - label*(" + z + "b)";
        RecordLoss java = (w, r) -> {
            Real s = w[k];
            for (int j = 0; j < k; j++) {
                s = s.add(w[j].multiply(r[j]));
            }
            return s.exp().add(1).log().subtract(s.multiply(r[k]));
        };
        System.out.println("loss: " + formula);
        System.out.println();
        System.out.println("| cores | Nabla formula: s/pass | Nabla Java loss: s/pass | MLlib: s/pass | Nabla / MLlib | Nabla speedup | MLlib speedup | f after " + iterations + " iterations: Nabla, MLlib |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---|");
        double nabla1 = Double.NaN;
        double mllib1 = Double.NaN;
        for (int c : cores) {
            SparkSession spark = Sessions.create("local[" + c + "]", "nabla spark-bench");
            Jobs jobs = new Jobs();
            spark.sparkContext().addSparkListener(jobs);
            Dataset<Row> frame = spark.read().parquet(data.toString());

            // Nabla, the formula: L-BFGS on the mean, tolerance 0, the given iterations
            double nablaPass;
            double nablaValue;
            double javaPass;
            try (SparkObjective sum = SparkObjective.of(frame, Loss.formula(formula, params, columns), PARTITIONS)) {
                SparkObjective mean = sum.mean();
                mean.valueAndGradient(new double[k + 1]); // warm-up pass (JIT), not counted
                drain(spark);
                jobs.done.clear();
                OptimizationResult r = new Lbfgs(10, StrongWolfe.DEFAULT, new Termination(0, iterations))
                        .minimize(mean, new double[k + 1]);
                drain(spark);
                nablaPass = jobs.median("SparkObjective")[0];
                nablaValue = r.value();
                System.err.printf(Locale.ROOT, "cores %d: Nabla %s, %d iterations, %d passes, f = %.12g, median pass %.3f s%n",
                        c, r.stopReason(), r.iterations(), r.gradientEvaluations(), r.value(), nablaPass);
            }
            // Nabla, the same loss as Java code over Real (reverse mode per record): a few passes
            try (SparkObjective sum = SparkObjective.of(frame, Loss.of(java, params, columns), PARTITIONS)) {
                double[] theta = new double[k + 1];
                sum.valueAndGradient(theta);
                drain(spark);
                jobs.done.clear();
                for (int i = 1; i <= 3; i++) {
                    theta[0] = 0.01 * i;
                    sum.valueAndGradient(theta);
                }
                drain(spark);
                javaPass = jobs.median("SparkObjective")[0];
            }
            // MLlib: the same data in the same 8 partitions, same iterations, tolerance 0, no regularisation
            String[] features = columns.subList(0, k).toArray(String[]::new);
            Dataset<Row> assembled = new VectorAssembler().setInputCols(features).setOutputCol("features")
                    .transform(frame).select("features", "label").repartition(PARTITIONS).cache();
            assembled.count();
            jobs.done.clear();
            LogisticRegressionModel model = new LogisticRegression().setMaxIter(iterations).setTol(0).setRegParam(0)
                    .setStandardization(false).setFamily("binomial").fit(assembled);
            drain(spark);
            double[] ml = jobs.median("RDDLossFunction");
            double[] history = model.summary().objectiveHistory();
            double mllibValue = history[history.length - 1];
            System.err.printf(Locale.ROOT, "cores %d: MLlib %d iterations, %d loss passes, f = %.12g, median pass %.3f s%n",
                    c, model.summary().totalIterations(), (long) ml[1], mllibValue, ml[0]);
            assembled.unpersist();
            if (Double.isNaN(nabla1)) {
                nabla1 = nablaPass;
                mllib1 = ml[0];
            }
            System.out.printf(Locale.ROOT, "| %d | %.3f | %.3f | %.3f | %.2f× | %.2f× | %.2f× | %.10f, %.10f |%n", c, nablaPass,
                    javaPass, ml[0], nablaPass / ml[0], nabla1 / nablaPass, mllib1 / ml[0], nablaValue, mllibValue);
            spark.stop();
        }
    }

    private static void drain(SparkSession spark) throws Exception {
        spark.sparkContext().listenerBus().waitUntilEmpty();
    }

    /** N rows of x_j ~ N(0, 1) and label ∈ {0, 1} drawn from the model z = 0.3 + Σ 0.5 (−1)^j x_j, in 8 Parquet files. */
    static void generate(long rows, int k, Path data) {
        SparkSession spark = Sessions.create("local[*]", "nabla spark-bench data");
        Dataset<Row> d = spark.range(0, rows, 1, PARTITIONS).toDF();
        Column z = functions.lit(0.3);
        for (int j = 1; j <= k; j++) {
            d = d.withColumn("x" + j, functions.randn(1000 + j));
            z = z.plus(functions.col("x" + j).multiply(j % 2 == 0 ? 0.5 : -0.5));
        }
        Column p = functions.lit(1.0).divide(functions.lit(1.0).plus(functions.exp(z.multiply(-1))));
        d = d.withColumn("label", functions.when(functions.rand(7).lt(p), 1.0).otherwise(0.0)).drop("id");
        d.write().parquet(data.toString());
        spark.stop();
    }
}
