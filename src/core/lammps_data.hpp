#pragma once
// LAMMPS data files, `atom_style atomic` (orthogonal and triclinic boxes):
//   header: "N atoms", "M atom types", "xlo xhi", "ylo yhi", "zlo zhi",
//           optional "xy xz yz"; sections Masses, Atoms [# atomic], Velocities.
// Atoms lines: id type x y z [ix iy iz].  Errors name file, line and field.
#include <string>

#include "core/atom_config.hpp"

namespace gb {

/// Read a data file.  Throws gb::InputError("file:line: field: ...") on bad input.
AtomConfig read_lammps_data(const std::string& path);

/// Write a data file atomically (temp file + rename).  Full double precision.
/// `comment` becomes the first line (LAMMPS ignores it); put provenance there.
void write_lammps_data(const std::string& path, const AtomConfig& cfg, const std::string& comment);

}  // namespace gb
