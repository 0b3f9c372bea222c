#pragma once
// Finding potential files the way LAMMPS users expect: a path that exists is
// used as is; otherwise a bare name is looked up in $LAMMPS_POTENTIALS and
// then in Debian's /usr/share/lammps/potentials (package lammps-data).
#include <string>
#include <vector>

namespace gb {

/// Directories searched for a potential given by name, in order.
std::vector<std::string> potential_search_path();

/// Path of the potential file.  Throws gb::InputError listing every place
/// looked at when nothing is found.
std::string locate_potential(const std::string& path_or_name);

}  // namespace gb
