#pragma once
// Cell grid over a set of reference points in a periodic (orthogonal or
// triclinic) box, for "which reference points lie within r of this query
// point" searches in O(1) per query instead of O(N).  Used by the string-like
// atom search (query r_j(t) against every r_k(0)) and by g(r).
//
// Cells are bins in fractional coordinates, at least `cutoff` wide in every
// perpendicular direction, so the 27 cells around a query cover the cutoff
// sphere.  Distances use the minimum image, which is exact because the cutoff
// must be below half the shortest perpendicular box width (checked).
#include <vector>

#include "core/box.hpp"

namespace gb::analysis {

class PeriodicGrid {
 public:
  /// `min_cell_A` lets callers with tiny cutoffs ask for coarser cells (few
  /// atoms per cell, not millions of empty cells).  Throws
  /// std::invalid_argument if cutoff_A >= half the narrowest box width.
  PeriodicGrid(const Box& box, const std::vector<Vec3>& points, double cutoff_A, double min_cell_A = 0.0);

  /// Calls f(index, minimum-image displacement point - query, squared distance)
  /// for every reference point closer than the cutoff to `query`.
  template <class F>
  void for_each_within(const Vec3& query, F&& f) const {
    int c[3];
    cell_of(query, c);
    const double rc2 = cutoff_ * cutoff_;
    for (int i = 0; i < nx_[0]; ++i) {
      const int dx = offsets_[0][i];
      const int cx = wrap(c[0] + dx, n_[0]);
      for (int j = 0; j < nx_[1]; ++j) {
        const int cy = wrap(c[1] + offsets_[1][j], n_[1]);
        for (int k = 0; k < nx_[2]; ++k) {
          const int cz = wrap(c[2] + offsets_[2][k], n_[2]);
          const int cell = (cx * n_[1] + cy) * n_[2] + cz;
          for (int p = start_[cell]; p < start_[cell + 1]; ++p) {
            const int idx = sorted_[p];
            const Vec3 d = box_.minimum_image(points_[idx] - query);
            const double r2 = d.norm2();
            if (r2 < rc2) f(idx, d, r2);
          }
        }
      }
    }
  }

  double cutoff() const { return cutoff_; }

 private:
  static int wrap(int i, int n) { return ((i % n) + n) % n; }
  void cell_of(const Vec3& r, int* c) const;

  Box box_;
  double cutoff_;
  std::vector<Vec3> points_;
  int n_[3];             // cells per fractional axis
  int nx_[3];            // neighbour offsets per axis (3, or fewer if n < 3)
  int offsets_[3][3];
  std::vector<int> start_, sorted_;
};

}  // namespace gb::analysis
