#!/usr/bin/env bash
# From "save" to verdict: one `pyjudge run`, process start to exit, with the prepared-test cache
# warm and cold, side by side with a bare `/usr/bin/python3 -c pass` and, when given, a baseline
# pyjudge (e.g. main's build; with its own warm cache when it has one), all in one hyperfine run
# per table.
#
#   bench/feedback.sh [PYJUDGE] [BASELINE_PYJUDGE]
#
# Rows: two-sum judged with its reference solution (14 tests, 4 of them generated, two with n = 10^5), the
# same solution without its annotations (it names no prelude name, so the lazy prelude imports
# nothing: no typing, no re), a compile error on lru-cache, stream-stats with its reference
# (large generated stdio inputs), and "plain python3, same solution and inputs": /usr/bin/python3
# loading two-sum's 14 inputs and expected values from a pickle written once beforehand
# (bench/plain_python.py, which needs python3-yaml), calling the same hashmap solution on each and
# checking every answer: what the tests themselves cost, without a judge.
# Then `pyjudge validate` over the whole library, cache cold, against the baseline's.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PJ=$(realpath "${1:-$ROOT/build/pyjudge}")
BASE=${2:+$(realpath "$2")}
PROBLEMS=$ROOT/problems
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
export NO_COLOR=1

printf 'class LRUCache:\n    def __init__(self, capacity)\n        self.capacity = capacity\n' > "$T/ce.py"
TWO_SUM="run $PROBLEMS/two-sum $PROBLEMS/two-sum/solutions/accepted/hashmap.py"
sed 's/: List\[int\]//; s/: int//; s/ -> List\[int\]//' "$PROBLEMS/two-sum/solutions/accepted/hashmap.py" > "$T/plain.py"
TWO_SUM_PLAIN="run $PROBLEMS/two-sum $T/plain.py"
LRU_CE="run $PROBLEMS/lru-cache $T/ce.py"
STREAM="run $PROBLEMS/stream-stats $PROBLEMS/stream-stats/solutions/accepted/line_by_line.py"

echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
# Correctness first: the verdicts the timed runs must reproduce.
check() {
  local want=$1; shift
  local got
  got=$("$@" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["verdict"])' || true)
  [[ $got == "$want" ]] || { echo "expected $want from: $*, got $got" >&2; exit 1; }
}
check AC "$PJ" $TWO_SUM --cache "$T/warm"
check AC "$PJ" $TWO_SUM_PLAIN --cache "$T/warm"
check CE "$PJ" $LRU_CE --cache "$T/warm"
check AC "$PJ" $STREAM --cache "$T/warm"

PLAIN_PYTHON=()
if /usr/bin/python3 "$ROOT/bench/plain_python.py" write "$PROBLEMS/two-sum" "$T/two-sum.pickle"; then
  /usr/bin/python3 "$ROOT/bench/plain_python.py" run "$T/two-sum.pickle" "$PROBLEMS/two-sum/solutions/accepted/hashmap.py"
  PLAIN_PYTHON=(-n "plain python3, same solution and inputs"
         "/usr/bin/python3 $ROOT/bench/plain_python.py run $T/two-sum.pickle $PROBLEMS/two-sum/solutions/accepted/hashmap.py")
else
  echo "no row \"plain python3, same solution and inputs\": bench/plain_python.py write needs python3-yaml" >&2
fi

rows=(-n "python3 -c pass" "/usr/bin/python3 -c pass"
      "${PLAIN_PYTHON[@]}"
      -n "two-sum, cache warm" "$PJ $TWO_SUM --cache $T/warm"
      -n "two-sum no annotations, cache warm" "$PJ $TWO_SUM_PLAIN --cache $T/warm"
      -n "lru-cache CE, cache warm" "$PJ $LRU_CE --cache $T/warm"
      -n "stream-stats, cache warm" "$PJ $STREAM --cache $T/warm")
if [[ -n $BASE ]]; then
  BASE_CACHE=""
  if "$BASE" run --help | grep -q -- --cache; then BASE_CACHE="--cache $T/base"; fi
  rows+=(-n "two-sum, baseline" "$BASE $TWO_SUM $BASE_CACHE"
         -n "two-sum no annotations, baseline" "$BASE $TWO_SUM_PLAIN $BASE_CACHE"
         -n "lru-cache CE, baseline" "$BASE $LRU_CE $BASE_CACHE"
         -n "stream-stats, baseline" "$BASE $STREAM $BASE_CACHE")
fi
echo "== warm cache (and the baseline's, warm if it has one)" >&2
hyperfine -N -i --warmup 1 --runs "${RUNS:-10}" --style basic --export-markdown "$T/warm.md" "${rows[@]}" >&2
cat "$T/warm.md"

# Cold: each run starts from an empty cache folder (removed by --prepare, per command).
echo "== cold cache" >&2
hyperfine -N -i --runs "${COLD_RUNS:-5}" --style basic --export-markdown "$T/cold.md" \
  --prepare "true" -n "python3 -c pass" "/usr/bin/python3 -c pass" \
  --prepare "rm -rf $T/cold" -n "two-sum, cache cold" "$PJ $TWO_SUM --cache $T/cold" \
  --prepare "rm -rf $T/cold" -n "lru-cache CE, cache cold" "$PJ $LRU_CE --cache $T/cold" \
  --prepare "rm -rf $T/cold" -n "stream-stats, cache cold" "$PJ $STREAM --cache $T/cold" >&2
cat "$T/cold.md"

if [[ -n $BASE && -z ${SKIP_VALIDATE:-} ]]; then
  echo "== validate, the whole library, cache cold" >&2
  hyperfine -N -i --runs 1 --style basic --export-markdown "$T/validate.md" \
    --prepare "true" -n "validate (baseline)" "$BASE validate --problems $PROBLEMS" \
    --prepare "rm -rf $T/vcache" -n "validate, cache cold" "$PJ validate --problems $PROBLEMS --cache $T/vcache" \
    --prepare "true" -n "validate, cache warm" "$PJ validate --problems $PROBLEMS --cache $T/vcache" >&2
  cat "$T/validate.md"
fi
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
