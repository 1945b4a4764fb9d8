#!/usr/bin/env bash
# Quick start, command 1: install what running leeway needs, build the leeway
# binary, and run the main job on the bundled repository policies/. Results
# land in out/ (or $1).
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-out}"
SECONDS=0
bash ci/setup.sh run
installed=$SECONDS
bash ci/build.sh run
built=$SECONDS
mkdir -p "$out"
status=0
./build/leeway check policies --format json >"$out/check.json" || status=$?
./build/leeway check policies || true
./build/leeway graph policies --format dot >"$out/graph.dot"
./build/leeway graph policies --format json >"$out/graph.json"
if command -v dot >/dev/null; then dot -Tsvg "$out/graph.dot" -o "$out/graph.svg"; fi
# The documents: a handbook per role and the manager grids, in out/documents/.
./build/leeway build policies -o "$out/documents" >/dev/null || status=$?
# Case review: the sample case log held against the policies (exit 1: it has malformed rows on purpose).
rc=0
./build/leeway review policies docs/examples/northwind-cases.csv -o "$out/review" --stories "$out/review/draft-stories" \
  >"$out/review.txt" 2>/dev/null || rc=$?
[ "$rc" -le 1 ] || status=$rc
echo
echo "leeway: results of policies/ are in $out/:"
ls -1 "$out" | sed 's/^/  /'
echo "  review/: the case review of docs/examples/northwind-cases.csv (review.{md,html,pdf}, index.html, draft-stories/); review.txt: its summary"
echo "  documents/: $(ls -1 "$out/documents" | wc -l) files: handbook-<role>.*, card-<role>.*, grid-*.* (md, html, pdf, docx, epub), grid-map-*.svg, explorer.html; index.html links them all"
echo
echo "leeway: packages in ${installed} s, built in $((built - installed)) s, main job in $((SECONDS - built)) s (${SECONDS} s in all); the binary is build/leeway"
echo "  put it on your PATH: export PATH=\"$PWD/build:\$PATH\"   or install it: cmake --install build (see README)"
exit "$status"
