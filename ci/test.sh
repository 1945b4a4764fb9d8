#!/usr/bin/env bash
# Quick start, command 2: install what is missing, build, and run every test:
# the suite as built (Release), the suite again under AddressSanitizer and
# UndefinedBehaviorSanitizer, and the parallel parts under ThreadSanitizer.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs="$(nproc)"
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

echo "== in headless Chromium: the explorer against leeway query, and practice in the handbooks"
pages="$(mktemp -d)"
trap 'rm -rf "$pages"' EXIT
./build/leeway build policies -o "$pages" --formats html --quiet >/dev/null
node tests/browser/explorer_test.mjs "$PWD/build/leeway" "$PWD/policies" "$pages/explorer.html" 240
node tests/browser/practice_test.mjs "$pages"/handbook-*.html
