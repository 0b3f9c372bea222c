#!/usr/bin/env bash
# CI step (issue 13): build with clang + AddressSanitizer + UndefinedBehavior-
# Sanitizer into ./build-asan and run
#   - the unit tests (any sanitizer report aborts the test), and
#   - a short libFuzzer pass over every parser (`fuzz` label,
#     GB_FUZZ_SECONDS per target, default 20 here; 60 in a plain
#     `ctest -L fuzz`; run longer by hand with -DGB_FUZZ_SECONDS=600).
# Benchmarks are not built.  Extra arguments go to ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${GB_FUZZ_SECONDS:=20}"
CC=clang CXX=clang++ cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DGB_FUZZ=ON -DGLASSBENCH_BUILD_BENCHMARKS=OFF -DGB_FUZZ_SECONDS="$GB_FUZZ_SECONDS" \
  ${CMAKE_CXX_COMPILER_LAUNCHER:+-DCMAKE_CXX_COMPILER_LAUNCHER=$CMAKE_CXX_COMPILER_LAUNCHER} \
  ${CMAKE_CXX_COMPILER_LAUNCHER:+-DCMAKE_C_COMPILER_LAUNCHER=$CMAKE_CXX_COMPILER_LAUNCHER} >/dev/null
cmake --build build-asan -j"$(nproc)"
cd build-asan
# Leaks are reported too; ci/lsan.supp lists third-party ones we cannot fix (with reasons).
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:strict_string_checks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
export LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$PWD/../ci/lsan.supp:print_suppressions=0}"
ctest -L 'unit|fuzz' --output-on-failure --output-junit ctest-asan-junit.xml -j2 "$@"
