#!/usr/bin/env bash
# Case review's speed and memory, as a user runs it: `leeway review REPO LOG
# --format jsonl > /dev/null`, whole processes, best of N, for logs of 100
# thousand, 1 million and 10 million cases (made by bench/gen_cases from the
# bundled repository: 100,000 generated cases, repeated), with the peak memory.
#   usage: bash bench/review_bench.sh [BUILD_DIR] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:-build}"
runs="${2:-3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(nproc) cores; $(date -u +%F)"
"$build/bench/gen_cases" policies -n 100000 --seed 3 >"$work/100k.csv"
{ cat "$work/100k.csv"; for _ in $(seq 9); do tail -n +2 "$work/100k.csv"; done; } >"$work/1m.csv"
{ cat "$work/1m.csv"; for _ in $(seq 9); do tail -n +2 "$work/1m.csv"; done; } >"$work/10m.csv"

printf "%-12s %12s %10s %16s %14s\n" "cases" "log (MB)" "best (s)" "cases a second" "peak memory"
for size in 100k 1m 10m; do
  best=""
  rss=0
  for _ in $(seq "$runs"); do
    /usr/bin/time -o "$work/time" -f "%e %M" "$build/leeway" review policies "$work/$size.csv" --format jsonl >/dev/null 2>/dev/null || true
    out=$(tail -1 "$work/time")
    t=${out% *}
    m=${out#* }
    best=$(echo "$t ${best:-999999}" | awk '{print ($1 < $2 ? $1 : $2)}')
    [ "$m" -gt "$rss" ] && rss=$m
  done
  n=$(( $(wc -l <"$work/$size.csv") - 1 ))
  mb=$(( $(stat -c %s "$work/$size.csv") / 1000000 ))
  printf "%-12s %12s %10s %16s %11s MB\n" "$n" "$mb" "$best" "$(echo "$n $best" | awk '{printf "%.0f", $1 / $2}')" "$(( rss / 1024 ))"
done
echo "goal: 1,000,000 cases a second as JSON Lines, peak memory flat from 100 thousand to 10 million cases"
