#!/usr/bin/env bash
# Configures and builds leeway into build/ (Release). Installs missing packages first.
set -euo pipefail
cd "$(dirname "$0")/.."
bash ci/setup.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release $(bash ci/launcher.sh) >/dev/null
cmake --build build -j"$(nproc)"
