#include "evaluator/neighbor_list.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "evaluator/parallel_for.hpp"

namespace gb {

NeighborList::NeighborList(const Box& box, const std::vector<Vec3>& positions, double cutoff, int threads) {
  if (!(box.lx > 0 && box.ly > 0 && box.lz > 0))
    throw std::invalid_argument("NeighborList: box edges must be positive");
  if (!(cutoff > 0) || !std::isfinite(cutoff)) throw std::invalid_argument("NeighborList: cutoff must be positive");
  const size_t n = positions.size();
  const Vec3 w = box.perpendicular_widths();
  const Vec3 edge[3] = {box.a(), box.b(), box.c()};
  // Fractional reach of the cutoff along each cell direction, inflated by a
  // hair so pairs at rc to rounding error are never lost to binning.
  const double reach_cut = cutoff * (1.0 + 1e-10);
  double g[3];
  int span[3];
  for (int k = 0; k < 3; ++k) {
    g[k] = reach_cut / w[k];
    span[k] = static_cast<int>(std::ceil(g[k]));
  }

  // Wrapped atoms first (image index == atom index), then their images.
  std::vector<Vec3> frac(n);
  ext_pos_.reserve(n * 2);
  for (size_t i = 0; i < n; ++i) {
    Vec3 s = box.to_fractional(positions[i]);
    bool moved = false;
    for (int k = 0; k < 3; ++k) {
      const double f = std::floor(s[k]);
      moved = moved || f != 0.0;
      s[k] -= f;
      if (s[k] >= 1.0) s[k] = 0.0, moved = true;
    }
    frac[i] = s;
    // Atoms already inside keep their exact coordinates (as in LAMMPS).
    ext_pos_.push_back(moved ? box.to_cartesian(s) : positions[i]);
    ext_owner_.push_back(static_cast<int>(i));
  }
  std::vector<Vec3> ext_frac = frac;
  for (int nx = -span[0]; nx <= span[0]; ++nx)
    for (int ny = -span[1]; ny <= span[1]; ++ny)
      for (int nz = -span[2]; nz <= span[2]; ++nz) {
        if (nx == 0 && ny == 0 && nz == 0) continue;
        const int shift[3] = {nx, ny, nz};
        const Vec3 t = edge[0] * nx + edge[1] * ny + edge[2] * nz;
        for (size_t i = 0; i < n; ++i) {
          bool inside = true;
          for (int k = 0; k < 3 && inside; ++k) {
            const double s = frac[i][k] + shift[k];
            inside = s >= -g[k] && s < 1.0 + g[k];
          }
          if (!inside) continue;
          ext_pos_.push_back(ext_pos_[i] + t);
          ext_owner_.push_back(static_cast<int>(i));
          ext_frac.push_back({frac[i].x + nx, frac[i].y + ny, frac[i].z + nz});
        }
      }

  // Bins over the extended region [-g, 1+g) in fractional space, each at
  // least g/kReach wide, so neighbours lie within kReach bins in each
  // direction (half-cutoff bins searched +-2 visit ~half the volume of
  // cutoff bins searched +-1).  The count is capped (bigger bins stay
  // correct, only slower).
  constexpr int kReach = 2;
  const size_t next = ext_pos_.size();
  int nb[3];
  double lo[3], width[3];
  const double max_bins_per_dim = std::max(3.0, std::cbrt(static_cast<double>(next)) + 1.0);
  for (int k = 0; k < 3; ++k) {
    const double extent = 1.0 + 2.0 * g[k];
    nb[k] = std::max(1, static_cast<int>(std::min(std::floor(extent * kReach / g[k]), max_bins_per_dim)));
    lo[k] = -g[k];
    width[k] = extent / nb[k];
  }
  auto bin_of = [&](const Vec3& s, int* b) {
    for (int k = 0; k < 3; ++k) b[k] = std::min(nb[k] - 1, std::max(0, static_cast<int>((s[k] - lo[k]) / width[k])));
  };
  const size_t nbins = static_cast<size_t>(nb[0]) * nb[1] * nb[2];
  std::vector<size_t> bin_start(nbins + 1, 0);
  std::vector<int> bin_index(next);
  for (size_t q = 0; q < next; ++q) {
    int b[3];
    bin_of(ext_frac[q], b);
    bin_index[q] = (b[0] * nb[1] + b[1]) * nb[2] + b[2];
    ++bin_start[bin_index[q] + 1];
  }
  for (size_t b = 0; b < nbins; ++b) bin_start[b + 1] += bin_start[b];
  std::vector<int> bin_atoms(next);
  {
    std::vector<size_t> fill(bin_start.begin(), bin_start.end() - 1);
    for (size_t q = 0; q < next; ++q) bin_atoms[fill[bin_index[q]]++] = static_cast<int>(q);
  }

  // Per-atom lists, built in parallel, then concatenated in atom order.
  const double rc2 = cutoff * cutoff;
  std::vector<std::vector<int>> per_atom(n);
  parallel_for(n, threads, [&](size_t b0, size_t b1, int) {
    for (size_t i = b0; i < b1; ++i) {
      int b[3];
      bin_of(ext_frac[i], b);
      const Vec3 xi = ext_pos_[i];
      auto& out = per_atom[i];
      for (int x = std::max(0, b[0] - kReach); x <= std::min(nb[0] - 1, b[0] + kReach); ++x)
        for (int y = std::max(0, b[1] - kReach); y <= std::min(nb[1] - 1, b[1] + kReach); ++y)
          for (int z = std::max(0, b[2] - kReach); z <= std::min(nb[2] - 1, b[2] + kReach); ++z) {
            const size_t bin = (static_cast<size_t>(x) * nb[1] + y) * nb[2] + z;
            for (size_t p = bin_start[bin]; p < bin_start[bin + 1]; ++p) {
              const int q = bin_atoms[p];
              if (q == static_cast<int>(i)) continue;
              if ((xi - ext_pos_[q]).norm2() < rc2) out.push_back(q);
            }
          }
    }
  });
  offset_.assign(n + 1, 0);
  for (size_t i = 0; i < n; ++i) offset_[i + 1] = offset_[i] + per_atom[i].size();
  entries_.resize(offset_[n]);
  for (size_t i = 0; i < n; ++i) std::copy(per_atom[i].begin(), per_atom[i].end(), entries_.begin() + offset_[i]);
}

}  // namespace gb
