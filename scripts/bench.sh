#!/usr/bin/env bash
# Runs Nabla's AD benchmarks (module nabla-bench, JMH) and writes the table into docs/benchmarks.md, between
# the markers <!-- bench:start --> and <!-- bench:end --> (the rest of the file is left alone).
#
#   scripts/bench.sh                 # the full run (~12 minutes on 2 busy cores)
#   scripts/bench.sh Rosenbrock      # extra arguments go to JMH (a benchmark regex, -p n=10, …)
#   JMH_ARGS="-f 1 -wi 1 -i 1" scripts/bench.sh   # quicker, noisier settings
#
# JMH_ARGS defaults to one fork, 5 warm-up and 5 measured iterations of 1 s, and -prof gc (allocation per op).
set -euo pipefail
cd "$(dirname "$0")/.."

jmh_args=${JMH_ARGS:-"-f 1 -wi 5 -w 1s -i 5 -r 1s -prof gc"}
out=nabla-bench/target/jmh
doc=docs/benchmarks.md

mvn -B -q -pl nabla-bench -am -Pbench -DskipTests package
mkdir -p "$out"
command="java -jar nabla-bench/target/benchmarks.jar $jmh_args${*:+ $*} -rf json -rff $out/results.json"
load=$(cut -d' ' -f1-3 /proc/loadavg)
# shellcheck disable=SC2086 # jmh_args is a word list on purpose
java -jar nabla-bench/target/benchmarks.jar $jmh_args "$@" -rf json -rff "$out/results.json" | tee "$out/jmh.log"

section=$(mktemp)
trap 'rm -f "$section"' EXIT
{
  echo "<!-- bench:start -->"
  echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p' | head -1)," \
       "$(java -version 2>&1 | head -1); load average at the start $load (the machine is shared)."
  echo
  echo "Command: \`scripts/bench.sh${*:+ $*}\`, which builds the module and runs"
  echo "\`$command\`."
  echo
  java -cp nabla-bench/target/benchmarks.jar dev.nabla.bench.BenchTable "$out/results.json"
  echo "<!-- bench:end -->"
} > "$section"

mkdir -p docs
[ -f "$doc" ] || printf '# Benchmarks\n' > "$doc"
if grep -q '<!-- bench:start -->' "$doc"; then
  awk -v section="$section" '
    /<!-- bench:start -->/ { while ((getline line < section) > 0) print line; skipping = 1; next }
    /<!-- bench:end -->/   { skipping = 0; next }
    !skipping              { print }
  ' "$doc" > "$doc.tmp" && mv "$doc.tmp" "$doc"
else
  { printf '\n## AD benchmarks\n\n'; cat "$section"; } >> "$doc"
fi
echo "wrote the table into $doc"
