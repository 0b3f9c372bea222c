// g(r) of an ideal gas (= 1) and of an fcc crystal (first shell of 12 at
// a/sqrt 2); self van Hove of a random walk: normalised, with second moment
// 6 D t.
#include <gtest/gtest.h>

#include "analysis/pair_distribution.hpp"
#include "analysis/van_hove.hpp"
#include "core/structure_builder.hpp"
#include "synthetic_trajectories.hpp"

using namespace gb::analysis;

namespace {
Trajectory single_frame(const gb::AtomConfig& c) {
  Trajectory t;
  t.ids = c.ids;
  t.types = c.types;
  t.positions = {c.positions};
  t.boxes = {c.box};
  t.timesteps = {0};
  t.frame_interval_ps = 1;
  return t;
}
}  // namespace

TEST(PairDistribution, IdealGasIsOne) {
  auto t = gb::testing::random_walk(2000, 20, 1.0, 50.0, 50.0, 25.0, 5);
  for (auto& f : t.positions)
    for (auto& r : f) r = t.boxes[0].wrap(r);  // uncorrelated uniform-ish points
  // Start far from uniform (walkers begin near the centre) -> use late frames only.
  GrOptions o;
  o.bin_A = 0.5;
  o.r_max_A = 10;
  Trajectory late = t;
  late.positions.assign(t.positions.begin() + 10, t.positions.end());
  late.boxes.assign(t.boxes.begin() + 10, t.boxes.end());
  const auto g = compute_gr(late, o);
  double mean = 0;
  int n = 0;
  for (size_t b = 4; b < g.r_A.size(); ++b) mean += g.g[0][b], ++n;
  // ~10^5 pairs per bin over 10 frames: 1 % statistical; 4 % is generous for bins at r >= 2 A.
  EXPECT_NEAR(mean / n, 1.0, 0.04);
  for (size_t p = 1; p < g.pairs.size(); ++p) EXPECT_NEAR(g.g[p][15], 1.0, 0.15);  // single bin, partial
}

TEST(PairDistribution, FccFirstShell) {
  const auto c = gb::fcc_structure({{"Cu", 1.0}}, {63.546}, 3.6, 5, 5, 5, 1);
  GrOptions o;
  o.bin_A = 0.01;
  const auto g = compute_gr(single_frame(c), o);
  EXPECT_NEAR(g.first_peak_A, 3.6 / std::sqrt(2.0), 0.01);  // within one bin
  // Coordination number: integral of 4 pi r^2 rho g(r) over the first shell = 12 exactly.
  const double rho = c.size() / c.box.volume();
  double cn = 0;
  for (size_t b = 0; b < g.r_A.size() && g.r_A[b] < 3.0; ++b) {
    const double r0 = b * o.bin_A, r1 = r0 + o.bin_A;
    cn += g.g[0][b] * rho * 4.0 / 3.0 * M_PI * (r1 * r1 * r1 - r0 * r0 * r0);
  }
  EXPECT_NEAR(cn, 12.0, 1e-9);  // exact count; rounding only
}

TEST(VanHove, RandomWalkMomentAndNormalisation) {
  const auto t = gb::testing::random_walk(1000, 101, 0.1, 0.5, 0.2, 30.0, 9);
  VanHoveOptions o;
  o.times_ps = {1.0, 5.0};
  o.u_max_A = 20;
  o.bin_A = 0.02;
  const auto r = compute_van_hove(t, o, {"Cu", "Zr"});
  ASSERT_EQ(r.labels, (std::vector<std::string>{"all", "Cu", "Zr"}));
  for (size_t ti = 0; ti < 2; ++ti) {
    for (size_t l = 0; l < 3; ++l) {
      double norm = 0, m2 = 0;
      for (size_t b = 0; b < r.u_A.size(); ++b) norm += r.p[ti][l][b] * o.bin_A, m2 += r.p[ti][l][b] * o.bin_A * r.u_A[b] * r.u_A[b];
      EXPECT_NEAR(norm + r.beyond[ti][l], 1.0, 1e-12);  // exact normalisation, rounding only
      const double D = l == 0 ? 0.35 : (l == 1 ? 0.5 : 0.2);
      // <u^2> = 6 D t; 500 walkers x 50 origins (correlated): ~3 % statistical, 10 % bound.
      EXPECT_NEAR(m2, 6 * D * r.t_ps[ti], 0.1 * 6 * D * r.t_ps[ti]);
    }
  }
}
