#pragma once
// Per-atom neighbour lists in compressed (CSR) form, the common currency of
// the structural observables: Voronoi, cutoff and N-nearest searches all
// produce one, and bond-orientational order consumes it (freud's design:
// the neighbour definition is chosen once, explicitly, by the caller).
#include <cstddef>
#include <vector>

#include "core/vec3.hpp"

namespace gb::analysis {

/// One bond i -> j.  `bond` is the vector from atom i to the periodic image
/// of atom j that is the neighbour (Angstrom); it is exact even when the box
/// is so small that several images of j (or of i itself) are neighbours.
/// `face_area` is the shared Voronoi face area (Angstrom^2), 0 when the list
/// did not come from a Voronoi tessellation.
struct Neighbor {
  int index = 0;
  Vec3 bond;
  double face_area = 0.0;
};

class NeighborList {
 public:
  NeighborList() = default;
  /// Flatten per-atom lists (atom i's neighbours are per_atom[i]).
  explicit NeighborList(const std::vector<std::vector<Neighbor>>& per_atom);

  size_t atoms() const { return offsets_.empty() ? 0 : offsets_.size() - 1; }
  int count(size_t i) const { return static_cast<int>(offsets_[i + 1] - offsets_[i]); }
  const Neighbor* begin(size_t i) const { return bonds_.data() + offsets_[i]; }
  const Neighbor* end(size_t i) const { return bonds_.data() + offsets_[i + 1]; }
  size_t total_bonds() const { return bonds_.size(); }

 private:
  std::vector<size_t> offsets_;
  std::vector<Neighbor> bonds_;
};

}  // namespace gb::analysis
