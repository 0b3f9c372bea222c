// Fast and string-like atoms on constructed trajectories with known hops: a
// ring of four atoms that swap places, a hop across the periodic boundary,
// off-site jumps, threshold edges; and the cell-list search against a brute
// force O(N^2) search over periodic images in a triclinic box.
#include <gtest/gtest.h>

#include "analysis/string_atoms.hpp"
#include "synthetic_trajectories.hpp"

using namespace gb::analysis;
using gb::Box;
using gb::Vec3;

namespace {

constexpr double kA = 2.5;  // simple-cubic lattice spacing
constexpr int kN = 6;       // 6^3 = 216 sites, box 15 A

int site(int i, int j, int k) { return (i * kN + j) * kN + k; }

struct Lattice {
  Box box = Box::cubic(kN * kA);
  std::vector<Vec3> r0, r1;
};

// Frame 0: the lattice (plus 0.04 A noise).  Frame 1: the hops below.
Lattice constructed_hops() {
  Lattice L;
  gb::testing::Normal n(3);
  for (int i = 0; i < kN; ++i)
    for (int j = 0; j < kN; ++j)
      for (int k = 0; k < kN; ++k) L.r0.push_back({i * kA + 0.04 * n(), j * kA + 0.04 * n(), k * kA + 0.04 * n()});
  L.r1 = L.r0;
  // Ring of 4 in the z=2 plane: (1,1)->(2,1)->(2,2)->(1,2)->(1,1); each lands on the next one's old site.
  const int ring[4] = {site(1, 1, 2), site(2, 1, 2), site(2, 2, 2), site(1, 2, 2)};
  for (int m = 0; m < 4; ++m) L.r1[ring[m]] = L.r0[ring[(m + 1) % 4]] + Vec3{0.05, -0.03, 0.02};
  // Across the boundary: site (5,3,3) at x = 12.5 moves +2.5 A to x = 15 == site (0,3,3).
  L.r1[site(5, 3, 3)] = L.r0[site(5, 3, 3)] + Vec3{kA, 0, 0} + Vec3{0.0, 0.1, 0.0};
  // Off-site jump of 2.2 A along the body diagonal: fast, nearest old site 2.13 A away.
  L.r1[site(4, 4, 0)] = L.r0[site(4, 4, 0)] + Vec3{1, 1, 1} * (2.2 / std::sqrt(3.0));
  // Vibration of 1.9 A: not fast.
  L.r1[site(0, 0, 5)] = L.r0[site(0, 0, 5)] + Vec3{0, 1.9, 0};
  // Towards a neighbour, stopping 0.35 A short: fast, not string (0.35 > 0.3).
  L.r1[site(3, 0, 0)] = L.r0[site(4, 0, 0)] + Vec3{-0.35, 0, 0};
  // Towards a neighbour, stopping 0.2 A short: fast and string.
  L.r1[site(0, 5, 1)] = L.r0[site(0, 5, 2)] + Vec3{0, 0, -0.2};
  return L;
}

}  // namespace

TEST(StringAtoms, ConstructedHopsAreClassified) {
  const auto L = constructed_hops();
  std::vector<int> partner;
  const auto c = count_fast_and_string(L.box, L.r0, L.r1, StringOptions{}, &partner);
  EXPECT_EQ(c.n_fast, 8);    // 4 ring + boundary hop + diagonal + 0.35-short + 0.2-short
  EXPECT_EQ(c.n_string, 6);  // 4 ring + boundary hop + 0.2-short
  EXPECT_EQ(partner[site(1, 1, 2)], site(2, 1, 2));
  EXPECT_EQ(partner[site(1, 2, 2)], site(1, 1, 2));
  EXPECT_EQ(partner[site(5, 3, 3)], site(0, 3, 3));  // minimum image across x = 15 A
  EXPECT_EQ(partner[site(4, 4, 0)], -1);
  EXPECT_EQ(partner[site(0, 5, 1)], site(0, 5, 2));
}

TEST(StringAtoms, ThresholdsAreConfigurable) {
  const auto L = constructed_hops();
  StringOptions o;
  o.string_threshold_A = 0.4;  // now the 0.35-short atom counts too
  EXPECT_EQ(count_fast_and_string(L.box, L.r0, L.r1, o).n_string, 7);
  o.fast_threshold_A = 1.8;    // the 1.9 A vibration becomes fast (not string)
  const auto c = count_fast_and_string(L.box, L.r0, L.r1, o);
  EXPECT_EQ(c.n_fast, 9);
  EXPECT_EQ(c.n_string, 7);
}

TEST(StringAtoms, RatioOverTimeAndPeak) {
  // Frames: lattice, hops, hops held, then everything back on its own site.
  const auto L = constructed_hops();
  Trajectory t;
  t.frame_interval_ps = 0.5;
  for (size_t a = 0; a < L.r0.size(); ++a) t.ids.push_back(a + 1), t.types.push_back(1);
  t.positions = {L.r0, L.r1, L.r1, L.r0};
  t.boxes.assign(4, L.box);
  t.timesteps = {0, 1, 2, 3};
  StringOptions o;
  o.max_origins = 0;
  const auto r = compute_string_ratio(t, o);
  ASSERT_EQ(r.lag_frames, (std::vector<int>{1, 2, 3}));
  // Going back (frame 2 -> 3) the same 8 atoms are fast, but only the 4 ring
  // atoms land on a site occupied at the origin (the others return to sites
  // they themselves had vacated).  (fast, string) per origin:
  // lag 1, origins 0,1,2: (8,6), (0,0), (8,4) -> mean fast 16/3, ratio 10/16
  EXPECT_DOUBLE_EQ(r.n_fast[0], 16.0 / 3.0);
  EXPECT_DOUBLE_EQ(r.n_string[0], 10.0 / 3.0);
  EXPECT_DOUBLE_EQ(r.ratio[0], 0.625);
  // lag 2, origins 0,1: (8,6), (8,4); lag 3, origin 0: nothing moved.
  EXPECT_DOUBLE_EQ(r.ratio[1], 0.625);
  EXPECT_EQ(r.n_fast[2], 0.0);
  EXPECT_TRUE(std::isnan(r.ratio[2]));
  EXPECT_EQ(r.peak_index, 0);  // first of the tied maxima
  EXPECT_DOUBLE_EQ(r.tau_string_ps, 0.5);
  EXPECT_DOUBLE_EQ(r.peak_ratio, 0.625);
}

TEST(StringAtoms, CellListMatchesBruteForceInTriclinicBox) {
  Box box;
  box.lo = {-3, 1, 2};
  box.lx = 14;
  box.ly = 12;
  box.lz = 13;
  box.xy = 3.5;
  box.xz = -2.0;
  box.yz = 1.7;
  gb::testing::Normal n(11);
  std::vector<Vec3> r0, r1;
  for (int a = 0; a < 400; ++a) {
    const Vec3 s{0.5 + 0.3 * n(), 0.5 + 0.3 * n(), 0.5 + 0.3 * n()};  // some outside the cell: unwrapped
    r0.push_back(box.to_cartesian(s));
    r1.push_back(r0.back() + Vec3{2.5 * n(), 2.5 * n(), 2.5 * n()});
  }
  StringOptions o;
  o.string_threshold_A = 1.2;  // large, so many atoms land near some old site
  std::vector<int> partner;
  const auto c = count_fast_and_string(box, r0, r1, o, &partner);
  // Brute force: every atom pair, every periodic image within +-2 cells.
  int fast = 0, str = 0;
  for (size_t j = 0; j < r0.size(); ++j) {
    if ((r1[j] - r0[j]).norm() <= o.fast_threshold_A) continue;
    ++fast;
    bool hit = false;
    for (size_t k = 0; k < r0.size() && !hit; ++k) {
      if (k == j) continue;
      for (int i = -2; i <= 2 && !hit; ++i)
        for (int jj = -2; jj <= 2 && !hit; ++jj)
          for (int kk = -2; kk <= 2 && !hit; ++kk) {
            const Vec3 img = box.a() * i + box.b() * jj + box.c() * kk;
            if ((r1[j] - r0[k] - img).norm() < o.string_threshold_A) hit = true;
          }
    }
    str += hit;
  }
  EXPECT_GT(str, 20);  // the comparison means something
  EXPECT_EQ(c.n_fast, fast);
  EXPECT_EQ(c.n_string, str);
}

// Fast atoms that never land on another atom's old site: the ratio is zero
// at every lag, which is "no peak", not a tau_string at the first lag (the
// old code reported the first lag's time).
TEST(StringAtoms, ZeroRatioEverywhereIsNoPeak) {
  const auto L = constructed_hops();
  Trajectory t;
  t.frame_interval_ps = 0.2;
  for (size_t a = 0; a < L.r0.size(); ++a) t.ids.push_back(a + 1), t.types.push_back(1);
  // Every atom moves (1.25, 1.25, 1.0) A per frame: 2.03 A (fast), never within
  // 0.3 A of an old site (nearest after one frame 2.03 A, after two 0.5 A).
  std::vector<Vec3> r1 = L.r0, r2 = L.r0;
  for (auto& r : r1) r += Vec3{1.25, 1.25, 1.0};
  for (auto& r : r2) r += Vec3{2.5, 2.5, 2.0};
  t.positions = {L.r0, r1, r2};
  t.boxes.assign(3, L.box);
  t.timesteps = {0, 1, 2};
  StringOptions o;
  o.max_origins = 0;
  const auto r = compute_string_ratio(t, o);
  ASSERT_GT(r.n_fast[0], 1.0);
  EXPECT_EQ(r.ratio[0], 0.0);
  EXPECT_EQ(r.peak_index, -1);
  EXPECT_NE(r.no_peak_reason.find("zero at every lag"), std::string::npos);
}
