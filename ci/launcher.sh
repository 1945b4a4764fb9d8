#!/usr/bin/env bash
# Prints the CMake option that puts ccache in front of the compiler, when it is
# installed (ci/setup.sh installs it), so that a second run of ci/test.sh
# reuses what the first compiled. Paths are hashed relative to the checkout
# (CCACHE_BASEDIR, CCACHE_NOHASHDIR), so a fresh clone elsewhere hits the cache
# too; the sloppiness lets it cache files built with precompiled headers.
root="$(cd "$(dirname "$0")/.." && pwd)"
if command -v ccache >/dev/null 2>&1; then
  echo "-DCMAKE_CXX_COMPILER_LAUNCHER=env;CCACHE_BASEDIR=$root;CCACHE_NOHASHDIR=true;CCACHE_SLOPPINESS=pch_defines,time_macros,include_file_mtime,include_file_ctime;ccache"
fi
