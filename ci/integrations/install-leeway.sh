#!/usr/bin/env bash
# Installs leeway from its Debian package, for CI jobs of policy
# repositories: the package in CACHE_DIR if an earlier job left one there
# (GitHub's actions/cache, GitLab's cache:), else built once from this
# checkout (only what running leeway needs, no tests) and left in CACHE_DIR
# for the next job. Needs root (or sudo) for apt.
#   usage: install-leeway.sh CACHE_DIR
set -euo pipefail
src="$(cd "$(dirname "$0")/../.." && pwd)"
cache="$(mkdir -p "${1:?usage: install-leeway.sh CACHE_DIR}" && cd "$1" && pwd)"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
deb=$(ls "$cache"/leeway_*.deb 2>/dev/null | head -n 1 || true)
if [ -z "$deb" ]; then
  echo "install-leeway: no package in $cache; building one from $src"
  bash "$src/ci/setup.sh" run
  command -v help2man >/dev/null || $SUDO apt-get install -y -qq --no-install-recommends help2man file >/dev/null
  cmake -S "$src" -B "$src/build" -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF $(bash "$src/ci/launcher.sh") >/dev/null
  cmake --build "$src/build" -j"$(nproc)" --target leeway man completions
  cpack --config "$src/build/CPackConfig.cmake" -B "$cache" >/dev/null
  rm -rf "$cache/_CPack_Packages"
  deb=$(ls "$cache"/leeway_*.deb | head -n 1)
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "$deb" >/dev/null
echo "install-leeway: $(leeway --version) from $(basename "$deb")"
