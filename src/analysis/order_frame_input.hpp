#pragma once
// One configuration for the structural analysis, from either kind of file a
// user has: a LAMMPS dump (text or gzip, any frame) or a LAMMPS data file.
#include <string>
#include <vector>

#include "core/box.hpp"

namespace gb::analysis {

struct OrderFrame {
  Box box;
  std::vector<long> ids;
  std::vector<int> types;
  std::vector<Vec3> positions;   // Angstrom, as stored (wrapping does not matter for structure)
  bool unwrapped = false;        // positions are continuous in time (dump xu / image flags)
  long timestep = 0;             // dump TIMESTEP; 0 for a data file
  int frame = 0;                 // 0-based frame index actually read
  std::string description;       // "FILE frame K (timestep T)" / "FILE (LAMMPS data)"
};

enum class OrderInputFormat { Auto, Dump, Data };

/// Parse "auto" | "dump" | "data"; gb::InputError naming `flag` otherwise.
OrderInputFormat parse_order_input_format(const std::string& text, const std::string& flag = "--format");

/// Auto: a file whose first non-blank line (after gunzip) starts with
/// "ITEM:" is a dump, anything else a data file.
OrderInputFormat detect_order_input_format(const std::string& path);

/// Read frame `frame` (0-based; negative counts from the end, -1 = last) of a
/// dump, or the data file (frame must then be 0 or -1).  gb::InputError for
/// a missing file, a frame past the end (naming how many frames there are),
/// or malformed content (from the readers, naming file and line).
OrderFrame read_order_frame(const std::string& path, int frame, OrderInputFormat format = OrderInputFormat::Auto);

/// Fast-atom flags from a text file of atom ids (whitespace separated, '#'
/// starts a comment), in the order of `ids`.  gb::InputError naming file and
/// line for a bad token or an id that is not in the frame.
std::vector<char> fast_flags_from_id_file(const std::string& path, const std::vector<long>& ids);

/// Fast-atom flags from the displacement between two frames of the same
/// atoms (ids must match): |r - r_ref| > threshold_A.  Needs unwrapped
/// positions in both (gb::InputError otherwise: wrapped coordinates would
/// hide any move across the boundary).
std::vector<char> fast_flags_from_frames(const OrderFrame& frame, const OrderFrame& reference, double threshold_A);

}  // namespace gb::analysis
