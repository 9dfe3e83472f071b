#!/usr/bin/env bash
# Distribution check: unpacks the archive that `mvn -B package` made (nabla-cli/target/nabla-*-dist.tar.gz)
# into an empty directory and runs bin/nabla through a symbolic link from another directory, with a fresh
# startup cache: the version from the build, the documents' example, JSON with versions, completion, man
# pages, the startup cache, and no progress bar in a redirected stderr. Then the source checkout's ./nabla
# through a symbolic link. Usage: scripts/dist-check.sh (after mvn -B package or verify)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
archive=$(ls "$root"/nabla-cli/target/nabla-*-dist.tar.gz)
version=$(sed -n 's#^  <version>\(.*\)</version>#\1#p' "$root/pom.xml" | head -1)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export NABLA_CACHE_DIR="$tmp/cache"
fail() { echo "dist check: FAILED: $*" >&2; exit 1; }

tar xzf "$archive" -C "$tmp"
home="$tmp/nabla-$version"
for f in bin/nabla lib/nabla-cli.jar man/man1/nabla.1 man/man1/nabla-grad.1 completion/nabla.bash \
         completion/nabla.zsh LICENSE NOTICE; do
  [ -e "$home/$f" ] || fail "$f is missing from the archive"
done
mkdir -p "$tmp/links" "$tmp/elsewhere"
ln -s "$home/bin/nabla" "$tmp/links/nabla"
cd "$tmp/elsewhere"
nabla="$tmp/links/nabla"

[ "$("$nabla" --version)" = "nabla $version" ] || fail "--version is not 'nabla $version'"
out=$("$nabla" grad "x^2*sin(y) + y^3" --at x=0.7,y=1.2 --dir 1,-2)
# (the correctly rounded D_v f at the typed point (0.7, 1.2): 1.4 sin 1.2 − 0.98 cos 1.2 − 8.64 = −7.6902558790330232…)
grep -q -- "D_v f = .* = -7.690255879033023" <<<"$out" || fail "grad printed: $out"
json=$("$nabla" eval "x^2*sin(y) + y^3" --at 0.7,1.2 --json)
grep -q "\"nablaVersion\" : \"$version\"" <<<"$json" || fail "JSON without nablaVersion: $json"
schema=$(sed -n 's/.*SCHEMA_VERSION = \([0-9]*\);.*/\1/p' "$root/nabla-cli/src/main/java/dev/nabla/cli/support/BuildInfo.java")
grep -q "\"schemaVersion\" : $schema," <<<"$json" || fail "JSON without schemaVersion $schema: $json"
"$nabla" completion bash | grep -q "complete -F" || fail "no bash completion"
bash -c "source <('$nabla' completion bash)" || fail "the bash completion script does not load"
"$nabla" --prepare-cache >/dev/null || fail "--prepare-cache"
ls "$NABLA_CACHE_DIR"/nabla-* >/dev/null || fail "no startup cache in $NABLA_CACHE_DIR"
[ "$("$nabla" eval x --at x=1 | tail -1)" = "f(1) = 1" ] || fail "eval with the startup cache"
"$nabla" descend "(x-1)^2 + 10*(y+2)^2" --at 0,0 >/dev/null 2>"$tmp/stderr" || fail "descend"
if grep -q $'\r' "$tmp/stderr"; then fail "a progress bar went into a redirected stderr"; fi
set +e; "$nabla" eval "log(x)" --at x=-1 >/dev/null 2>&1; code=$?; set -e
[ "$code" -eq 3 ] || fail "a domain error exited $code, not 3"

ln -s "$root/nabla" "$tmp/links/nabla-checkout"
[ "$("$tmp/links/nabla-checkout" --version)" = "nabla $version" ] || fail "./nabla through a symbolic link"
echo "dist check: ok ($(basename "$archive"))"
