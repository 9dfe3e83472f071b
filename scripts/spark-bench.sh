#!/usr/bin/env bash
# Nabla on Spark against Spark MLlib: logistic regression on ROWS rows × 10 features (Parquet, generated once and
# kept in nabla-spark/target/spark-bench/), value and gradient per pass in local mode with 1, 2, 4 and 8 cores,
# side by side with MLlib's LogisticRegression fitting the same data (same iterations, tolerance 0). Writes the
# table into docs/benchmarks.md between <!-- spark-bench:start --> and <!-- spark-bench:end -->.
#
#   scripts/spark-bench.sh                        # 10^7 rows, 10 L-BFGS iterations, cores 1 2 4 8
#   ROWS=1000000 ITERATIONS=10 scripts/spark-bench.sh
#   CORES="1 2" scripts/spark-bench.sh
#
# Needs about 3 GB of heap per 10^7 rows (both caches); SPARK_BENCH_HEAP overrides the default 12g.
set -euo pipefail
cd "$(dirname "$0")/.."

rows=${ROWS:-10000000}
iterations=${ITERATIONS:-10}
cores=${CORES:-"1 2 4 8"}
heap=${SPARK_BENCH_HEAP:-12g}
module=nabla-spark
target=$module/target
data=$target/spark-bench/logistic-$rows-10.parquet
doc=docs/benchmarks.md

# the module with MLlib (profile bench), its class path, and the benchmark itself (src/bench/java)
mvn -B -q -pl $module -am -Pbench -DskipTests -Dmaven.javadoc.skip -Dmaven.source.skip package \
  dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=compile
classpath="$target/classes:$(cat $target/bench-classpath.txt)"
rm -rf "$target/bench-classes"
javac -d "$target/bench-classes" -cp "$classpath" $(find $module/src/bench/java -name '*.java')
mkdir -p "$target/spark-bench"

load=$(cut -d' ' -f1-3 /proc/loadavg)
# MLlib's BLAS uses the JDK's vector API when it is there: give it to MLlib (and to Nabla, which does not use it)
# shellcheck disable=SC2046,SC2086 # the JVM flags are one word each; cores is a word list
command="java \$(cat $target/jvm.options) --add-modules=jdk.incubator.vector -Xmx$heap -cp … dev.nabla.spark.bench.SparkBench $rows 10 $iterations $data $cores"
table=$(java $(cat $target/jvm.options) --add-modules=jdk.incubator.vector -Xmx"$heap" \
  -Dlog4j2.configurationFile=classpath:nabla-spark-log4j2.properties \
  -cp "$target/bench-classes:$classpath" dev.nabla.spark.bench.SparkBench "$rows" 10 "$iterations" "$data" $cores)
echo "$table"

section=$(mktemp)
trap 'rm -f "$section"' EXIT
{
  echo "<!-- spark-bench:start -->"
  echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p' | head -1)," \
       "$(java -version 2>&1 | head -1), Spark 4.2.0 in local mode; load average at the start $load (the machine is shared)."
  echo
  echo "Command: \`ROWS=$rows ITERATIONS=$iterations CORES=\"$cores\" scripts/spark-bench.sh\`, which runs"
  echo "\`$command\`."
  echo
  echo "$table"
  echo "<!-- spark-bench:end -->"
} > "$section"
if grep -q '<!-- spark-bench:start -->' "$doc"; then
  awk -v section="$section" '
    /<!-- spark-bench:start -->/ { while ((getline line < section) > 0) print line; skipping = 1; next }
    /<!-- spark-bench:end -->/   { skipping = 0; next }
    !skipping                    { print }
  ' "$doc" > "$doc.tmp" && mv "$doc.tmp" "$doc"
else
  { printf '\n## Spark\n\n'; cat "$section"; } >> "$doc"
fi
echo "wrote the table into $doc"
