#!/usr/bin/env bash
# Fuzzes leeway with libFuzzer under AddressSanitizer and UBSan: the manifest,
# policy files, story front matter and condition strings, each for a fixed
# time (default 60 s; `bash ci/fuzz.sh 300` for five minutes each).
# Seeds come from tests/fuzz/corpus (never written to); new inputs go to
# build-fuzz/corpus, crashers to build-fuzz/artifacts. Keep every crasher as
# a regression test: copy it into tests/fuzz/regressions/<target>/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
bash ci/setup.sh
need=()
for p in clang libclang-rt-14-dev; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
CC=clang CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLEEWAY_FUZZ=ON \
  -DLEEWAY_SANITIZE=address,undefined -DBUILD_TESTING=OFF >/dev/null
cmake --build build-fuzz -j"$(nproc)" --target fuzz_manifest fuzz_policy fuzz_story fuzz_condition fuzz_cases
mkdir -p build-fuzz/artifacts
status=0
for t in manifest policy story condition cases; do
  mkdir -p "build-fuzz/corpus/$t"
  echo "fuzz: $t for ${seconds}s"
  ./build-fuzz/fuzz_$t "build-fuzz/corpus/$t" "tests/fuzz/corpus/$t" -max_total_time="$seconds" -max_len=8192 -timeout=10 \
    -rss_limit_mb=2048 -artifact_prefix="build-fuzz/artifacts/$t-" -print_final_stats=1 2>"build-fuzz/$t.log" || status=1
  grep -E "^stat::number_of_executed_units|^stat::peak_rss_mb" "build-fuzz/$t.log" | sed "s/^/  /"
  grep -E "ERROR: |SUMMARY: " "build-fuzz/$t.log" | head -3 | sed "s/^/  /" || true
done
ls build-fuzz/artifacts
exit $status
