#!/usr/bin/env bash
# Prints the CMake option that puts ccache in front of the compiler, when it is
# installed (ci/setup.sh installs it): the Release and sanitizer builds of
# ci/test.sh then reuse what an earlier run compiled.
if command -v ccache >/dev/null 2>&1; then echo "-DCMAKE_CXX_COMPILER_LAUNCHER=ccache"; fi
