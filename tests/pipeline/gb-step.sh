#!/usr/bin/env bash
# One step of the CTest pipeline chain (tests/pipeline/CMakeLists.txt).
#   gb-step.sh [--require PATH "why"]... [--fresh DIR] -- COMMAND [ARGS...]
# A missing required input is a SKIP (exit 77, reason printed), never a pass
# and never a fail.  --fresh removes DIR first (only inside a build tree's
# pipeline/ folder) so a re-run simulates from scratch.
set -uo pipefail
fresh=""
while [ $# -gt 0 ]; do
  case "$1" in
    --require)
      if [ ! -e "$2" ]; then
        echo "SKIP: missing required input $2 ($3)"
        exit 77
      fi
      shift 3 ;;
    --fresh) fresh="$2"; shift 2 ;;
    --) shift; break ;;
    *) echo "gb-step.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
if [ -n "$fresh" ]; then
  case "$fresh" in
    */pipeline/*) rm -rf -- "$fresh" ;;
    *) echo "gb-step.sh: refusing to remove $fresh (not under pipeline/)" >&2; exit 2 ;;
  esac
fi
echo "+ $*"
exec "$@"
