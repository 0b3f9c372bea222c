#pragma once
// One energy + force evaluation of a LAMMPS-side configuration with the
// OpenMM EAM force, results in metal units (eV, eV/Angstrom).  Used by
// `glassbench eval`, the verification tests and the benchmarks.
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "core/atom_config.hpp"
#include "openmm/eam_tables.hpp"
#include "openmm/native_eam_force.hpp"
#include "openmm/platform.hpp"
#include "potential/eam_potential.hpp"

namespace gb {

struct SinglePointOptions {
  PlatformRequest platform;
  /// Knots handed to OpenMM; unset = default_table_options(platform).
  std::optional<EamTableOptions> tables;
  bool periodic = true;        // false: isolated cluster (CutoffNonPeriodic)
  /// Natural-spline tables only (LammpsHermite extrapolates F as LAMMPS
  /// does): run DensityGuard first; throws gb::SimulationError if any atom's
  /// density lies outside the embedding table.
  bool check_density = true;
  /// native | custom; unset: native where the platform has it.
  std::optional<EamImplementation> implementation;
};

struct SinglePointResult {
  double energy_eV = 0;
  std::vector<Vec3> forces_eV_per_A;  // same order as the configuration
  std::string platform, precision;
  EamTableOptions tables;             // as used (custom force)
  EamImplementation implementation = EamImplementation::Custom;  // which force ran
  /// Virial of the EAM force (eV; xx yy zz xy xz yz, sum r_ij (x) f_ij); native force only.
  std::optional<std::array<double, 6>> virial_eV;
};

SinglePointResult openmm_single_point(const AtomConfig& cfg, const EamPotential& pot,
                                      const std::vector<int>& element_of_type, const SinglePointOptions& opt);

}  // namespace gb
