#!/usr/bin/env bash
# Startup of a calculator-like command, side by side: `nabla eval x --at x=1` through
#   A  the launcher as it was before the startup work (java -jar on the CLI's jar, after the same
#      sources-changed check),
#   B  today's ./nabla with the default JDK (static CDS archive, C1 only, serial GC),
#   C  today's ./nabla on a JDK >= 24 with its AOT cache (when one is found: $JDK24 or /usr/lib/jvm),
#   D  today's ./nabla without any archive (NABLA_CACHE=off).
# Runs them in turn (A B C D, A B C D, ...) RUNS times (default 11) after one warm-up each, and prints the
# median and the range of wall-clock and CPU (user + sys) seconds, from bash's own `time`.
# Usage: scripts/startup.sh [RUNS]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-11}
jar="$root/nabla-cli/target/nabla-cli.jar"
cache=$(mktemp -d)
trap 'rm -rf "$cache"' EXIT
export NABLA_CACHE_DIR="$cache"

"$root/nabla" --version >/dev/null                # builds the jar if needed
jdk24=${JDK24:-}
if [ -z "$jdk24" ]; then
  for j in /usr/lib/jvm/*/bin/java; do
    v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$(dirname "$j")/../release" 2>/dev/null | head -1)
    if [ -n "$v" ] && [ "$v" -ge 24 ]; then jdk24=$j; break; fi
  done
fi
"$root/nabla" --prepare-cache >/dev/null
[ -n "$jdk24" ] && NABLA_JAVA=$jdk24 "$root/nabla" --prepare-cache >/dev/null

before() {  # the launcher before: the sources-changed check, then java -jar
  [ -n "$(find "$root" -path '*/src/main/*' -newer "$jar" -type f -print -quit)" ] && echo stale >&2
  java -jar "$jar" "$@"
}
variant() {
  case $1 in
    A) before eval x --at x=1 ;;
    B) "$root/nabla" eval x --at x=1 ;;
    C) NABLA_JAVA=$jdk24 "$root/nabla" eval x --at x=1 ;;
    D) NABLA_CACHE=off "$root/nabla" eval x --at x=1 ;;
  esac
}
variants="A B D"
[ -n "$jdk24" ] && variants="A B C D"

TIMEFORMAT='%R %U %S'
declare -A wall cpu
for v in $variants; do variant "$v" >/dev/null 2>&1; done   # warm-up (file cache)
for ((i = 0; i < runs; i++)); do
  for v in $variants; do
    t=$( { time variant "$v" >/dev/null 2>&1; } 2>&1 )
    read -r r u s <<<"$t"
    wall[$v]+="$r "
    cpu[$v]+="$(awk -v u="$u" -v s="$s" 'BEGIN { printf "%.3f", u + s }') "
  done
done

stats() {  # median [min, max] of the numbers given
  printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END { printf "%.3f [%.3f, %.3f]", (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2), a[1], a[NR] }'
}
echo "machine: $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -1); load $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"
echo "default java: $(java -version 2>&1 | head -1)${jdk24:+; JDK >= 24: $jdk24}"
echo "command: nabla eval x --at x=1; $runs runs each, interleaved; seconds, median [min, max]"
printf '%-3s %-34s %-30s %s\n' "" "variant" "wall" "cpu (user+sys)"
for v in $variants; do
  case $v in
    A) name="before (java -jar)" ;;
    B) name="./nabla, default JDK + CDS" ;;
    C) name="./nabla, JDK >= 24 + AOT cache" ;;
    D) name="./nabla, no archive" ;;
  esac
  # shellcheck disable=SC2086
  printf '%-3s %-34s %-30s %s\n' "$v" "$name" "$(stats ${wall[$v]})" "$(stats ${cpu[$v]})"
done
