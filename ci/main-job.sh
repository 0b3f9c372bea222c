#!/usr/bin/env bash
# The main job on the default case (Cu64Zr36, CuZr_mm.eam.fs):
#  1. evaluate the shipped 2000-atom configuration with the EAM force on
#     OpenMM and with the plain C++ evaluator (energies, pressure tensor);
#  2. run the smoke case end to end: simulate -> analyse -> validate -> report.
# Output goes to runs/cuzr-smoke/ (report: runs/cuzr-smoke/report.html).
set -euo pipefail
cd "$(dirname "$0")/.."
GB=./build/cli/glassbench
OUT=${GLASSBENCH_MAIN_OUT:-runs/cuzr-smoke}
$GB eval --potential CuZr_mm.eam.fs --elements Cu Zr --data cases/cuzr/cu64zr36-2000.data --engine openmm --platform Reference
$GB eval --potential CuZr_mm.eam.fs --elements Cu Zr --data cases/cuzr/cu64zr36-2000.data --engine cpu
if [ -f "$OUT/provenance.yaml" ] && grep -q "^status: completed" "$OUT/provenance.yaml"; then
  echo "main-job: $OUT already complete (delete it to rerun)"
elif [ -d "$OUT/checkpoints" ]; then
  $GB run cases/smoke/cuzr-smoke.yaml --out "$OUT" --resume
else
  $GB run cases/smoke/cuzr-smoke.yaml --out "$OUT"
fi
$GB analyze run "$OUT"
# validate exits 1 when a check fails; the report shows it either way.
$GB validate "$OUT" --json "$OUT/validation.json" --junit "$OUT/validation.xml" || echo "main-job: some checks failed (see the report)"
$GB report "$OUT" -o "$OUT/report.html"
echo "main-job: report written to $OUT/report.html"
