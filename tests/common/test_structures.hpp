#pragma once
// Configurations shared by tests that compare engines with LAMMPS.
#include <cstdint>

#include "core/atom_config.hpp"

namespace gb::testing {

/// Random Cu64Zr36 liquid-like configuration at 0.06 atoms/A^3 (min distance 2 A),
/// cubic box, types 1 = Cu, 2 = Zr.
AtomConfig cuzr_config(int n, uint64_t seed);

/// Shear a configuration into a triclinic cell, keeping fractional coordinates.
AtomConfig make_triclinic(AtomConfig cfg, double xy, double xz, double yz);

}  // namespace gb::testing
