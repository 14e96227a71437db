#!/usr/bin/env bash
# Runs a pyjudge batch as N shards with GNU parallel, on this machine or on the machines of an
# --sshloginfile, then merges them.
#
#   deploy/gnu-parallel/run-shards.sh N SUBMISSIONS PROBLEMS RESULTS [SSHLOGINFILE]
#
# Without SSHLOGINFILE the shards run here (`-S :`), one per free core. With one, every listed
# machine needs pyjudge at the same path ($PYJUDGE, default `pyjudge` on PATH) and SUBMISSIONS,
# PROBLEMS and RESULTS on a shared file system at the same paths. A shard that fails is retried
# (--retries 2) and resumes from its own results file. Exits with merge's code: 0, or 1 when a
# shard is missing or a submission was judged twice.
set -euo pipefail
if [ $# -lt 4 ] || [ $# -gt 5 ]; then
  echo "usage: $0 N SUBMISSIONS PROBLEMS RESULTS [SSHLOGINFILE]" >&2
  exit 2
fi
n=$1 submissions=$2 problems=$3 results=$4
case "$n" in '' | *[!0-9]* | 0) echo "$0: N must be a positive integer" >&2; exit 2 ;; esac
pyjudge="${PYJUDGE:-pyjudge}"
hosts=(-S :)
[ $# -eq 5 ] && hosts=(--sshloginfile "$5")
mkdir -p "$results"
# Each shard gets -j 1: parallel already runs one shard per core (--jobs 100% per host).
seq 0 $((n - 1)) | parallel --will-cite "${hosts[@]}" --jobs 100% --retries 2 --halt now,fail=1 \
  "$pyjudge" batch "$submissions" --problems "$problems" --shard "{}/$n" -j 1 \
  --out "$results/results-{}.jsonl" '>' "$results/shard-{}.log" '2>&1'
shard_files=()
for ((i = 0; i < n; i++)); do shard_files+=("$results/results-$i.jsonl"); done
exec "$pyjudge" merge "${shard_files[@]}" --submissions "$submissions" --out "$results/results.jsonl" \
  --html "$results/report.html" --junit "$results/junit.xml"
