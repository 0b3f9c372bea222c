#pragma once
// EAM as an OpenMM CustomGBForce, built from a LAMMPS potential:
//
//   computed value  rho_i = sum_j density_{e(j)->e(i)}(r_ij)        (ParticlePairNoExclusions)
//   energy          sum_i F_{e(i)}(rho_i)                          (SingleParticle)
//                 + sum_{i<j} phi_{e(i)e(j)}(r_ij),  phi = z2r/r    (ParticlePairNoExclusions)
//
// A pair computed value is evaluated for particle 1 with particle 2 as the
// partner (and again swapped), so the density expression reads the block
// (src = e2, dst = e1): the density atom i receives from j is density(e(j), e(i)).
// All tables of a kind live in ONE long tabulated function; each particle
// carries its block offsets as per-particle parameters (src, dst, emb), so
// no nested select() over element pairs is needed (measured 2.4x faster on
// the CPU platform than select()).  Cutoff: the file's cutoff,
// CutoffPeriodic (or CutoffNonPeriodic for clusters).  Units: nm, kJ/mol.
//
// Interpolation (EamTableOptions::interpolation):
//  * LammpsHermite (default): coefficient tables of LAMMPS's interval
//    cubics (Discrete1DFunction) and the cubic written out in the
//    expression; index clamping and the linear extrapolation of F above
//    rho_max as in pair_style eam*.  Matches LAMMPS to rounding.
//  * NaturalSpline: concatenated Continuous1DFunctions (eam_tables.hpp).
//    Zero outside their range while LAMMPS extrapolates F(rho), so
//    densities must stay inside the table: create_density_guard_force() /
//    DensityGuard check that.
#include <memory>
#include <string>
#include <vector>

#include "openmm/eam_hermite_tables.hpp"
#include "openmm/eam_tables.hpp"
#include "openmm/native_eam_force.hpp"
#include "potential/eam_potential.hpp"

namespace OpenMM {
class CustomGBForce;
}

namespace gb {

struct EamForceOptions {
  EamTableOptions tables;  // knots handed to OpenMM; see default_table_options()
  bool periodic = true;    // false: CutoffNonPeriodic (isolated clusters)
  /// Which force build_eam_system adds: the native EamPlugin::EamForce or
  /// this CustomGBForce (native_eam_force.hpp; resolve_implementation()).
  EamImplementation implementation = EamImplementation::Custom;
  double native_skin_nm = 0.1;  // neighbour-list skin of the native CPU/GPU kernels
};

/// Measured on this machine (2 cores; tests/openmm, bench/bench_eam_force):
///  accuracy vs LAMMPS (2000-atom random Cu64Zr36 etc., worst of six cases)
///    LammpsHermite: Reference 1e-13 eV/atom, 3e-9 eV/A; CPU 1.7e-7, 1.4e-4;
///                   OpenCL (PoCL, mixed) 6e-7, 1.6e-4.
///    NaturalSpline: Reference, file grid: up to 5.6e-5 eV/atom, 0.17 eV/A
///                   (AlCu.eam.alloy's coarse F table); upsampled 8x: 8e-3
///                   eV/A.  OpenCL, 1500 knots: CuZr 1e-4 eV/A, AlCu 0.1 eV/A.
///  speed, 4000-atom MD (atom-steps/s): Reference hermite 1.3e4 / spline
///    5.7e3; CPU (2 threads) 4.6e4 / 2.2e4; OpenCL 5.1e4 / 7.4e4.
/// So LammpsHermite is the default everywhere; NaturalSpline is faster only
/// on OpenCL and only accurate for fine, smooth tables.
///
/// Near rho = 0, where F ~ -sqrt(rho) is singular, a natural spline and
/// LAMMPS's Hermite cubics of the same knots differ visibly (1e-2 eV/A for
/// a dimer with the file grid); LammpsHermite has no such difference.

/// Throws gb::InputError if the EAM force cannot run correctly on this
/// platform for this box: OpenMM's CPU platform computes CustomGBForce
/// distances as if the box were rectangular (openmm/openmm#5387, fixed only
/// in releases long after 7.7; measured here: triclinic Cu64Zr36 energies
/// off by 1e9 eV/atom), so a triclinic box on CPU is refused for the custom
/// force.  The native force handles triclinic boxes on every platform.
void require_platform_supports_box(const std::string& platform_name, bool triclinic_box,
                                   EamImplementation implementation = EamImplementation::Custom);

class EamForce {
 public:
  /// element_of_particle[k]: element index (into pot.elements) of particle k.
  EamForce(const EamPotential& pot, std::vector<int> element_of_particle, EamForceOptions opt = {});

  /// A new CustomGBForce implementing the EAM energy; the caller owns it
  /// (usually System::addForce takes it).
  OpenMM::CustomGBForce* create_force() const;

  /// A new CustomGBForce with the same density sum whose energy (kJ/mol,
  /// read as a plain number) is the count of particles with rho < 0 or
  /// rho > rho_max.  Never add it to an MD System: it has no forces.
  OpenMM::CustomGBForce* create_density_guard_force() const;

  double cutoff_nm() const;
  double rho_max() const;
  const EamTableOptions& table_options() const { return opt_.tables; }
  const std::vector<int>& element_of_particle() const { return element_; }
  const std::string& potential_source() const { return source_; }
  bool periodic() const { return opt_.periodic; }

 private:
  // A CustomGBForce with the particles, tables and the computed value rho.
  OpenMM::CustomGBForce* base_force() const;

  // Exactly one of these, by opt_.tables.interpolation.
  std::shared_ptr<const EamTables> spline_;
  std::shared_ptr<const EamHermiteTables> hermite_;
  std::vector<int> element_;
  EamForceOptions opt_;
  std::string source_;
};

}  // namespace gb
