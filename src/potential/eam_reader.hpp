#pragma once
// Readers for the three LAMMPS EAM potential formats into gb::EamPotential:
//   eam        (funcfl, DYNAMO single element; Z(r) effective charge,
//               z2r = 27.2*0.529 * Z_i(r) Z_j(r); several files are mixed onto
//               one grid exactly as pair_style eam does with pair_coeff i i)
//   eam/alloy  (setfl, any number of elements)
//   eam/fs     (Finnis-Sinclair setfl, one density table per element pair)
// Bad files raise gb::InputError "file:line[:col]: field: what was expected".
#include <optional>
#include <string>
#include <vector>

#include "potential/eam_potential.hpp"

namespace gb {

/// Style from the file name: *.eam.fs -> eam/fs, *.eam.alloy -> eam/alloy,
/// *.eam -> eam.  Empty if the name does not tell.
std::optional<EamStyle> eam_style_from_extension(const std::string& path);
/// Style from its LAMMPS pair_style name ("eam", "eam/alloy", "eam/fs";
/// "funcfl", "setfl", "fs" are accepted too).  Throws gb::InputError.
EamStyle eam_style_from_name(const std::string& name);

/// Read one potential file (path, or name under $LAMMPS_POTENTIALS /
/// /usr/share/lammps/potentials).  The style comes from the extension unless
/// given.  A funcfl file is returned already resampled the way LAMMPS does
/// it (read_funcfl_mixture of that one file), so tables match LAMMPS's.
EamPotential read_eam(const std::string& path_or_name, std::optional<EamStyle> style = {});

/// Several funcfl files (one element each, in type order) combined as LAMMPS
/// pair_style eam combines them: common grid spacing = largest spacing,
/// extent = largest table extent, every table resampled with 4-point
/// Lagrange interpolation, cross pair term 27.2*0.529*Z_a(r)*Z_b(r).
/// Repeated files (same path) are read once, as LAMMPS does.
EamPotential read_funcfl_mixture(const std::vector<std::string>& files);

/// Element index (into pot.elements) for each LAMMPS type: type t uses
/// requested[t-1].  Throws gb::InputError naming the file and the elements
/// it provides if a requested element is absent.
std::vector<int> map_elements(const EamPotential& pot, const std::vector<std::string>& requested);

/// Chemical symbol of atomic number z (1..118), or "" if out of range.
std::string element_symbol(int z);

}  // namespace gb
