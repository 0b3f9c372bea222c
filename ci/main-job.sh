#!/usr/bin/env bash
# The main job on the default case: evaluate the shipped Cu64Zr36
# configuration with the EAM force on OpenMM and with the CPU evaluator.
set -euo pipefail
cd "$(dirname "$0")/.."
GB=./build/cli/glassbench
$GB eval --potential CuZr_mm.eam.fs --elements Cu Zr --data cases/cuzr/cu64zr36-2000.data --engine openmm --platform Reference
$GB eval --potential CuZr_mm.eam.fs --elements Cu Zr --data cases/cuzr/cu64zr36-2000.data --engine cpu
