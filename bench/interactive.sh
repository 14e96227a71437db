#!/usr/bin/env bash
# Per-test overhead of an interactive problem against a stdio one: two packages with the same
# N tests (echo a number), one judged by the default validator from a fixed input, the other by
# a Python interactor over pipes (the solution's child gets the pipes, the interactor runs
# beside it). `pyjudge run --json` on each, alternately, RUNS times in one run; per test: the
# whole run's time over N, and the mean test wall time the judge reports. Not a test.
#   bench/interactive.sh [PYJUDGE] [RUNS] [TESTS]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
pyjudge=${1:-$here/build/pyjudge}
runs=${2:-5}
tests=${3:-20}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
make_package() {  # $1: folder, $2: extra problem.yaml line
  mkdir -p "$1/data/secret" "$1/data/sample"
  printf 'problem_format_version: 2023-07\nname: Echo\n%s\nlimits: {time_limit: 2}\n' "$2" > "$1/problem.yaml"
  for i in $(seq "$tests"); do printf '%d\n' "$i" > "$1/data/secret/$i.in"; cp "$1/data/secret/$i.in" "$1/data/secret/$i.ans"; done
}
make_package "$work/stdio" ""
make_package "$work/interactive" "type: interactive"
mkdir -p "$work/interactive/output_validator"
cat > "$work/interactive/output_validator/echo.py" <<'PY'
import sys
n = open(sys.argv[1]).read().strip()
print(n, flush=True)
sys.exit(42 if sys.stdin.readline().strip() == n else 43)
PY
printf 'print(input(), flush=True)\n' > "$work/echo.py"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
per_test() {  # prints: run ms per test, mean test wall ms
  local s e out
  s=$(date +%s%N)
  out=$("$pyjudge" run "$1" "$work/echo.py" --json --no-cache)
  e=$(date +%s%N)
  echo "$out" | python3 -c "
import json, sys
j = json.load(sys.stdin)
assert j['verdict'] == 'AC', j['verdict']
walls = [t['wall_ms'] for t in j['tests']]
print('%.1f %.1f' % (($e - $s) / 1e6 / len(walls), sum(walls) / len(walls)))"
}
printf '| run | stdio: ms per test (run / %d) | stdio: test wall ms | interactive: ms per test | interactive: test wall ms |\n|---|---|---|---|---|\n' "$tests"
for i in $(seq "$runs"); do
  read -r s_run s_wall <<<"$(per_test "$work/stdio")"
  read -r i_run i_wall <<<"$(per_test "$work/interactive")"
  printf '| %d | %s | %s | %s | %s |\n' "$i" "$s_run" "$s_wall" "$i_run" "$i_wall"
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
