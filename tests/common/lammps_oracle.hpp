#pragma once
// LAMMPS as the independent oracle: write a configuration as a data file in a
// temp dir, run `lmp` (env GLASSBENCH_LMP, default "lmp") with a given
// pair_style / pair_coeff, and read back at full precision (%.17g) the total
// potential energy, per-atom energy (compute pe/atom), forces (dump custom,
// sorted by id) and the virial part of the pressure tensor (compute pressure
// NULL virial) and the thermo pressure `press` (with the kinetic part).  Tests call lammps_available() first and GTEST_SKIP() if not.
#include <array>
#include <string>
#include <vector>

#include "core/atom_config.hpp"

namespace gb::testing {

/// pair_style and the argument strings of each pair_coeff line, e.g.
/// {"eam/fs", {"* * /usr/share/lammps/potentials/CuZr_mm.eam.fs Cu Zr"}}.
struct LammpsPair {
  std::string style;
  std::vector<std::string> coeffs;
};

/// LAMMPS results in the order of the input configuration's atoms.
struct LammpsResult {
  double energy_eV = 0;
  std::vector<double> per_atom_energy_eV;
  std::vector<Vec3> forces_eV_per_A;
  std::array<double, 6> pressure_virial_bar{};  // pxx pyy pzz pxy pxz pyz
  /// LAMMPS's thermo `press` (virial + kinetic 2 KE / 3V from the data file's
  /// velocities; the virial part alone when the file has none).
  double pressure_bar = 0;
};

/// The LAMMPS executable used (GLASSBENCH_LMP or "lmp").
std::string lammps_executable();
/// True if the executable runs (`lmp -h` succeeds); cached.
bool lammps_available();
/// Message for GTEST_SKIP() when LAMMPS is missing.
std::string lammps_skip_message();

/// Run LAMMPS once on cfg (units metal, atom_style atomic, p p p, run 0).
/// Throws std::runtime_error with the end of the LAMMPS log on failure.
LammpsResult run_lammps_static(const AtomConfig& cfg, const LammpsPair& pair);

/// Differences between some result and LAMMPS's.
struct Agreement {
  double energy_per_atom_eV = 0;       // |dE|/N
  double max_per_atom_energy_eV = 0;   // max_i |dE_i|
  double max_force_eV_per_A = 0;       // max_i |dF_i| (vector norm)
  double max_stress_rel = 0;           // max_k |dP_k| / max_k |P_k|(LAMMPS)
  std::string str() const;
};
Agreement compare_to_lammps(const LammpsResult& lmp, double energy_eV, const std::vector<double>& per_atom_energy_eV,
                            const std::vector<Vec3>& forces_eV_per_A, const std::array<double, 6>& pressure_bar);

}  // namespace gb::testing
