#!/bin/bash
# The complexity report's answers under load: every labelled solution of the given problems
# (default: every problem with `complexity:` labels) analysed 3 times while a busy loop holds
# the other core, then the answers compared run by run.
#
#   bench/complexity_load.sh [PYJUDGE] [PROBLEM...]
#
# Prints each run's answers (tests/complexity/labels_test.py lines), a line per solution whose
# answer changed between runs, and the library-wide rate. A benchmark, not a test: nothing runs
# it automatically, and its figures depend on the machine (it prints the load average).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
pyjudge=${1:-$root/build/pyjudge}
shift || true
problems=("$@")
if [ ${#problems[@]} -eq 0 ]; then
  mapfile -t problems < <(grep -l '^complexity:' "$root"/problems/*/problem.yaml | xargs -n1 dirname | xargs -n1 basename)
fi
work=$(mktemp -d)
busy=""
cleanup() { [ -n "$busy" ] && kill "$busy" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
# The load: one pure-Python busy loop, one core.
/usr/bin/python3 -c 'while True: pass' &
busy=$!
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg); busy loop pid $busy" >&2
for run in 1 2 3; do
  for p in "${problems[@]}"; do
    /usr/bin/python3 "$root/tests/complexity/labels_test.py" "$pyjudge" "$root/problems" "$work/run$run" "$p" \
      | grep -v '^FAIL' >> "$work/run$run.txt" || true
  done
  echo "== run $run" && cat "$work/run$run.txt"
  /usr/bin/python3 "$root/tests/complexity/labels_test.py" --summary "$work/run$run" || true
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
# The answer of each solution (problem, quantity, file, comparison, confidence) across the runs.
echo "== answers that changed between runs"
for run in 1 2 3; do sed -E 's/^([^ ]+ [^ ]+ [^ ]+) \(([^)]*)\): ([a-z]+)( \((high|medium)\))?.*/\1 \3\4/' "$work/run$run.txt" | sort > "$work/a$run"; done
paste -d'|' "$work/a1" "$work/a2" "$work/a3" | awk -F'|' '$1 != $2 || $2 != $3 { print; changed++ } END { print (changed + 0) " of " NR " answers changed" }'
