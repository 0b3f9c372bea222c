// Native EamForce on the OpenCL platform (PoCL here; any OpenCL device):
// common kernels, mixed precision (float pair arithmetic and tables,
// double energy and density sums).
#include <string>

namespace {
constexpr const char* kPlatform = "OpenCL";
struct Tol {
  double energy_per_atom_eV, max_force_eV_per_A, stress_rel;
  double custom_energy_per_atom_eV, custom_force_eV_per_A, resume_nm;
};
// Float pair arithmetic (relative ~6e-8 per term, ~100 terms per atom):
// the custom force's OpenCL bounds vs LAMMPS (5e-6 eV/atom, 1e-3 eV/A);
// virial not compared (-1).  Resume: float forces, 30 chaotic steps: 1e-4 nm.
constexpr Tol kTol{5e-6, 1e-3, -1, 1e-5, 2e-3, 1e-4};
}  // namespace

#include "EamForceTestBody.hpp"
