#!/usr/bin/env bash
# Benchmark: pyjudge against a naive "one python3 process per test" loop. See bench/README.md.
#
#   bench/run.sh [PYJUDGE]      PYJUDGE defaults to build/pyjudge (relative to the repo root)
#
# When PYJUDGE's folder has bench/pyjudge-box-shared-libpython (`cmake --build build --target
# pyjudge-box-shared-libpython`), the CPU-bound loop is also timed with the box on the shared
# libpython, the baseline of the static link.
#
# Environment: JUDGE_RUNS (default 5) and NAIVE_RUNS (default 3) set how many timed runs
# hyperfine makes of each pyjudge and each naive measurement; medians are reported.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
python=/usr/bin/python3
judge_runs=${JUDGE_RUNS:-5}
naive_runs=${NAIVE_RUNS:-3}

pyjudge=${1:-build/pyjudge}
if [[ ! -x $pyjudge && $pyjudge != /* && -x $root/$pyjudge ]]; then pyjudge=$root/$pyjudge; fi
if [[ ! -x $pyjudge ]]; then
  echo "bench: no pyjudge binary at '$pyjudge' (build it first, or pass its path)" >&2
  exit 2
fi
pyjudge=$(cd "$(dirname "$pyjudge")" && pwd)/$(basename "$pyjudge")
for tool in hyperfine "$python"; do
  command -v "$tool" >/dev/null || { echo "bench: '$tool' is required" >&2; exit 2; }
done

work=$(mktemp -d "${TMPDIR:-/tmp}/pyjudge-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

step() { printf 'bench: %s\n' "$*" >&2; }

# hyperfine NAME RUNS WARMUP COMMAND...: timed runs, no shell in between; the log is shown only
# if a run fails (hyperfine stops on a non-zero exit, and pyjudge exits 1 unless accepted).
time_it() {
  local name=$1 runs=$2 warmup=$3
  shift 3
  if ! hyperfine -N --style basic --runs "$runs" --warmup "$warmup" \
      --export-json "$work/$name.hyperfine.json" --command-name "$name" "$*" \
      >"$work/$name.log" 2>&1; then
    cat "$work/$name.log" >&2
    echo "bench: $name failed" >&2
    exit 1
  fi
}

load_start=$(cut -d' ' -f1-3 /proc/loadavg)
p=$work/problems
step "generating problems in $work"
"$python" "$here/bench.py" gen "$work"

step "checking that every problem is accepted ($pyjudge)"
"$python" "$here/bench.py" check "$pyjudge" "$work" || { echo "bench: not AC, aborting" >&2; exit 1; }

step "pyjudge: 1-test problem (start-up), 20 runs"
time_it pyjudge-startup 20 3 "$pyjudge" run "$p/bench-startup" "$work/add.py"
step "pyjudge: 20-test submission, 20 runs"
time_it pyjudge-submission 20 3 "$pyjudge" run "$p/bench-submission" "$work/add.py"
step "pyjudge: 1000 function tests, $judge_runs runs"
time_it pyjudge-function "$judge_runs" 1 "$pyjudge" run "$p/bench-function" "$work/add.py"
step "pyjudge: 200 stdio tests, $judge_runs runs"
time_it pyjudge-stdio "$judge_runs" 1 "$pyjudge" run "$p/bench-stdio" "$work/sum.py"

step "pyjudge --isolation process: 1000 function tests, $naive_runs runs"
time_it pyjudge-function-process "$naive_runs" 0 "$pyjudge" run "$p/bench-function" "$work/add.py" --isolation process
step "pyjudge --isolation process: 200 stdio tests, $naive_runs runs"
time_it pyjudge-stdio-process "$naive_runs" 0 "$pyjudge" run "$p/bench-stdio" "$work/sum.py" --isolation process
step "100 tests with a module-level sieve: pyjudge and plain python3, $judge_runs runs each"
time_it pyjudge-primes "$judge_runs" 1 "$pyjudge" run "$p/bench-primes" "$work/primes.py"
time_it python3-primes "$judge_runs" 1 "$python" "$work/primes-python.py"

step "naive: 200 stdio tests, $naive_runs runs"
time_it naive-stdio "$naive_runs" 1 bash "$work/naive-stdio.sh"
step "naive: 1000 function tests, $naive_runs runs"
time_it naive-function "$naive_runs" 0 bash "$work/naive-function.sh"

"$python" "$here/bench.py" report "$work"

judges=("$pyjudge")
shared_box=$(dirname "$pyjudge")/bench/pyjudge-box-shared-libpython
if [[ -x $shared_box ]]; then
  # The judge runs the pyjudge-box next to it: a copy of both, with the shared-libpython box.
  mkdir -p "$work/shared-libpython"
  cp "$pyjudge" "$work/shared-libpython/pyjudge"
  cp "$shared_box" "$work/shared-libpython/pyjudge-box"
  judges+=("$work/shared-libpython/pyjudge")
fi
step "the same CPU-bound loop: python3 and ${#judges[@]} pyjudge build(s), ${CPU_ROUNDS:-7} interleaved rounds"
"$python" "$here/bench.py" cpu "$work" "${CPU_ROUNDS:-7}" "${judges[@]}"
load_end=$(cut -d' ' -f1-3 /proc/loadavg)
echo "load average (1/5/15 min) at start: $load_start, at end: $load_end, on $(nproc) CPUs"
echo "(other work on the machine inflates every number above; compare runs on an idle machine)"
