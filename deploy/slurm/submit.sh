#!/usr/bin/env bash
# Queues a sharded pyjudge batch on Slurm: an array of N shard tasks, then one merge job that
# runs only if every shard succeeded (afterok), writing results.jsonl, report.html, junit.xml.
#
#   deploy/slurm/submit.sh N SUBMISSIONS PROBLEMS RESULTS
set -euo pipefail
if [ $# -ne 4 ]; then echo "usage: $0 N SUBMISSIONS PROBLEMS RESULTS" >&2; exit 2; fi
n=$1 submissions=$2 problems=$3 results=$4
case "$n" in '' | *[!0-9]* | 0) echo "$0: N must be a positive integer" >&2; exit 2 ;; esac
here="$(cd "$(dirname "$0")" && pwd)"
export SHARDS="$n" SUBMISSIONS="$submissions" PROBLEMS="$problems" RESULTS="$results"
array=$(sbatch --parsable --array="0-$((n - 1))" --export=ALL "$here/batch-array.sbatch")
echo "shards: job $array (array 0-$((n - 1)))"
shard_files=()
for ((i = 0; i < n; i++)); do shard_files+=("$results/results-$i.jsonl"); done
# merge names a missing shard (a gap) or a submission judged twice (an overlap) and exits 1.
merge=$(sbatch --parsable --dependency="afterok:$array" --job-name=pyjudge-merge --export=ALL \
  --wrap="${PYJUDGE:-pyjudge} merge ${shard_files[*]} --submissions $submissions --out $results/results.jsonl --html $results/report.html --junit $results/junit.xml")
echo "merge: job $merge (after every shard succeeded)"
