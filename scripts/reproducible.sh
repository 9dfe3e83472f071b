#!/usr/bin/env bash
# Reproducible builds: builds every module twice from clean and compares the archives byte for byte
# (jars, sources and Javadoc jars, the distribution archives). Entry times come from
# project.build.outputTimestamp in the parent POM.
# Usage: scripts/reproducible.sh   (exit 0 and "reproducible: N archives identical" on success)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

build() {
  echo "reproducible: clean build $1 of 2"
  if ! mvn -B -q clean package -DskipTests >"$tmp/build$1.log" 2>&1; then
    cat "$tmp/build$1.log" >&2
    exit 1
  fi
  mkdir -p "$tmp/$1"
  find . -path '*/target/*' -maxdepth 3 \( -name '*.jar' -o -name '*.zip' -o -name '*.tar.gz' \) -print0 |
    while IFS= read -r -d '' f; do mkdir -p "$tmp/$1/$(dirname "$f")"; cp "$f" "$tmp/$1/$f"; done
}
build 1
build 2
count=0
differ=0
while IFS= read -r -d '' f; do
  rel=${f#"$tmp/1/"}
  count=$((count + 1))
  if ! cmp -s "$f" "$tmp/2/$rel"; then
    echo "reproducible: DIFFERS: $rel" >&2
    differ=$((differ + 1))
  fi
done < <(find "$tmp/1" -type f -print0 | sort -z)
if [ "$count" -eq 0 ]; then echo "reproducible: no archives were built" >&2; exit 1; fi
if [ "$differ" -ne 0 ]; then echo "reproducible: $differ of $count archives differ" >&2; exit 1; fi
echo "reproducible: $count archives identical"
