#pragma once
// A whole trajectory in memory, ready for time-correlation analysis: the same
// atoms (sorted by id) in every frame, unwrapped positions in Angstrom, and
// the time of each frame in ps.
#include <string>
#include <vector>

#include "core/box.hpp"

namespace gb::analysis {

struct Trajectory {
  std::string source;                       // file it came from (for messages/provenance)
  std::vector<long> ids;                    // per atom, sorted
  std::vector<int> types;                   // per atom, LAMMPS type (1-based)
  std::vector<long> timesteps;              // per frame (dump ITEM: TIMESTEP)
  std::vector<Box> boxes;                   // per frame
  std::vector<std::vector<Vec3>> positions; // [frame][atom], unwrapped, Angstrom
  double frame_interval_ps = 0.0;           // time between consecutive frames
  /// false when the file held wrapped coordinates and we unwrapped them by
  /// continuity (valid only if no atom moves half a box between frames).
  bool unwrapped_in_file = true;

  size_t frames() const { return positions.size(); }
  size_t atoms() const { return ids.size(); }
  int ntypes() const;
  double time_ps(size_t frame) const { return frame * frame_interval_ps; }
};

/// How frame times are known: either the MD timestep (frame time =
/// (timestep - first timestep) * md_timestep_ps; the dump's timesteps must be
/// evenly spaced) or the time between frames directly.  Exactly one > 0.
struct TimeSpec {
  double md_timestep_ps = 0.0;
  double frame_interval_ps = 0.0;
};

struct LoadOptions {
  int first_frame = 0;   // skip frames before this (0-based)
  int stride = 1;        // keep every stride-th frame
  int max_frames = -1;   // keep at most this many (-1: all)
};

/// Read a LAMMPS dump (see core/lammps_dump.hpp).  Throws gb::InputError when
/// frames disagree on the atom ids or types, when dump timesteps are not evenly
/// spaced (with md_timestep_ps), or the file has fewer than 2 frames left.
Trajectory load_trajectory(const std::string& path, const TimeSpec& time, const LoadOptions& opt = {});

/// Element name per type for column headers: names[t-1] if given, else "type<t>".
std::string species_label(int type, const std::vector<std::string>& names);

/// Resolve a species given as an element name (from names) or a type number.
/// Throws gb::InputError naming `flag` if unknown.
int resolve_species(const std::string& spec, const std::vector<std::string>& names, int ntypes,
                    const std::string& flag);

}  // namespace gb::analysis
