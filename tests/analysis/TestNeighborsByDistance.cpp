// Cutoff and N-nearest neighbour lists against brute force over explicit
// periodic images, including boxes thinner than the cutoff.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <tuple>

#include "analysis/neighbors_by_distance.hpp"
#include "order_test_structures.hpp"

using gb::Vec3;
using gb::analysis::cutoff_neighbors;
using gb::analysis::nearest_neighbors;
namespace t = gb::testing;

namespace {

/// All images j (and i's own images) within rc, by enumerating image shifts
/// -k..k in every direction with k large enough for the box.
std::vector<std::vector<std::pair<int, Vec3>>> brute(const gb::Box& box, const std::vector<Vec3>& pos, double rc) {
  const Vec3 w = box.perpendicular_widths();
  int k[3];
  for (int d = 0; d < 3; ++d) k[d] = static_cast<int>(std::ceil(rc / w[d])) + 1;
  std::vector<std::vector<std::pair<int, Vec3>>> out(pos.size());
  for (size_t i = 0; i < pos.size(); ++i)
    for (size_t j = 0; j < pos.size(); ++j)
      for (int a = -k[0]; a <= k[0]; ++a)
        for (int b = -k[1]; b <= k[1]; ++b)
          for (int c = -k[2]; c <= k[2]; ++c) {
            if (i == j && a == 0 && b == 0 && c == 0) continue;
            const Vec3 d = pos[j] + box.a() * a + box.b() * b + box.c() * c - pos[i];
            if (d.norm() < rc) out[i].push_back({static_cast<int>(j), d});
          }
  return out;
}

/// Sorted (index, rounded bond) keys for comparing lists irrespective of order.
std::vector<std::tuple<int, long, long, long>> keys(const std::vector<std::pair<int, Vec3>>& v) {
  std::vector<std::tuple<int, long, long, long>> k;
  for (auto& [j, d] : v) k.emplace_back(j, std::lround(d.x * 1e6), std::lround(d.y * 1e6), std::lround(d.z * 1e6));
  std::sort(k.begin(), k.end());
  return k;
}

}  // namespace

TEST(NeighborsByDistance, CutoffMatchesBruteForceInThinTriclinicBox) {
  // 40 atoms in a small sheared box: the 6 A cutoff exceeds half of every
  // width, so atoms see several images of each other and of themselves.
  auto cfg = t::random_dense(40, 21);
  cfg = t::tilted(cfg, 0.4 * cfg.box.lx, -0.3 * cfg.box.lx, 0.2 * cfg.box.ly);
  // Wrapped and unwrapped positions must give the same bonds: shift some atoms by lattice vectors.
  auto pos = cfg.positions;
  for (size_t i = 0; i < pos.size(); i += 3) pos[i] = pos[i] + cfg.box.a() * 2 - cfg.box.c();
  const double rc = 6.0;
  const auto nl = cutoff_neighbors(cfg.box, pos, rc);
  const auto ref = brute(cfg.box, cfg.positions, rc);
  for (size_t i = 0; i < cfg.size(); ++i) {
    std::vector<std::pair<int, Vec3>> got;
    double last = 0;
    for (auto* b = nl.begin(i); b != nl.end(i); ++b) {
      got.push_back({b->index, b->bond});
      EXPECT_GE(b->bond.norm(), last);  // sorted by length
      last = b->bond.norm();
    }
    EXPECT_EQ(keys(got), keys(ref[i])) << "atom " << i;
  }
}

TEST(NeighborsByDistance, NearestAreTheClosestOfTheCutoffList) {
  const auto cfg = t::tilted(t::random_dense(300, 22), 2.0, 1.0, -1.5);
  for (int n : {1, 8, 12, 14, 30}) {
    const auto nn = nearest_neighbors(cfg.box, cfg.positions, n);
    const auto ref = brute(cfg.box, cfg.positions, 8.0);  // 8 A holds > 30 atoms at this density
    for (size_t i = 0; i < cfg.size(); ++i) {
      ASSERT_EQ(nn.count(i), n);
      auto r = ref[i];
      ASSERT_GE(static_cast<int>(r.size()), n);
      std::sort(r.begin(), r.end(), [](auto& a, auto& b) { return a.second.norm() < b.second.norm(); });
      r.resize(n);
      std::vector<std::pair<int, Vec3>> got;
      for (auto* b = nn.begin(i); b != nn.end(i); ++b) got.push_back({b->index, b->bond});
      EXPECT_EQ(keys(got), keys(r)) << "atom " << i << " n " << n;
    }
  }
}

TEST(NeighborsByDistance, FccShellsByCutoffAndNearest) {
  const double a = 3.6;
  const auto fcc = t::fcc_crystal(a, 3);
  const auto c12 = cutoff_neighbors(fcc.box, fcc.positions, 0.5 * (a / std::sqrt(2.0) + a));  // between 1st and 2nd shell
  const auto n12 = nearest_neighbors(fcc.box, fcc.positions, 12);
  for (size_t i = 0; i < fcc.size(); ++i) {
    EXPECT_EQ(c12.count(i), 12);
    for (auto* b = n12.begin(i); b != n12.end(i); ++b) EXPECT_NEAR(b->bond.norm(), a / std::sqrt(2.0), 1e-12);  // rounding
  }
}

TEST(NeighborsByDistance, BadArgumentsAreRejected) {
  const auto cfg = t::random_dense(20, 23);
  EXPECT_THROW(cutoff_neighbors(cfg.box, cfg.positions, 0.0), std::invalid_argument);
  EXPECT_THROW(cutoff_neighbors(cfg.box, cfg.positions, NAN), std::invalid_argument);
  EXPECT_THROW(nearest_neighbors(cfg.box, cfg.positions, 0), std::invalid_argument);
  auto bad = cfg.positions;
  bad[3].y = INFINITY;
  EXPECT_THROW(cutoff_neighbors(cfg.box, bad, 3.0), std::invalid_argument);
}
