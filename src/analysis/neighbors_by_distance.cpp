#include "analysis/neighbors_by_distance.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

#include "analysis/internal/pair_search.hpp"

namespace gb::analysis {

namespace {

/// Full per-atom lists (each bond from both ends, every periodic image) from
/// the one pair search, sorted by distance then index.
std::vector<std::vector<Neighbor>> search(const Box& box, const std::vector<Vec3>& positions, double rc) {
  if (!(rc > 0) || !std::isfinite(rc)) throw std::invalid_argument("neighbour search: cutoff must be positive");
  if (!(box.lx > 0 && box.ly > 0 && box.lz > 0)) throw std::invalid_argument("neighbour search: degenerate box");
  for (size_t i = 0; i < positions.size(); ++i)
    if (!std::isfinite(positions[i].x) || !std::isfinite(positions[i].y) || !std::isfinite(positions[i].z))
      throw std::invalid_argument("neighbour search: atom #" + std::to_string(i) + " has a non-finite position");
  std::vector<std::vector<Neighbor>> out(positions.size());
  for_each_pair(box, positions, rc, [&](int i, int j, const Vec3& d, double) {
    out[i].push_back({j, d, 0.0});
    out[j].push_back({i, d * -1.0, 0.0});
  });
  for (auto& list : out)
    std::sort(list.begin(), list.end(), [](const Neighbor& a, const Neighbor& b) {
      const double da = a.bond.norm2(), db = b.bond.norm2();
      return da != db ? da < db : a.index < b.index;
    });
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
