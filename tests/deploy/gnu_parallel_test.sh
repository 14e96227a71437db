#!/usr/bin/env bash
# deploy/gnu-parallel/run-shards.sh with the shards run here by GNU parallel (-S :): the merged
# result must equal a single `pyjudge batch` of the same submissions, each exactly once.
#   tests/deploy/gnu_parallel_test.sh PYJUDGE PROBLEMS WORKDIR
set -euo pipefail
pyjudge=$1 problems=$2 work=$3
here="$(cd "$(dirname "$0")/../.." && pwd)"
command -v parallel >/dev/null || { echo "GNU parallel is not installed (scripts/bootstrap.sh test installs it)"; exit 1; }
rm -rf "$work"
mkdir -p "$work/subs"
# Nine submissions over three problems, with different verdicts.
i=0
for problem in two-sum valid-parentheses merge-intervals; do
  for sol in "$problems/$problem"/solutions/*/*.py; do
    i=$((i + 1))
    [ $i -le 9 ] || break
    mkdir -p "$work/subs/cand-$i"
    cp "$sol" "$work/subs/cand-$i/$problem.py"
  done
done
"$pyjudge" batch "$work/subs" --problems "$problems" -j 2 --out "$work/single.jsonl" >/dev/null 2>&1
PYJUDGE="$pyjudge" "$here/deploy/gnu-parallel/run-shards.sh" 3 "$work/subs" "$problems" "$work/sharded"
/usr/bin/python3 - "$work/single.jsonl" "$work/sharded/results.jsonl" "$work/subs" <<'PY'
import json, os, sys
def load(path):
    rows = [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
    keys = [(r["candidate"], r["problem"]) for r in rows]
    assert len(keys) == len(set(keys)), f"{path}: a submission appears twice"
    return {(r["candidate"], r["problem"]): (r["verdict"], r["passed"], r["total"], r["score"]) for r in rows}
single, merged = load(sys.argv[1]), load(sys.argv[2])
expected = {(c, f[:-3]) for c in os.listdir(sys.argv[3]) for f in os.listdir(os.path.join(sys.argv[3], c))}
assert set(single) == expected, f"single run: {sorted(set(single) ^ expected)}"
assert merged == single, f"merged differs from the single run: {sorted(set(merged.items()) ^ set(single.items()))}"
verdicts = sorted({v[0] for v in single.values()})
assert len(verdicts) >= 3, f"too few distinct verdicts to mean anything: {verdicts}"
print(f"merged {len(merged)} submissions from 3 shards: equal to the single run (verdicts {verdicts})")
PY
