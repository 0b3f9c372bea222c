#pragma once
// Crossing the OpenMM / LAMMPS boundary for whole states: an OpenMM State
// (nm, nm/ps, box vectors) becomes a gb::AtomConfig or a dump frame in metal
// units (Angstrom, Angstrom/ps) with the LAMMPS box origin put back, and
// states are saved/loaded as OpenMM XML (full double precision).
#include <memory>
#include <string>
#include <vector>

#include <OpenMM.h>

#include "core/atom_config.hpp"
#include "core/lammps_dump.hpp"

namespace gb::runners {

/// Which atom is which: particle k of the OpenMM System is atom k here.
struct Topology {
  std::vector<long> ids;
  std::vector<int> types;                 // 1-based
  std::vector<std::string> type_names;    // element of type t at [t-1]
  std::vector<double> type_masses_amu;    // per type
  Vec3 origin_A;                          // LAMMPS box origin (OpenMM boxes start at 0)
  double total_mass_amu = 0;
};

/// The topology of a configuration (its inverse is config_from_state): ids,
/// types, type names and per-type masses as `cfg` holds them, the box origin,
/// and the total mass summed over atoms.  `cfg` must name and weigh every type
/// (type_names and type_masses at least ntypes long); throws
/// std::invalid_argument naming the missing field otherwise.
Topology topology_of(const AtomConfig& cfg);

Box box_from_state(const OpenMM::State& s, const Vec3& origin_A);

/// Positions as OpenMM holds them (unwrapped, continuous), Angstrom; velocities
/// if the state has them.  With `wrap`, positions are wrapped into the box and
/// image flags recorded (for LAMMPS data files).
AtomConfig config_from_state(const OpenMM::State& s, const Topology& topo, bool with_velocities, bool wrap);

/// A dump frame: `ITEM: ATOMS id type xu yu zu` (Angstrom), plus vx vy vz
/// (Angstrom/ps) as extra columns when `with_velocities`.
DumpFrame frame_from_state(const OpenMM::State& s, const Topology& topo, long timestep, bool with_velocities);

/// Write an OpenMM XML state atomically; a provenance XML comment follows the
/// XML declaration.
void write_state_xml(const std::string& path, const OpenMM::State& s, const std::string& provenance);
/// Read one back (throws gb::InputError naming the file).
OpenMM::State read_state_xml(const std::string& path);

}  // namespace gb::runners
