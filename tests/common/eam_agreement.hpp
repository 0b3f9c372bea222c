#pragma once
// ONE test body for "engine X agrees with LAMMPS on potential file Y": the
// CPU evaluator, the OpenMM custom force and the native EamForce on every
// platform all call expect_lammps_agreement() with their own Engine and
// tolerance.  The sweep over every EAM file Debian's lammps-data ships
// (shipped_eam_files) builds its configurations here too, so every engine
// sees the same atoms.
#include <array>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "common/lammps_oracle.hpp"
#include "core/atom_config.hpp"
#include "potential/eam_potential.hpp"

namespace gb::testing {

/// What an engine returns, in LAMMPS metal units.
struct EngineResult {
  double energy_eV = 0;
  std::vector<double> per_atom_energy_eV;               // empty: not compared
  std::vector<Vec3> forces_eV_per_A;
  std::optional<std::array<double, 6>> pressure_virial_bar;  // unset: not compared
  std::string description;                              // e.g. "CPU/mixed native"
};

/// engine(cfg, pot, element_of_type) -> result.  May call GTEST_SKIP
/// semantics by throwing EngineUnavailable (e.g. platform missing).
using Engine = std::function<EngineResult(const AtomConfig&, const EamPotential&, const std::vector<int>&)>;
struct EngineUnavailable {
  std::string why;
};

/// Bounds; a negative bound is not checked.  `why`: the one-line reason.
struct AgreementTolerance {
  double energy_per_atom_eV = -1;
  double max_per_atom_energy_eV = -1;
  double max_force_eV_per_A = -1;
  double max_stress_rel = -1;
};

/// One comparison: a configuration, its potential, the LAMMPS pair lines.
struct AgreementCase {
  std::string label;
  AtomConfig cfg;
  EamPotential pot;
  std::vector<std::string> elements;  // element of LAMMPS type t at [t-1]
  LammpsPair pair;
};

/// Every EAM file (*.eam, *.eam.alloy, *.eam.fs) in Debian's lammps-data
/// potentials directory, sorted by name; empty if the directory is missing.
std::vector<std::string> shipped_eam_files();
/// A gtest-safe name for a file ("CuZr_mm.eam.fs" -> "CuZr_mm_eam_fs").
std::string test_name_of(const std::string& file_name);

/// The sweep case for one shipped file: an fcc crystal of >= 864 atoms
/// (6x6x6 cells, more if twice the cutoff needs it) at the atomic volume of
/// the file's first element's own lattice (header line), every atom moved
/// by up to 0.15 A per coordinate, element types drawn at random in equal
/// shares.  funcfl files: pair_style eam; setfl: eam/alloy; FS: eam/fs.
AgreementCase shipped_file_case(const std::string& file_name, uint64_t seed = 864);

/// Run LAMMPS on the case (cached per process), run the engine, print one
/// "[agreement]" line and EXPECT the bounds.  GTEST_SKIPs when LAMMPS or
/// the engine is unavailable.
void expect_lammps_agreement(const AgreementCase& c, const Engine& engine, const AgreementTolerance& tol);

}  // namespace gb::testing
