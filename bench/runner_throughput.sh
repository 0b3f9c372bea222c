#!/usr/bin/env bash
# MD throughput through `glassbench run` itself (integrator, thermostat,
# barostat, thermo sampling, dumps, checkpoints included), set-up excluded
# by differencing two run lengths:  rate = N (S2 - S1) / (T2 - T1).
# 4000-atom Cu64Zr36, CuZr_mm.eam.fs, 1500 K, Nose-Hoover (the runner's
# integrator), 2 fs steps, thermo every 1 ps, positions every 10 ps.
#
#   bash bench/runner_throughput.sh [BUILD_DIR]
#   env: PLATFORM (CPU), THREADS (2), FORCE (native|custom; native),
#        ENSEMBLE (NVT|NPT|SHEAR; NVT), S1 (steps, 500), S2 (steps, 2500)
# ENSEMBLE=SHEAR times the MD-DMA `shear` stage instead: S1/S2 are cycles
# (default 1 and 2) of PERIOD_PS (default 10 ps = 5000 steps; the box tilts
# every period/1000 = 5 steps, 100x the paper's density of box changes at
# 1 GHz, so this rate is a lower bound for the paper's) with one stress sample
# per 2500 steps (the paper's interval), and the line adds the paper-replica
# projection: 4000 atoms x (5e6 + 5000 decorrelation) steps at that rate.
# Prints one line: label, atom-steps/s, ns/day.  Run LAMMPS in the same
# session (bench/lammps_compare.sh does) for a fair ratio on a shared machine.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:-build}
GB="$BUILD/cli/glassbench"
PLATFORM=${PLATFORM:-CPU} THREADS=${THREADS:-2} FORCE=${FORCE:-native} ENSEMBLE=${ENSEMBLE:-NVT}
PERIOD_PS=${PERIOD_PS:-10}
if [ "$ENSEMBLE" = SHEAR ]; then S1=${S1:-1} S2=${S2:-2}; else S1=${S1:-500} S2=${S2:-2500}; fi
export LD_LIBRARY_PATH="/usr/lib/x86_64-linux-gnu/openmm:${LD_LIBRARY_PATH:-}" POCL_DEBUG=0
TMP=$(mktemp -d -t glassbench-runner-XXXXXX)
trap 'rm -rf "$TMP"' EXIT

write_case() {  # steps -> case file
  local pressure=""
  [ "$ENSEMBLE" = NPT ] && pressure='    pressure: "0 bar"'
  cat > "$TMP/case-$1.yaml" <<CASE
name: runner-throughput-$1
description: runner throughput probe, $1 steps
system:
  composition: {Cu: 64, Zr: 36}
  atoms: 4000
  structure: {kind: random, density: "0.0585 /A^3", min_distance: "2.0 A"}
  seed: 7
potential: {file: CuZr_mm.eam.fs, elements: [Cu, Zr]}
platform: {preference: [$PLATFORM], threads: $THREADS, force: $FORCE}
timestep: "2 fs"
thermostat: {kind: nose-hoover, time_constant: "0.2 ps"}
barostat: {interval: 25}
output: {thermo: "1 ps", positions: "10 ps"}
checkpoint: {every: "50000 steps", wall_time: "30 min"}
protocol:
CASE
  if [ "$ENSEMBLE" = SHEAR ]; then
    cat >> "$TMP/case-$1.yaml" <<CASE
  - kind: equilibrate
    name: liquid
    temperature: "1500 K"
    ensemble: NVT
    duration: "0.2 ps"
  - kind: shear
    start_from: liquid
    ensemble: NVT
    temperatures: ["1500 K"]
    period: "$PERIOD_PS ps"
    strain_amplitude: 0.01
    cycles: $1
    replicas: 1
    decorrelation: "0.01 ps"
    samples_per_cycle: $(awk -v p="$PERIOD_PS" 'BEGIN{n=int(p/0.002/2500); print (n<1?1:n)}')
CASE
  else
    cat >> "$TMP/case-$1.yaml" <<CASE
  - kind: equilibrate
    name: liquid
    temperature: "1500 K"
    ensemble: $ENSEMBLE
$pressure
    duration: "$(awk -v s="$1" 'BEGIN{print s*0.002}') ps"
CASE
  fi
}

elapsed() {  # steps -> seconds of `glassbench run`
  write_case "$1"
  local t0 t1
  t0=$(date +%s.%N)
  "$GB" run "$TMP/case-$1.yaml" --out "$TMP/run-$1" --quiet >/dev/null
  t1=$(date +%s.%N)
  awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.3f", b - a}'
}
T1=$(elapsed "$S1")
T2=$(elapsed "$S2")
if [ "$ENSEMBLE" = SHEAR ]; then
  awk -v n=4000 -v c1="$S1" -v c2="$S2" -v per="$PERIOD_PS" -v t1="$T1" -v t2="$T2" -v l="glassbench run $PLATFORM/$THREADS threads/$FORCE/SHEAR" \
    'BEGIN{st = per/0.002; r = n*(c2-c1)*st/(t2-t1); h = n*(5e6+5000)/r/3600;
           printf "%-44s %14.4g   %.3g h per paper MD-DMA replica, %.3g replicas/hour  (%s s for %d cycles, %s s for %d)\n", l, r, h, 1/h, t1, c1, t2, c2}'
else
  awk -v n=4000 -v s1="$S1" -v s2="$S2" -v t1="$T1" -v t2="$T2" -v l="glassbench run $PLATFORM/$THREADS threads/$FORCE/$ENSEMBLE" \
    'BEGIN{r = n*(s2-s1)/(t2-t1); printf "%-44s %14.4g   %.3g ns/day  (%s s for %d steps, %s s for %d)\n", l, r, r/n*0.002*86400/1000, t1, s1, t2, s2}'
fi
