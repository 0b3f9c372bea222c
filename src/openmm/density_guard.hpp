#pragma once
// Check that every atom's EAM host density lies inside the embedding table
// [0, rho_max].  OpenMM's Continuous1DFunction is zero outside its range
// (LAMMPS instead extrapolates F linearly), so a density beyond the table
// would silently give wrong energies and forces; glassbench stops instead.
//
// The guard owns a separate small OpenMM System + Context holding only
// EamForce::create_density_guard_force(), whose energy is the number of
// out-of-range atoms, so the check uses exactly the tables and neighbour
// sums of the real force and never pollutes the MD energy.  Cost: about one
// force evaluation per check; runners call it at checkpoints/thermo output.
#include <memory>
#include <string>
#include <vector>

#include <OpenMM.h>

#include "openmm/eam_force.hpp"

namespace gb {

class DensityGuard {
 public:
  /// box_nm: periodic box vectors (ignored for a non-periodic force).
  /// platform_name: OpenMM platform for the check; empty = CPU if available,
  /// else Reference.
  DensityGuard(const EamForce& eam, const OpenMM::Vec3 box_nm[3], const std::string& platform_name = "");
  ~DensityGuard();

  /// Number of particles with rho < 0 or rho > rho_max at these positions.
  /// box_nm: new box vectors (NPT) or nullptr to keep the current ones.
  int count_out_of_range(const std::vector<OpenMM::Vec3>& positions_nm, const OpenMM::Vec3* box_nm = nullptr);

  /// Throws gb::SimulationError ("<when>: N atoms have ...") if any atom is
  /// out of range.  `state` must hold positions.
  void check(const OpenMM::State& state, const std::string& when);
  void check(const std::vector<OpenMM::Vec3>& positions_nm, const OpenMM::Vec3* box_nm, const std::string& when);

  double rho_max() const { return rho_max_; }

 private:
  std::unique_ptr<OpenMM::System> system_;
  std::unique_ptr<OpenMM::VerletIntegrator> integrator_;
  std::unique_ptr<OpenMM::Context> context_;
  double rho_max_ = 0;
  std::string source_;
};

}  // namespace gb
