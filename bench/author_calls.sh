#!/usr/bin/env bash
# Checker call cost: in the judge's interpreter (before) against the budgeted author worker (now),
# for small and larger values, in one run. Usage: bench/author_calls.sh [BUILD_DIR]
set -euo pipefail
BUILD=${1:-build}
cmake --build "$BUILD" --target author_call_bench pyjudge-author >/dev/null
for items in 10 10000; do
  PYJUDGE_AUTHOR_BINARY="$BUILD/pyjudge-author" "$BUILD/bench/author_call_bench" 2000 "$items"
done
