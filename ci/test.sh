#!/usr/bin/env bash
# Quick start, command 2: install what is missing, build, and run every test:
# the suite as built (Release), the suite again under AddressSanitizer and
# UndefinedBehaviorSanitizer, and the parallel parts under ThreadSanitizer.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs="$(nproc)"
bash ci/setup.sh test
echo "== format"
bash ci/format.sh
bash ci/build.sh

echo "== sanitizers: address,undefined (the whole suite)"
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLEEWAY_SANITIZE=address,undefined $(bash ci/launcher.sh) >/dev/null
# Only what the tests run: the binary and the two test programs (not the benchmarks).
cmake --build build-asan -j"$jobs" --target leeway unit_tests e2e_tests >/dev/null
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan --output-on-failure -j"$jobs"

echo "== sanitizers: thread (parallel loading, analysis and document rendering)"
cmake -S . -B build-tsan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLEEWAY_SANITIZE=thread $(bash ci/launcher.sh) >/dev/null
cmake --build build-tsan -j"$jobs" --target leeway unit_tests e2e_tests >/dev/null
# ThreadSanitizer needs address-space randomisation off on recent kernels.
TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1 setarch "$(uname -m)" -R \
  ctest --test-dir build-tsan --output-on-failure -j"$jobs" -R "parallel|threads|every format|same bytes|bundled|big policy|many"

echo "== the suite as built (Release)"
ctest --test-dir build --output-on-failure -j"$jobs"

echo "== the published documents: the same bytes twice, EPUBCheck, qpdf, axe-core, the explorer and practice in Chromium"
pages="$(mktemp -d)"
trap 'rm -rf "$pages"' EXIT
./build/leeway build policies -o "$pages/a" --quiet >/dev/null
./build/leeway build policies -o "$pages/b" --quiet >/dev/null
diff -r "$pages/a" "$pages/b" >/dev/null || { echo "two builds of the same input differ:"; diff -rq "$pages/a" "$pages/b"; exit 1; }
rc=0
./build/leeway review policies docs/examples/northwind-cases.csv -o "$pages/review" --formats md,html,pdf,docx,epub >/dev/null 2>&1 || rc=$?
[ "$rc" -le 1 ] || { echo "leeway review failed ($rc)"; exit 1; }
# Hostile text (scripts, links, long words) in every format a validator reads.
./build/leeway build tests/fixtures/hostile -o "$pages/hostile" --formats html,pdf,epub --quiet --since none >/dev/null
for f in "$pages"/a/*.epub "$pages"/review/*.epub "$pages"/hostile/*.epub; do
  java -jar /usr/share/java/epubcheck.jar -q "$f" || { echo "EPUBCheck: $f"; exit 1; }
done
for f in "$pages"/a/*.pdf "$pages"/review/*.pdf "$pages"/hostile/*.pdf; do
  qpdf --check "$f" >/dev/null || { echo "qpdf --check: $f"; exit 1; }
done
echo "documents: two builds identical ($(ls "$pages/a" | wc -l) files); EPUBCheck and qpdf --check pass"
node tests/browser/axe_test.mjs "$pages"/a/*.html "$pages"/review/*.html "$pages"/hostile/*.html
node tests/browser/explorer_test.mjs "$PWD/build/leeway" "$PWD/policies" "$pages/a/explorer.html" 240
node tests/browser/practice_test.mjs "$pages"/a/handbook-*.html
