package dev.nabla.spark;

import org.apache.spark.sql.SparkSession;

/** Spark sessions for Nabla: embedded ({@code local[*]}) or on a cluster by its master URL. */
public final class Sessions {
    private Sessions() {
    }

    /**
     * The active session, or a new one on the given master ({@code local[*]}, {@code local[4]},
     * {@code spark://host:7077}, {@code yarn}, …). Local masters bind the driver to 127.0.0.1 and run without the
     * web UI, so nothing listens outside the machine; on a cluster Spark's own configuration applies
     * ({@code spark-defaults.conf}, {@code --conf} of spark-submit).
     */
    public static SparkSession create(String master, String appName) {
        SparkSession.Builder b = SparkSession.builder().master(master).appName(appName);
        if (master.startsWith("local")) {
            b.config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "8");
        }
        return b.getOrCreate();
    }
}
