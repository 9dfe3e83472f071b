#!/usr/bin/env bash
# Mutation testing (PIT) of the primitive table (dev.nabla.core.prim) and the exact one-sided directional
# derivative code (dev.nabla.core.onesided), against the core tests that specify them (prim.*, onesided.*,
# ad.TableEnginesTest, ad.DomainChecksTest). The pitest plugin lives in nabla-core's
# Maven profile `mutation`, never in the default build.
#   scripts/mutation.sh [THREADS] [TARGET_CLASSES]
# THREADS defaults to 2; TARGET_CLASSES (comma-separated globs) defaults to the profile's prim.* and onesided.*.
# Report: nabla-core/target/pit-reports/index.html (and mutations.csv); the score is printed at the end.
# About 13 minutes of CPU (62 min wall at a load of 40 on 2 shared cores). Score and reviewed survivors: docs/verification.md.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
threads=${1:-2}
args=(-B -Pmutation -pl nabla-core test-compile org.pitest:pitest-maven:mutationCoverage -Dmutation.threads="$threads")
[ $# -ge 2 ] && args+=(-DtargetClasses="$2")
mvn "${args[@]}" | grep -E '^>> |Generated|BUILD|ERROR' || true
csv=nabla-core/target/pit-reports/mutations.csv
[ -f "$csv" ] || { echo "no report: see the Maven output" >&2; exit 1; }
awk -F, '{n++; s[$6]++} END {k=s["KILLED"]+s["TIMED_OUT"]+s["MEMORY_ERROR"];
  printf "mutants %d: killed %d (%.1f%%), survived %d, no coverage %d\n", n, k, 100*k/n, s["SURVIVED"], s["NO_COVERAGE"]}' "$csv"
