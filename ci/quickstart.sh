#!/usr/bin/env bash
# The README's first command: install dependencies, build, run the main job
# on the default case.
set -euo pipefail
cd "$(dirname "$0")/.."
bash ci/install-deps.sh
bash ci/build.sh
bash ci/main-job.sh
