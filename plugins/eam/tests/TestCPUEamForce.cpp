// Native EamForce on the CPU platform: gb::EamCpuKernel (half list with skin,
// OpenMP threads), double precision throughout.
#include <string>

namespace {
constexpr const char* kPlatform = "CPU";
struct Tol {
  double energy_per_atom_eV, max_force_eV_per_A, stress_rel;
  double custom_energy_per_atom_eV, custom_force_eV_per_A, resume_nm;
};
// Double precision like LAMMPS: summation order and unit-conversion rounding
// only.  Custom force on CPU is float (its bound vs LAMMPS: 1e-6 / 5e-4).
// Resume: the new context's neighbour list orders pairs differently:
// rounding (1e-16 relative) grown by 30 chaotic steps stays < 1e-8 nm.
constexpr Tol kTol{1e-11, 1e-9, 1e-10, 1e-6, 5e-4, 1e-8};
}  // namespace

#include "EamForceTestBody.hpp"
