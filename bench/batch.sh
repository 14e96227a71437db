#!/usr/bin/env bash
# Batch throughput with 1 and 2 workers, measured in one run, side by side.
#
#   bench/batch.sh [PYJUDGE] [COUNT]     defaults: build/pyjudge, 120 submissions
#
# The submissions are the library's accepted, wrong-answer and runtime-error solutions (copied
# round-robin to COUNT candidates), so every run judges the same mix. Each timed run starts
# from an empty results file; hyperfine reports the median of RUNS (default 3) runs.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
pyjudge=${1:-$root/build/pyjudge}
count=${2:-120}
runs=${RUNS:-3}
[[ -x $pyjudge ]] || { echo "bench: no pyjudge at $pyjudge" >&2; exit 2; }
command -v hyperfine >/dev/null || { echo "bench: hyperfine is required" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/pyjudge-batch-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

mapfile -t pool < <(cd "$root/problems" && ls -1 */solutions/{accepted,wrong_answer,runtime_error}/*.py | sort)
for ((i = 0; i < count; i++)); do
  src=${pool[i % ${#pool[@]}]}
  problem=${src%%/*}
  mkdir -p "$work/subs/c$i"
  cp "$root/problems/$src" "$work/subs/c$i/$problem.py"
done

for j in 1 2; do
  hyperfine --runs "$runs" --warmup 1 --prepare "rm -f '$work/r$j.jsonl'" \
    --export-json "$work/j$j.json" \
    "'$pyjudge' batch '$work/subs' --problems '$root/problems' -j $j --out '$work/r$j.jsonl'" >&2
done

/usr/bin/python3 - "$work" "$count" <<'PY'
import json, os, sys
work, count = sys.argv[1], int(sys.argv[2])
tests = sum(json.loads(l)["total"] for l in open(os.path.join(work, "r1.jsonl")))
med = {j: json.load(open(os.path.join(work, f"j{j}.json")))["results"][0]["median"] for j in (1, 2)}
print(f"batch of {count} submissions ({tests} tests), median of timed runs:")
for j in (1, 2):
    print(f"  -j {j}: {med[j]:6.2f} s   {count / med[j]:6.1f} submissions/s   {tests / med[j]:7.0f} tests/s")
print(f"  speed-up with 2 workers: {med[1] / med[2]:.2f}x")
print(f"  load average at end: {' '.join(open('/proc/loadavg').read().split()[:3])} on {os.cpu_count()} CPUs")
PY
