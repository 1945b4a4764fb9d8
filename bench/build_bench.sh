#!/usr/bin/env bash
# The time of a full `leeway build` of a repository (every format, from an
# empty output folder, so nothing comes from the cache), as a user runs it:
# whole processes, best of N, with the PDFs laid out the old way (Pandoc runs
# WeasyPrint once a document: --pdf-via-pandoc) and the new way (leeway's
# engine: one WeasyPrint process a core), in one run on one machine.
#   usage: bash bench/build_bench.sh [LEEWAY] [REPO] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
leeway="${1:-build/leeway}"
repo="${2:-policies}"
runs="${3:-3}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(nproc) cores; $(date -u +%F)"
echo "repository: $repo; best of $runs cold builds each"

best() {  # best wall time of $runs runs of: leeway build ... "$@"
  local best=""
  for _ in $(seq "$runs"); do
    rm -rf "$out/o"
    local t0 t1
    t0=$(date +%s.%N)
    "$leeway" build "$repo" -o "$out/o" --quiet --since none "$@" >/dev/null
    t1=$(date +%s.%N)
    best=$(echo "$t0 $t1 ${best:-999999}" | awk '{d = $2 - $1; print (d < $3 ? d : $3)}')
  done
  printf "%.2f" "$best"
}

printf "%-34s %10s %10s\n" "build" "before" "after"
printf "%-34s %10s %10s\n" "every format (md html pdf docx epub)" "$(best --pdf-via-pandoc)" "$(best)"
printf "%-34s %10s %10s\n" "pdf only" "$(best --formats pdf --pdf-via-pandoc)" "$(best --formats pdf)"
printf "%-34s %10s %10s\n" "html only" "$(best --formats html)" "$(best --formats html)"
echo "before: --pdf-via-pandoc (Pandoc starts WeasyPrint for each PDF); after: the default"
