package dev.nabla.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** One local[2] Spark session for every test of the module (started once per JVM), and seeded data sets. */
final class TestSpark {
    private static SparkSession session;

    private TestSpark() {
    }

    static synchronized SparkSession session() {
        if (session == null) {
            session = Sessions.create("local[2]", "nabla-spark tests");
        }
        return session;
    }

    /** A data frame of double columns from rows, split into the given source partitions (order kept). */
    static Dataset<Row> frame(List<String> names, List<double[]> rows, int sourcePartitions) {
        List<StructField> fields = new ArrayList<>();
        for (String n : names) {
            fields.add(DataTypes.createStructField(n, DataTypes.DoubleType, true));
        }
        List<Row> list = new ArrayList<>();
        for (double[] r : rows) {
            Object[] o = new Object[r.length];
            for (int i = 0; i < r.length; i++) {
                o[i] = r[i];
            }
            list.add(RowFactory.create(o));
        }
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(session().sparkContext());
        return session().createDataFrame(jsc.parallelize(list, sourcePartitions), DataTypes.createStructType(fields));
    }

    /**
     * Logistic-regression records (x_1 … x_k, y): x ~ N(0, 1) per feature, y = ±1 drawn from the model with
     * weights (1, −0.5, 0.25, …) and bias 0.3, so the classes overlap and the maximum-likelihood fit exists.
     */
    static List<double[]> logistic(int rows, int features, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            double[] r = new double[features + 1];
            double z = 0.3;
            for (int j = 0; j < features; j++) {
                r[j] = gaussian(random);
                z += Math.pow(-0.5, j) * r[j];
            }
            r[features] = random.nextDouble() < 1 / (1 + Math.exp(-z)) ? 1 : -1;
            out.add(r);
        }
        return out;
    }

    /** Exponential-decay records (t, y): t uniform in [0, 4], y = 2 e^{−0.7 t} + 0.5 + noise N(0, 0.05²). */
    static List<double[]> decay(int rows, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            double t = 4 * random.nextDouble();
            out.add(new double[] {t, 2 * Math.exp(-0.7 * t) + 0.5 + 0.05 * gaussian(random)});
        }
        return out;
    }

    static double gaussian(SplittableRandom random) {
        double u = random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log1p(-u)) * Math.cos(2 * Math.PI * v);
    }

    static StructType schema(String... names) {
        List<StructField> fields = new ArrayList<>();
        for (String n : names) {
            fields.add(DataTypes.createStructField(n, DataTypes.DoubleType, true));
        }
        return DataTypes.createStructType(fields);
    }
}
