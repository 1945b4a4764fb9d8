#!/usr/bin/env bash
# Configures and builds leeway into build/ (Release). Installs missing packages first.
#   bash ci/build.sh run    only what running leeway needs, and only the leeway binary
#   bash ci/build.sh        everything: the binary, its man pages and completions, the tests, the benchmarks
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-test}"
bash ci/setup.sh "$mode"
if [ "$mode" = run ]; then
  cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF $(bash ci/launcher.sh) >/dev/null
  cmake --build build -j"$(nproc)" --target leeway
else
  cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=ON $(bash ci/launcher.sh) >/dev/null
  cmake --build build -j"$(nproc)"
fi
