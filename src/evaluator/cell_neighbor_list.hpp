#pragma once
// THE neighbour search of glassbench: a half (each pair once) Verlet list
// with a skin, found through a cell (bin) grid in fractional coordinates, for
// periodic boxes of any shape (orthogonal or triclinic, any size -- boxes
// narrower than twice the cutoff give several images of a neighbour and
// images of an atom itself) and for non-periodic clusters.
//
// Used by the CPU EAM evaluator, the native EamForce's CPU kernel (so one
// list serves `glassbench eval` and MD) and analysis.  Units: whatever the
// caller uses for positions and box (Angstrom in gb, nm in OpenMM kernels).
//
// Pairs are stored as (j, image shift s) for atom i: the displacement is
//   d_ij = l_j - l_i + n_s . H,   l_k = x_k + img_k . H,
// where img_k is the integer cell offset that wrapped atom k into the cell
// when the list was built (kept until the next build), H the current cell
// and n_s the image of j the search found (a small table).  So a pair costs
// one subtraction plus a table lookup even after atoms left the cell or the
// box was rescaled (barostat).
//
// Rebuild rule (LAMMPS "check yes"): the list holds every pair closer than
// cutoff + skin at build time; a pair's distance changes by at most
// |dx_i| + |dx_j| + |dshift|, so the list stays complete while
//   2 * max_k |x_k - x_k(build)| + max_s |shift_s - shift_s(build)| <= skin.
#include <cstdint>
#include <vector>

#include "core/vec3.hpp"

namespace gb {

/// Periodic cell as three lower-triangular edge vectors (the LAMMPS/OpenMM
/// reduced form: a = (ax,0,0), b = (bx,by,0), c = (cx,cy,cz)), origin 0.
struct Cell {
  Vec3 a, b, c;
  bool periodic = true;  // false: isolated cluster, a/b/c ignored
};

class CellNeighborList {
 public:
  /// cutoff > 0 (pairs with r < cutoff matter), skin >= 0.
  CellNeighborList(double cutoff, double skin);

  /// Rebuild if needed (first call, atom count change, or the rule above);
  /// returns true if it rebuilt.  positions: current (unwrapped or not).
  bool update(const std::vector<Vec3>& positions, const Cell& cell, int threads);
  /// Unconditional rebuild.
  void build(const std::vector<Vec3>& positions, const Cell& cell, int threads);

  /// Positions with each atom's build-time cell offset applied (see top).
  /// Valid after update(); refreshed by update().
  const std::vector<Vec3>& local_positions() const { return local_; }
  /// Neighbours of atom i: entries [begin(i), end(i)) of neighbor()/shift_index().
  size_t begin(size_t i) const { return offset_[i]; }
  size_t end(size_t i) const { return offset_[i + 1]; }
  /// natoms() + 1 entries: begin(i) = offsets()[i].
  const std::vector<size_t>& offsets() const { return offset_; }
  int neighbor(size_t k) const { return j_[k]; }
  int shift_index(size_t k) const { return s_[k]; }
  const int* neighbors() const { return j_.data(); }
  const uint16_t* shift_indices() const { return s_.data(); }
  /// Current image shift vectors (refreshed by update()).
  const std::vector<Vec3>& shifts() const { return shift_; }
  size_t natoms() const { return offset_.empty() ? 0 : offset_.size() - 1; }
  size_t total_pairs() const { return j_.size(); }
  long builds() const { return builds_; }
  double cutoff() const { return cutoff_; }
  double skin() const { return skin_; }

 private:
  void refresh(const std::vector<Vec3>& positions, const Cell& cell);  // local_ and shift_ for the current cell
  Vec3 lattice(int nx, int ny, int nz, const Cell& cell) const;

  double cutoff_, skin_;
  long builds_ = 0;
  bool built_ = false;
  Cell build_cell_;
  std::vector<int> img_;            // 3 per atom: build-time cell offsets
  std::vector<Vec3> local_build_;   // local positions at build time
  std::vector<Vec3> local_;         // local positions now
  std::vector<int> shift_n_;        // 3 per shift entry: image of the shift
  std::vector<Vec3> shift_build_, shift_;
  std::vector<size_t> offset_;
  std::vector<int> j_;
  std::vector<uint16_t> s_;
};

}  // namespace gb
