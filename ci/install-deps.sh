#!/usr/bin/env bash
# Install everything glassbench needs on a fresh Debian 12 machine (Debian
# packages only).  Idempotent; run as root (or with sudo available).
set -euo pipefail
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
PKGS=(
  build-essential cmake ninja-build git pkg-config
  libopenmm-dev libopenmm-plugins            # OpenMM 7.7: Reference, CPU, OpenCL
  pocl-opencl-icd ocl-icd-opencl-dev         # OpenCL on the CPU
  libyaml-cpp-dev libarmadillo-dev libcli11-dev libfmt-dev libspdlog-dev
  nlohmann-json3-dev zlib1g-dev voro++-dev
  libssl-dev                                 # SHA-256 (libcrypto) for provenance
  libgsl-dev                                 # Student-t quantiles (GSL)
  libgtest-dev libgmock-dev libbenchmark-dev
  lammps lammps-data openmpi-bin             # the independent oracle (lmp) + potentials
  gnuplot-nox                                # report figures
  chromium                                   # headless check that reports render
  libpng-dev                                 # report test decodes the Chromium screenshot
)
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "ci/install-deps.sh: installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
echo "ci/install-deps.sh: all dependencies present"
