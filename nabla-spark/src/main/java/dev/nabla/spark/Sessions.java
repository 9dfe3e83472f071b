package dev.nabla.spark;

import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/** Spark sessions for Nabla: embedded ({@code local[*]}) or on a cluster by its master URL. */
public final class Sessions {
    private Sessions() {
    }

    /**
     * The active session, or a new one on the given master ({@code local[*]}, {@code local[4]},
     * {@code spark://host:7077}, {@code yarn}, …). Local masters bind the driver to 127.0.0.1 and run without the
     * web UI, so nothing listens outside the machine. On a cluster Spark's own configuration applies
     * ({@code spark-defaults.conf}, {@code --conf} of spark-submit), and the jars of nabla-spark, nabla-core and
     * nabla-symbolic, when the driver runs from jars, are shipped to the executors ({@code spark.jars}).
     *
     * @param master  the master URL
     * @param appName the application's name
     * @return the session
     */
    public static SparkSession create(String master, String appName) {
        SparkSession.Builder b = SparkSession.builder().master(master).appName(appName);
        if (master.startsWith("local")) {
            b.config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "8");
        } else {
            List<String> jars = new ArrayList<>();
            for (Class<?> c : List.of(Sessions.class, dev.nabla.core.ad.AD.class, dev.nabla.symbolic.Formula.class)) {
                CodeSource source = c.getProtectionDomain().getCodeSource();
                if (source != null && source.getLocation().getPath().endsWith(".jar")) {
                    jars.add(source.getLocation().toString());
                }
            }
            if (!jars.isEmpty()) {
                b.config("spark.jars", String.join(",", jars));
            }
        }
        return b.getOrCreate();
    }
}
