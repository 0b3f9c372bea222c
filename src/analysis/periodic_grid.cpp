#include "analysis/periodic_grid.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace gb::analysis {

PeriodicGrid::PeriodicGrid(const Box& box, const std::vector<Vec3>& points, double cutoff_A, double min_cell_A)
    : box_(box), cutoff_(cutoff_A), points_(points) {
  if (!(cutoff_A > 0)) throw std::invalid_argument("PeriodicGrid: cutoff must be positive");
  const Vec3 w = box.perpendicular_widths();
  const double wmin = std::min({w.x, w.y, w.z});
  if (!(cutoff_A < 0.5 * wmin))
    throw std::invalid_argument("PeriodicGrid: cutoff " + std::to_string(cutoff_A) +
                                " A is not below half the narrowest box width " + std::to_string(wmin) + " A");
  const double cell = std::max(cutoff_A, min_cell_A);
  for (int k = 0; k < 3; ++k) {
    n_[k] = std::max(1, static_cast<int>(std::floor(w[k] / cell)));
    n_[k] = std::min(n_[k], 1024);
    // With fewer than 3 cells the -1/0/+1 neighbours repeat; visit each once.
    if (n_[k] >= 3) {
      nx_[k] = 3;
      offsets_[k][0] = -1; offsets_[k][1] = 0; offsets_[k][2] = 1;
    } else {
      nx_[k] = n_[k];
      for (int i = 0; i < n_[k]; ++i) offsets_[k][i] = i;
    }
  }
  const int ncell = n_[0] * n_[1] * n_[2];
  std::vector<int> cell_of_point(points.size());
  start_.assign(ncell + 1, 0);
  for (size_t p = 0; p < points.size(); ++p) {
    int c[3];
    cell_of(points[p], c);
    cell_of_point[p] = (c[0] * n_[1] + c[1]) * n_[2] + c[2];
    ++start_[cell_of_point[p] + 1];
  }
  for (int c = 0; c < ncell; ++c) start_[c + 1] += start_[c];
  sorted_.resize(points.size());
  std::vector<int> fill(start_.begin(), start_.end() - 1);
  for (size_t p = 0; p < points.size(); ++p) sorted_[fill[cell_of_point[p]]++] = static_cast<int>(p);
}

void PeriodicGrid::cell_of(const Vec3& r, int* c) const {
  const Vec3 s = box_.to_fractional(r);
  for (int k = 0; k < 3; ++k) {
    double f = s[k] - std::floor(s[k]);
    int i = static_cast<int>(f * n_[k]);
    c[k] = std::min(std::max(i, 0), n_[k] - 1);
  }
}

}  // namespace gb::analysis
