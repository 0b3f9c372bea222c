#pragma once
// A snapshot of an atomic system on the LAMMPS side of the boundary:
// Angstrom, Angstrom/ps (metal units), amu; atom types are 1-based as in
// LAMMPS and map to element names through `type_names` (type t -> type_names[t-1]).
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "core/box.hpp"

namespace gb {

struct AtomConfig {
  Box box;
  int ntypes = 0;
  std::vector<long> ids;          // LAMMPS atom ids (1-based, unique)
  std::vector<int> types;         // 1..ntypes
  std::vector<Vec3> positions;    // Angstrom (as stored: wrapped or unwrapped)
  std::vector<Vec3> velocities;   // Angstrom/ps; empty if absent
  std::vector<std::array<int, 3>> images;  // image flags; empty if absent
  std::vector<double> type_masses;         // amu per type (index t-1); empty if absent
  std::vector<std::string> type_names;     // element per type, if known

  size_t size() const { return positions.size(); }
  /// Positions with image flags applied (or as stored if no flags).
  std::vector<Vec3> unwrapped_positions() const;
};

}  // namespace gb
