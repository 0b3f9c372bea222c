#include "analysis/neighbors_by_distance.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <stdexcept>
#include <string>

namespace gb::analysis {

namespace {

int floor_div(int a, int n) { return a >= 0 ? a / n : -((-a + n - 1) / n); }

/// Linked-cell search in fractional coordinates.  Cells are slabs of the
/// box's own lattice, so the search is exact for triclinic cells: an image
/// within distance r of atom i differs from it by at most r / w_d in
/// fractional coordinate d (w_d = perpendicular width), i.e. by at most
/// k_d = ceil(r n_d / w_d) cells.  Each cell offset in [-k_d, k_d] maps to a
/// distinct (cell, periodic image) pair, so no image is counted twice even
/// when 2k+1 exceeds the number of cells.
std::vector<std::vector<Neighbor>> search(const Box& box, const std::vector<Vec3>& positions, double rc) {
  if (!(rc > 0) || !std::isfinite(rc)) throw std::invalid_argument("neighbour search: cutoff must be positive");
  if (!(box.lx > 0 && box.ly > 0 && box.lz > 0)) throw std::invalid_argument("neighbour search: degenerate box");
  const size_t n = positions.size();
  const Vec3 widths = box.perpendicular_widths();
  std::array<int, 3> ncell, reach;
  for (int d = 0; d < 3; ++d) {
    ncell[d] = std::clamp(static_cast<int>(std::floor(widths[d] / rc)), 1, 256);
    reach[d] = static_cast<int>(std::ceil(rc * ncell[d] / widths[d] - 1e-12));
    reach[d] = std::max(reach[d], 1);
  }
  // Wrapped fractional coordinates and their Cartesian positions.
  std::vector<Vec3> frac(n), wrapped(n);
  std::vector<std::array<int, 3>> cell_of(n);
  std::vector<std::vector<int>> cells(static_cast<size_t>(ncell[0]) * ncell[1] * ncell[2]);
  auto cell_index = [&](int cx, int cy, int cz) { return (static_cast<size_t>(cz) * ncell[1] + cy) * ncell[0] + cx; };
  for (size_t i = 0; i < n; ++i) {
    if (!std::isfinite(positions[i].x) || !std::isfinite(positions[i].y) || !std::isfinite(positions[i].z))
      throw std::invalid_argument("neighbour search: atom #" + std::to_string(i) + " has a non-finite position");
    Vec3 s = box.to_fractional(positions[i]);
    for (int d = 0; d < 3; ++d) {
      s[d] -= std::floor(s[d]);
      if (s[d] >= 1.0) s[d] = 0.0;
    }
    frac[i] = s;
    wrapped[i] = box.to_cartesian(s);
    for (int d = 0; d < 3; ++d) cell_of[i][d] = std::min(static_cast<int>(s[d] * ncell[d]), ncell[d] - 1);
    cells[cell_index(cell_of[i][0], cell_of[i][1], cell_of[i][2])].push_back(static_cast<int>(i));
  }
  const double rc2 = rc * rc;
  std::vector<std::vector<Neighbor>> out(n);
  for (size_t i = 0; i < n; ++i) {
    auto& list = out[i];
    for (int oz = -reach[2]; oz <= reach[2]; ++oz) {
      const int cz = cell_of[i][2] + oz, iz = floor_div(cz, ncell[2]), bz = cz - iz * ncell[2];
      for (int oy = -reach[1]; oy <= reach[1]; ++oy) {
        const int cy = cell_of[i][1] + oy, iy = floor_div(cy, ncell[1]), by = cy - iy * ncell[1];
        for (int ox = -reach[0]; ox <= reach[0]; ++ox) {
          const int cx = cell_of[i][0] + ox, ix = floor_div(cx, ncell[0]), bx = cx - ix * ncell[0];
          const Vec3 shift = box.a() * ix + box.b() * iy + box.c() * iz;
          const bool same_image = ix == 0 && iy == 0 && iz == 0;
          for (int j : cells[cell_index(bx, by, bz)]) {
            if (same_image && static_cast<size_t>(j) == i) continue;
            const Vec3 d = wrapped[j] + shift - wrapped[i];
            if (d.norm2() < rc2) list.push_back({j, d, 0.0});
          }
        }
      }
    }
    std::sort(list.begin(), list.end(), [](const Neighbor& a, const Neighbor& b) {
      const double da = a.bond.norm2(), db = b.bond.norm2();
      return da != db ? da < db : a.index < b.index;
    });
  }
  return out;
}

}  // namespace

NeighborList cutoff_neighbors(const Box& box, const std::vector<Vec3>& positions, double cutoff_A) {
  return NeighborList(search(box, positions, cutoff_A));
}

NeighborList nearest_neighbors(const Box& box, const std::vector<Vec3>& positions, int count) {
  if (count < 1) throw std::invalid_argument("nearest_neighbors: count must be at least 1");
  if (positions.empty()) return NeighborList(std::vector<std::vector<Neighbor>>{});
  if (!(box.volume() > 0)) throw std::invalid_argument("nearest_neighbors: degenerate box");
  // First guess: the radius of a sphere holding ~1.5 * count atoms at the
  // mean density; grow it until every atom has enough neighbours.
  const double density = static_cast<double>(positions.size()) / box.volume();
  double rc = std::cbrt(3.0 * 1.5 * (count + 1) / (4.0 * M_PI * density));
  for (int attempt = 0;; ++attempt) {
    auto lists = search(box, positions, rc);
    bool enough = true;
    for (const auto& l : lists)
      if (static_cast<int>(l.size()) < count) {
        enough = false;
        break;
      }
    if (enough) {
      for (auto& l : lists) l.resize(count);
      return NeighborList(lists);
    }
    if (attempt > 40) throw std::runtime_error("nearest_neighbors: could not find enough neighbours");
    rc *= 1.4;
  }
}

}  // namespace gb::analysis
