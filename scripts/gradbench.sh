#!/usr/bin/env bash
# Runs every GradBench eval Nabla implements through the tool (a separate JVM speaking the protocol) at
# GradBench's default sizes, and writes the table into the "GradBench" section of docs/benchmarks.md.
#
#   scripts/gradbench.sh [--gradbench DIR] [--large] [--evals lse,gmm,...] [--min-runs N] [--min-seconds S]
#
# --gradbench DIR: a GradBench checkout; its ADBench data files (evals/ba/data, evals/ht/data) are used for
# ba and ht. Without it those two use synthetic inputs of the same shapes (see Generators).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$here"
cpfile=$(mktemp)
mvn -q -B -DskipTests -pl nabla-gradbench -am package dependency:build-classpath -Dmdep.outputFile="$cpfile" >&2
cp="nabla-gradbench/target/classes:$(cat "$cpfile")"
rm -f "$cpfile"
heap=${NABLA_GRADBENCH_HEAP:-8g}
table=$(mktemp)
java -cp "$cp" dev.nabla.gradbench.bench.Driver "$@" -- java -Xmx"$heap" -Xss64m -cp "$cp" dev.nabla.gradbench.Main >"$table"
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')
{
  echo "## GradBench"
  echo
  echo "Each GradBench eval run through \`nabla gradbench\`'s protocol loop (a separate JVM: \`java -Xmx$heap -Xss64m\`),"
  echo "driven by \`dev.nabla.gradbench.bench.Driver\` as the eval side. Times are the median of the tool's own"
  echo "per-run \`evaluate\` timings (each evaluate message runs at least min_runs times and min_seconds long; JIT"
  echo "warm-up is inside the first runs, the median mostly excludes it). Inputs follow the evals' definitions"
  echo "(generated with a seeded java.util.Random, see docs/gradbench.md); the primal runs the same Real program"
  echo "as the derivative, with plain doubles."
  echo
  echo "Machine: $cpu, $(nproc) cores (shared with other jobs), $(java -version 2>&1 | head -1)."
  echo "Command: \`scripts/gradbench.sh $*\` on $(date -u +%Y-%m-%d)."
  echo
  cat "$table"
} >"$table.section"
python3 scripts/replace-section.py gradbench "$table.section" docs/benchmarks.md
cat "$table.section"
rm -f "$table" "$table.section"
