// Native EamForce on the Reference platform: the accuracy oracle (double,
// brute-force pairs, LAMMPS's interpolation).
#include <string>

namespace {
constexpr const char* kPlatform = "Reference";
struct Tol {
  double energy_per_atom_eV, max_force_eV_per_A, stress_rel;
  double custom_energy_per_atom_eV, custom_force_eV_per_A, resume_nm;
};
// Both codes evaluate the same double-precision cubics: summation-order and
// nm/kJ unit-conversion rounding only (evaluator: measured <= 8e-13 eV/atom).
// Custom force on Reference: its own 1e-11 / 1e-7 bound vs LAMMPS.
// Resume: identical arithmetic except pair order (none here): 1e-12 nm.
constexpr Tol kTol{1e-11, 1e-9, 1e-10, 1e-11, 1e-7, 1e-12};
}  // namespace

#include "EamForceTestBody.hpp"
