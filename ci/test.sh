#!/usr/bin/env bash
# The README's second command: build (if needed) and run the CI test set
# (CTest labels unit + smoke).  Extra arguments go to ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x build/cli/glassbench ] || bash ci/build.sh
cd build
ctest -L 'unit|smoke' --output-on-failure --output-junit ctest-junit.xml -j2 "$@"
