#include "analysis/trajectory.hpp"

#include <algorithm>
#include <cmath>

#include "core/error.hpp"
#include "core/lammps_dump.hpp"
#include "core/text_parse.hpp"

namespace gb::analysis {

int Trajectory::ntypes() const { return types.empty() ? 0 : *std::max_element(types.begin(), types.end()); }

Trajectory load_trajectory(const std::string& path, const TimeSpec& time, const LoadOptions& opt) {
  if ((time.md_timestep_ps > 0) == (time.frame_interval_ps > 0))
    throw InputError("give exactly one of the MD timestep (--timestep-ps) and the time between frames "
                     "(--frame-interval-ps), positive");
  if (opt.stride < 1 || opt.first_frame < 0) throw InputError("frame stride must be >= 1 and first frame >= 0");
  Trajectory t;
  t.source = path;
  DumpReader reader(path);
  DumpFrame f;
  int index = -1;
  bool wrapped = false;
  while (reader.next(f)) {
    ++index;
    if (index < opt.first_frame || (index - opt.first_frame) % opt.stride != 0) continue;
    if (opt.max_frames >= 0 && static_cast<int>(t.frames()) >= opt.max_frames) break;
    if (t.frames() == 0) {
      t.ids = f.ids;
      t.types = f.types;
      wrapped = !f.unwrapped;
    } else {
      if (f.ids != t.ids)
        throw InputError({path, 0, 0}, "frame " + std::to_string(index),
                         "atom ids differ from the first frame; analysis needs the same atoms in every frame");
      if (f.types != t.types)
        throw InputError({path, 0, 0}, "frame " + std::to_string(index),
                         "atom types differ from the first frame");
      if (f.unwrapped == wrapped)
        throw InputError({path, 0, 0}, "frame " + std::to_string(index),
                         "position columns change between wrapped and unwrapped");
    }
    if (wrapped && t.frames() > 0) {
      // Unwrap by continuity: each step is the minimum-image displacement.
      const auto& prev = t.positions.back();
      for (size_t a = 0; a < f.size(); ++a)
        f.positions[a] = prev[a] + f.box.minimum_image(f.positions[a] - prev[a]);
    }
    t.timesteps.push_back(f.timestep);
    t.boxes.push_back(f.box);
    t.positions.push_back(std::move(f.positions));
  }
  t.unwrapped_in_file = !wrapped;
  if (t.frames() < 2)
    throw InputError({path, 0, 0}, "frames", "need at least 2 frames for dynamics, found " + std::to_string(t.frames()));
  if (time.frame_interval_ps > 0) {
    t.frame_interval_ps = time.frame_interval_ps;
  } else {
    const long step = t.timesteps[1] - t.timesteps[0];
    if (step <= 0)
      throw InputError({path, 0, 0}, "TIMESTEP", "dump timesteps must increase (frames 0 and 1 have " +
                                                     std::to_string(t.timesteps[0]) + " and " +
                                                     std::to_string(t.timesteps[1]) + ")");
    for (size_t k = 2; k < t.frames(); ++k)
      if (t.timesteps[k] - t.timesteps[k - 1] != step)
        throw InputError({path, 0, 0}, "TIMESTEP",
                         "frames are not evenly spaced: kept frame " + std::to_string(k) + " is at timestep " +
                             std::to_string(t.timesteps[k]) + ", expected " +
                             std::to_string(t.timesteps[k - 1] + step) +
                             " (use --frame-interval-ps to override)");
    t.frame_interval_ps = step * time.md_timestep_ps;
  }
  return t;
}

std::string species_label(int type, const std::vector<std::string>& names) {
  if (type >= 1 && type <= static_cast<int>(names.size())) return names[type - 1];
  return "type" + std::to_string(type);
}

int resolve_species(const std::string& spec, const std::vector<std::string>& names, int ntypes,
                    const std::string& flag) {
  for (size_t k = 0; k < names.size(); ++k)
    if (names[k] == spec) return static_cast<int>(k + 1);
  long t;
  if (parse_long(spec, t) && t >= 1 && t <= ntypes) return static_cast<int>(t);
  throw InputError(flag + ": unknown species '" + spec + "' (give an element from --elements or a type 1.." +
                   std::to_string(ntypes) + ")");
}

}  // namespace gb::analysis
