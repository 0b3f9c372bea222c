#!/usr/bin/env bash
# Throughput of glassbench's EAM engines against LAMMPS on the same system,
# in the same run: 4000-atom Cu64Zr36 liquid (cases/cuzr/cu64zr36-2000.data
# doubled along x, as bench_eam_force builds it), CuZr_mm.eam.fs, NVE,
# 2 fs steps.  Prints atom-steps/s per engine and the ratio to LAMMPS serial.
# Rows: the native EamForce (CPU 2 threads, CPU1 = 1 thread, OpenCL), the
# CustomGBForce ("hermite"), the CPU evaluator (forces only); with RUNNER=1
# also `glassbench run` itself (bench/runner_throughput.sh).
#
#   bash bench/lammps_compare.sh [BUILD_DIR]      (default: build)
#   env: STEPS (LAMMPS steps, default 2000), LMP (default lmp), NP (default 2),
#        RUNNER=1 (add the `glassbench run` rows), RUNNER_FORCES (default "native custom")
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
BUILD=${1:-build}
LMP=${LMP:-lmp}
NP=${NP:-2}
STEPS=${STEPS:-2000}
BENCH="$BUILD/bench/bench_eam_force"
[ -x "$BENCH" ] || cmake --build "$BUILD" --target bench_eam_force >/dev/null
export LD_LIBRARY_PATH="/usr/lib/x86_64-linux-gnu/openmm:${LD_LIBRARY_PATH:-}" POCL_DEBUG=0 OMP_NUM_THREADS=1
export GLASSBENCH_SOURCE_DIR="$ROOT"
TMP=$(mktemp -d -t glassbench-bench-XXXXXX)
trap 'rm -rf "$TMP"' EXIT

cat > "$TMP/in.nve" <<LMPIN
units metal
atom_style atomic
boundary p p p
read_data $ROOT/cases/cuzr/cu64zr36-2000.data
replicate 2 1 1
pair_style eam/fs
pair_coeff * * /usr/share/lammps/potentials/CuZr_mm.eam.fs Cu Zr
timestep 0.002
fix 1 all nve
thermo 1000
run 100
run $STEPS
LMPIN

# "Loop time of T on P procs for S steps with N atoms" of the last run -> N*S/T.
rate() { awk '/^Loop time of/ {t=$4; s=$9; n=$12} END {printf "%.4g", n*s/t}' "$1"; }

(cd "$TMP" && "$LMP" -in in.nve -log serial.log -echo none -screen none)
LMP1=$(rate "$TMP/serial.log")
(cd "$TMP" && mpirun --allow-run-as-root --oversubscribe -np "$NP" "$LMP" -in in.nve -log mpi.log -echo none \
   -screen none >/dev/null 2>&1) || echo "mpirun -np $NP failed" >&2
LMPN=$( [ -f "$TMP/mpi.log" ] && rate "$TMP/mpi.log" || echo nan)

"$BENCH" --benchmark_filter='BM_MdSteps/(CPU|CPU1|OpenCL|CUDA)/native|BM_MdSteps/(CPU|OpenCL)/hermite|BM_CpuEvaluator' \
  --benchmark_format=csv 2>/dev/null > "$TMP/ours.csv" || true

printf '%-44s %14s %12s\n' "engine (4000 atoms, CuZr_mm.eam.fs)" "atom-steps/s" "vs LAMMPS"
printf '%-44s %14s %12s\n' "LAMMPS ($($LMP -h | awk -F' - ' '/^Large-scale/{print $2; exit}')) serial" "$LMP1" "1.00"
printf '%-44s %14s %12s\n' "LAMMPS mpirun -np $NP" "$LMPN" "$(awk -v a="$LMPN" -v b="$LMP1" 'BEGIN{printf "%.2f", a/b}')"
awk -F, -v ref="$LMP1" '
  NR == 1 { for (i = 1; i <= NF; ++i) { h = $i; gsub(/"/, "", h); col[h] = i }; next }
  /^"/ {
    name = $1; gsub(/"/, "", name)
    err = (col["error_occurred"] ? $col["error_occurred"] : "")
    sub(/\/min_time.*|\/real_time.*/, "", name)
    if (err == "true") { printf "%-44s %14s %12s\n", "glassbench " name, "n/a", "(not available)"; next }
    v = $col["atom_steps_per_s"]
    kind = (name ~ /CpuEvaluator/) ? " (force evals)" : ""
    printf "%-44s %14.4g %12.3f\n", "glassbench " name kind, v, v / ref
  }' "$TMP/ours.csv"
if [ "${RUNNER:-0}" = 1 ]; then
  # The runner rows are Nose-Hoover NVT with thermo every 1 ps; their LAMMPS
  # reference is the same ensemble (fix nvt, Tdamp 0.2 ps, thermo every 500
  # steps) on the same 4000 atoms, serial and mpirun -np $NP, in this run.
  sed -e 's/^fix 1 all nve/velocity all create 1500 7 dist gaussian\nfix 1 all nvt temp 1500 1500 0.2/' \
      -e 's/^thermo 1000/thermo 500/' "$TMP/in.nve" > "$TMP/in.nvt"
  (cd "$TMP" && "$LMP" -in in.nvt -log nvt1.log -echo none -screen none)
  (cd "$TMP" && mpirun --allow-run-as-root --oversubscribe -np "$NP" "$LMP" -in in.nvt -log nvtn.log -echo none \
     -screen none >/dev/null 2>&1) || echo "mpirun -np $NP (NVT) failed" >&2
  NVT1=$(rate "$TMP/nvt1.log")
  NVTN=$( [ -f "$TMP/nvtn.log" ] && rate "$TMP/nvtn.log" || echo nan)
  printf '%-44s %14s %12s\n' "LAMMPS serial, fix nvt" "$NVT1" "$(awk -v a="$NVT1" -v b="$LMP1" 'BEGIN{printf "%.2f", a/b}')"
  printf '%-44s %14s %12s\n' "LAMMPS mpirun -np $NP, fix nvt" "$NVTN" "$(awk -v a="$NVTN" -v b="$LMP1" 'BEGIN{printf "%.2f", a/b}')"
  for f in ${RUNNER_FORCES:-native custom}; do FORCE=$f bash bench/runner_throughput.sh "$BUILD" || true; done
  THREADS=1 FORCE=native bash bench/runner_throughput.sh "$BUILD" || true
fi
echo "(machine: $(nproc --all) cores, $(awk -F: '/model name/{print $2; exit}' /proc/cpuinfo | sed 's/^ *//'); OpenMM CPU platform 2 threads)"
