#pragma once
// Full (both directions) neighbour list for a periodic box of any shape and
// size, LAMMPS-style: atoms are wrapped into the cell, periodic images
// ("ghosts") are made of every atom within the cutoff of the cell in
// fractional space, and a bin grid (bins at least half a cutoff wide
// perpendicular to their faces, searched two bins out) finds pairs.  Boxes narrower than twice the
// cutoff are handled exactly: an atom may then see several images of the
// same neighbour, and itself.
#include <vector>

#include "core/box.hpp"

namespace gb {

class NeighborList {
 public:
  /// Build for positions (wrapped or not) in `box` with cutoff rc > 0.
  /// Pairs with distance < rc are kept.  Throws std::invalid_argument for a
  /// degenerate box.
  NeighborList(const Box& box, const std::vector<Vec3>& positions, double cutoff, int threads = 1);

  size_t natoms() const { return offset_.size() - 1; }
  /// Neighbours of atom i are entries [begin(i), end(i)) of image().
  size_t begin(size_t i) const { return offset_[i]; }
  size_t end(size_t i) const { return offset_[i + 1]; }
  /// Index into image_position()/image_owner() of neighbour entry k.
  int image(size_t k) const { return entries_[k]; }
  /// Cartesian position of an image (entries 0..N-1 are the wrapped atoms).
  const Vec3& image_position(int q) const { return ext_pos_[q]; }
  /// Which atom an image is a copy of.
  int image_owner(int q) const { return ext_owner_[q]; }
  size_t total_pairs() const { return entries_.size(); }

 private:
  std::vector<Vec3> ext_pos_;
  std::vector<int> ext_owner_;
  std::vector<size_t> offset_;
  std::vector<int> entries_;
};

}  // namespace gb
