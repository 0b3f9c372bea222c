#!/usr/bin/env bash
# The main job on the default case: evaluate the shipped Cu64Zr36
# configuration (cases/cuzr/cu64zr36-2000.data, 2000 atoms, 1500 K liquid)
# with the EAM force on OpenMM (Reference platform, LAMMPS-exact tables) and
# with the plain C++ evaluator; both print energy (eV), virial pressure
# tensor (bar) and write forces (eV/A) as LAMMPS-style dumps under build/.
set -euo pipefail
cd "$(dirname "$0")/.."
GB=${GB:-./build/cli/glassbench}
OUT=${OUT:-build/main-job}
mkdir -p "$OUT"
echo "== glassbench eval --engine openmm --platform Reference"
$GB eval --potential CuZr_mm.eam.fs --elements Cu Zr --data cases/cuzr/cu64zr36-2000.data --engine openmm \
  --platform Reference --forces "$OUT/forces-openmm.dump"
echo "== glassbench eval --engine cpu"
$GB eval --potential CuZr_mm.eam.fs --elements Cu Zr --data cases/cuzr/cu64zr36-2000.data --engine cpu \
  --forces "$OUT/forces-cpu.dump"
