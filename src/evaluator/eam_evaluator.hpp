#pragma once
// Plain C++ EAM evaluator in double precision: energy, per-atom energy,
// forces and the virial tensor for orthogonal and triclinic periodic boxes
// of any size.  Tables are interpolated exactly as LAMMPS pair_style eam*
// does (gb::EamSpline), so results agree with LAMMPS to rounding error.
// It is a thin metal-units front end of EamCpuKernel -- the same code the
// native OpenMM EamForce runs on the CPU platform -- so `glassbench eval`
// and MD share one implementation (the independent oracles are LAMMPS and
// the native force's Reference kernel).
#include <array>
#include <vector>

#include "core/atom_config.hpp"
#include "potential/eam_potential.hpp"
#include <memory>

#include "evaluator/eam_cpu_kernel.hpp"

namespace gb {

struct EamResult {
  double energy_eV = 0;
  std::vector<double> per_atom_energy_eV;  // F(rho_i) + 1/2 sum_j phi_ij, same order as the config
  std::vector<Vec3> forces_eV_per_A;
  /// sum over pairs of r_ij (x) f_ij with r_ij = r_i - r_j and f_ij the force
  /// on i from the pair; order xx yy zz xy xz yz (eV).  Positive = repulsive.
  std::array<double, 6> virial_eV{};
  /// Virial part of the pressure tensor in bar (LAMMPS `compute pressure
  /// ... virial`): virial / V * nktv2p, LAMMPS's nktv2p, same ordering.
  std::array<double, 6> pressure_virial_bar(double volume_A3) const;
  double max_density = 0;             // largest rho_i
  bool density_out_of_range = false;  // some rho_i outside [0, rho_max] of the F table
};

class EamEvaluator {
 public:
  /// element_of_type[t-1] = element index of LAMMPS type t (gb::map_elements).
  EamEvaluator(const EamPotential& pot, std::vector<int> element_of_type, int threads = 1);
  ~EamEvaluator();
  EamEvaluator(EamEvaluator&&) noexcept = default;
  /// Throws gb::InputError if an atom type has no element, std::invalid_argument
  /// for a degenerate box.
  EamResult compute(const AtomConfig& cfg) const;
  double cutoff() const { return cutoff_; }

 private:
  std::vector<int> element_of_type_;
  int threads_;
  double cutoff_;
  std::unique_ptr<EamCpuKernel> kernel_;  // tables packed once; list rebuilt per call
};

}  // namespace gb
