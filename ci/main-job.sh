#!/usr/bin/env bash
# The main job on the default case (Cu64Zr36, CuZr_mm.eam.fs):
#  1. evaluate the shipped 2000-atom configuration (cases/cuzr/cu64zr36-2000.data,
#     1500 K liquid) with the EAM force on OpenMM (Reference platform,
#     LAMMPS-exact tables) and with the plain C++ evaluator: energy (eV), virial
#     pressure tensor (bar), forces (eV/A) as LAMMPS-style dumps under build/main-job;
#  2. run cases/cuzr/cu64zr36-liquid-quick.yaml end to end (500-atom liquid,
#     NPT isotherms 2000-1450 K: minutes on 2 cores with the native force):
#     simulate -> analyse -> validate -> report, ending in physics verdicts
#     (achieved T and P, the liquid's thermal expansion and density(T), the
#     small species diffusing faster; E_A as information).  Output: runs/cu64zr36-liquid-quick/ (report.html).
#     CASE=... RUN_OUT=... run another case (e.g. cases/smoke/cuzr-smoke.yaml,
#     every stage kind, which CI runs).
set -euo pipefail
cd "$(dirname "$0")/.."
GB=${GB:-./build/cli/glassbench}
EVAL_OUT=${EVAL_OUT:-build/main-job}
CASE=${CASE:-cases/cuzr/cu64zr36-liquid-quick.yaml}
RUN_OUT=${RUN_OUT:-runs/cu64zr36-liquid-quick}
mkdir -p "$EVAL_OUT"
echo "== glassbench eval --engine openmm --platform Reference"
$GB eval --potential CuZr_mm.eam.fs --elements Cu Zr --data cases/cuzr/cu64zr36-2000.data --engine openmm \
  --platform Reference --forces "$EVAL_OUT/forces-openmm.dump"
echo "== glassbench eval --engine cpu"
$GB eval --potential CuZr_mm.eam.fs --elements Cu Zr --data cases/cuzr/cu64zr36-2000.data --engine cpu \
  --forces "$EVAL_OUT/forces-cpu.dump"

echo "== glassbench run $CASE --out $RUN_OUT"
if [ -f "$RUN_OUT/provenance.yaml" ] && grep -q "^status: completed" "$RUN_OUT/provenance.yaml"; then
  echo "main-job: $RUN_OUT already complete (delete it to rerun)"
elif [ -d "$RUN_OUT/checkpoints" ]; then
  $GB run "$CASE" --out "$RUN_OUT" --resume
else
  $GB run "$CASE" --out "$RUN_OUT"
fi
echo "== glassbench analyze run $RUN_OUT"
$GB analyze run "$RUN_OUT"
echo "== glassbench validate $RUN_OUT"
# validate exits 1 when a check fails; the report shows it either way.
$GB validate "$RUN_OUT" --json "$RUN_OUT/validation.json" --junit "$RUN_OUT/validation.xml" \
  || echo "main-job: some checks did not pass (see the report)"
echo "== glassbench report $RUN_OUT"
$GB report "$RUN_OUT" -o "$RUN_OUT/report.html"
echo "main-job: report written to $RUN_OUT/report.html"
