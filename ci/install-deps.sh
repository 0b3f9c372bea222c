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
  clang libclang-rt-14-dev                   # ci/sanitize.sh: ASan+UBSan build and libFuzzer targets
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

# OpenMM's lepton/ and sfmt/ headers, which the platform headers include but
# Debian's libopenmm-dev does not ship, from the matching Debian source
# package (apt-get source, through a private apt configuration with a
# deb-src line, so the system's sources are left alone).  The native EAM
# force's OpenCL kernel library needs lepton/ (CMake: GB_OPENMM_EXTRA_HEADERS).
HDR=/usr/local/share/glassbench/openmm-headers
if [ ! -f "$HDR/lepton/Parser.h" ]; then
  echo "ci/install-deps.sh: fetching OpenMM's lepton/sfmt headers (apt-get source openmm)"
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq dpkg-dev >/dev/null
  work=$(mktemp -d)
  mkdir -p "$work/lists/partial" "$work/cache/archives/partial"
  echo "deb-src http://deb.debian.org/debian bookworm main" > "$work/sources.list"
  APT=(-o "Dir::Etc::SourceList=$work/sources.list" -o Dir::Etc::SourceParts=/dev/null
       -o "Dir::State::Lists=$work/lists" -o "Dir::Cache=$work/cache")
  apt-get -qq "${APT[@]}" update
  (cd "$work" && apt-get -qq "${APT[@]}" source --download-only openmm >/dev/null 2>&1 &&
     dpkg-source -x --no-check openmm_*.dsc src >/dev/null)
  $SUDO mkdir -p "$HDR"
  $SUDO cp -r "$work"/src/libraries/lepton/include/lepton "$work"/src/libraries/sfmt/include/sfmt "$HDR"/
  rm -rf "$work"
fi
echo "ci/install-deps.sh: all dependencies present"
