#!/usr/bin/env bash
# Compile-and-cache time of a C++ output validator: `pyjudge show` on tests/kattis/cpp-validator
# with an empty validator cache (g++ compiles the validator) against a warm one (the binary is
# found by the SHA-256 of its sources), run alternately in one run. Not a test.
#   bench/validator_cache.sh [PYJUDGE] [RUNS]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
pyjudge=${1:-$here/build/pyjudge}
runs=${2:-10}
package=$here/tests/kattis/cpp-validator
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
if command -v hyperfine >/dev/null; then
  hyperfine --runs "$runs" --export-markdown "$work/table.md" \
    --prepare "rm -rf $work/cold" -n "cold cache (compile)" "XDG_CACHE_HOME=$work/cold $pyjudge show $package" \
    --prepare "XDG_CACHE_HOME=$work/warm $pyjudge show $package" -n "warm cache" \
    "XDG_CACHE_HOME=$work/warm $pyjudge show $package" >&2
  cat "$work/table.md"
else
  ms() { local s e; s=$(date +%s%N); "$@" >/dev/null; e=$(date +%s%N); echo $(((e - s) / 1000000)); }
  XDG_CACHE_HOME=$work/warm "$pyjudge" show "$package" >/dev/null
  printf '| run | cold cache (compile) ms | warm cache ms |\n|---|---|---|\n'
  for i in $(seq "$runs"); do
    rm -rf "$work/cold"
    cold=$(XDG_CACHE_HOME=$work/cold ms "$pyjudge" show "$package")
    warm=$(XDG_CACHE_HOME=$work/warm ms "$pyjudge" show "$package")
    printf '| %d | %d | %d |\n' "$i" "$cold" "$warm"
  done
fi
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
