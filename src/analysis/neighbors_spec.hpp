#pragma once
// Which neighbours an observable uses, as the user names them on the command
// line: "voronoi", "cutoff:R" (R in Angstrom) or "nearest:N".
#include <string>

namespace gb::analysis {

struct NeighborSpec {
  enum class Kind { Voronoi, Cutoff, Nearest };
  Kind kind = Kind::Voronoi;
  double cutoff_A = 0.0;  // Kind::Cutoff: neighbours closer than this
  int count = 0;          // Kind::Nearest: this many closest atoms
  /// Kind::Voronoi: drop faces whose area is below this fraction of the
  /// cell's total face area (0 keeps every face = the plain Voronoi definition).
  double min_face_area_fraction = 0.0;

  /// Parse "voronoi" | "cutoff:R" | "nearest:N".  Throws gb::InputError naming
  /// `flag` (e.g. "--neighbors") and what was expected.
  static NeighborSpec parse(const std::string& text, const std::string& flag = "--neighbors");
  /// The canonical text form ("voronoi", "cutoff:3.5", "nearest:12").
  std::string str() const;
};

}  // namespace gb::analysis
