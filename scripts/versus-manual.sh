#!/usr/bin/env bash
# Nabla (traced programs and the eager tape) against GradBench's hand-written C++ tool `manual`, on the same
# input files, side by side in one run; writes the table into the "Against hand-written C++" section of
# docs/benchmarks.md with the machine, its load and the command.
#
#   scripts/versus-manual.sh GRADBENCH_CHECKOUT [MIN_RUNS [MIN_SECONDS [CASE...]]]
#   CASE: lse:N | gmm:D:K (n = 1000) | ode:N:S        (defaults: a small set, see below)
#
# manual is built from the checkout's own sources (tools/manual, cpp/) into a temporary directory with
# `make` (g++ -O3 -march=native, as GradBench builds it); GradBench's Makefile would download nlohmann's
# json.hpp, so the system's copy (Debian: nlohmann-json3-dev) is put on the include path instead.
# Nabla runs in one JVM with -Xmx2g (NABLA_HEAP to change it): no eval may need more.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
gradbench=$(cd "${1:?usage: scripts/versus-manual.sh GRADBENCH_CHECKOUT [MIN_RUNS [MIN_SECONDS [CASE...]]]}" && pwd)
runs=${2:-5}
seconds=${3:-1}
shift $(( $# < 3 ? $# : 3 ))
cases=("$@")
if [ ${#cases[@]} -eq 0 ]; then
  cases=(lse:10000 lse:160000 lse:1280000 gmm:2:5 gmm:10:25 gmm:20:50 gmm:64:50 ode:1000:10 ode:10000:100)
fi
include=""
if [ ! -f "$gradbench/cpp/json.hpp" ]; then
  for d in /usr/include/nlohmann /usr/local/include/nlohmann; do
    [ -f "$d/json.hpp" ] && include="-I$d" && break
  done
  [ -n "$include" ] || { echo "no json.hpp: install nlohmann-json3-dev or put json.hpp into $gradbench/cpp" >&2; exit 2; }
fi
build=$(mktemp -d)
trap 'rm -rf "$build"' EXIT
cp -r "$gradbench/tools/manual" "$gradbench/cpp" "$build/"
mkdir -p "$build/tools" && mv "$build/manual" "$build/tools/manual"
evals=$(printf '%s\n' "${cases[@]}" | cut -d: -f1 | sort -u)
for e in $evals; do
  make -s -C "$build/tools/manual" "bin/$e" \
    CXXFLAGS="-std=c++17 -O3 -Wall -I../../cpp $include -march=native -Wno-unknown-pragmas" >&2
done
cd "$here"
cpfile=$(mktemp)
mvn -q -B -DskipTests -pl nabla-gradbench -am package dependency:build-classpath -Dmdep.outputFile="$cpfile" >&2
cp="nabla-gradbench/target/classes:$(cat "$cpfile")"
rm -f "$cpfile"
heap=${NABLA_HEAP:-2g}
load=$(cut -d' ' -f1-3 /proc/loadavg)
started=$(date -u '+%Y-%m-%d %H:%M UTC')
table=$(java -Xmx"$heap" -Xss64m -cp "$cp" dev.nabla.gradbench.bench.VersusManual "$build/tools/manual/bin" "$runs" "$seconds" "${cases[@]}")
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
commit=$(git -C "$gradbench" rev-parse --short HEAD 2>/dev/null || echo "unknown commit")
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')
section=$(mktemp)
{
  echo "Measured $started on $(nproc) cores, $cpu, $(java -version 2>&1 | head -1), $(g++ --version | head -1);"
  echo "load average $load at the start and $load_after at the end (the machine is shared)."
  echo "GradBench $commit, manual built with g++ -O3 -march=native. Nabla in one JVM with -Xmx$heap."
  echo
  echo "Command: \`scripts/versus-manual.sh GRADBENCH $runs $seconds ${cases[*]}\`"
  echo
  echo "$table"
} >"$section"
python3 scripts/replace-section.py versus-manual "$section" docs/benchmarks.md
cat "$section"
rm -f "$section"
