// Local order sampled over many time origins with fast/slow classes per origin
// (analysis/order_mobility.hpp; issue 9: "fast/slow classification over many
// time origins, not one origin").  The trajectory is a perfect fcc crystal in
// which chosen atoms jump by one whole box length at chosen frames: the
// periodic structure never changes (every atom keeps the fcc w6hat and the
// Voronoi volume a^3/4), while the unwrapped displacement of a jumper over a
// lag is 14.44 A or 0.  So which atoms are fast at which origin is known from
// the construction alone.
#include <gtest/gtest.h>

#include <cmath>

#include "analysis/internal/order_mobility.hpp"
#include "order_test_structures.hpp"

using namespace gb;
using namespace gb::analysis;

namespace {

constexpr double kA = 3.61;       // fcc lattice constant, A
constexpr int kCells = 4;         // 256 atoms
constexpr int kFrames = 11;       // frames 0..10
constexpr double kFccW6 = -0.013161;  // ideal fcc w6hat (Steinhardt et al. 1983; references: w6hat.fcc)

// Atom a jumps (+box length in x) between frames jump_at[a]-1 and jump_at[a]; 0 = never.
Trajectory jumping_crystal(const std::vector<int>& jump_at) {
  AtomConfig c = gb::testing::fcc_crystal(kA, kCells);
  Trajectory t;
  t.ids = c.ids;
  for (size_t a = 0; a < c.size(); ++a) t.types.push_back(a % 2 == 0 ? 1 : 2);  // Cu, Zr alternating
  t.frame_interval_ps = 1.0;
  for (int f = 0; f < kFrames; ++f) {
    std::vector<Vec3> p = c.positions;
    for (size_t a = 0; a < p.size(); ++a) {
      p[a] = p[a] + Vec3{0.25 * kA / 2, 0.25 * kA / 2, 0.25 * kA / 2};  // off the box faces
      if (jump_at[a] > 0 && f >= jump_at[a]) p[a].x += c.box.lx;
    }
    t.positions.push_back(p);
    t.boxes.push_back(c.box);
    t.timesteps.push_back(f);
  }
  return t;
}

std::vector<int> jump_schedule() {
  std::vector<int> j(static_cast<size_t>(4 * kCells * kCells * kCells), 0);
  for (int a = 0; a < 4; ++a) j[a] = 1;    // fast over [0, 2] only
  for (int a = 4; a < 12; ++a) j[a] = 5;   // fast over [3, 5], [4, 6]
  for (int a = 12; a < 14; ++a) j[a] = 9;  // fast over [7, 9], [8, 10]
  return j;
}

const OrderSampleGroup& group(const OrderSampling& s, const std::string& sp, const std::string& mob) {
  for (const auto& g : s.groups)
    if (g.species == sp && g.mobility == mob) return g;
  throw std::runtime_error("no group " + sp + "/" + mob);
}

std::vector<size_t> sizes(const OriginSamples& o) {
  std::vector<size_t> n;
  for (const auto& v : o.per_origin) n.push_back(v.size());
  return n;
}

}  // namespace

TEST(OrderSampling, FastAtomsAreClassifiedAtEveryOrigin) {
  const Trajectory t = jumping_crystal(jump_schedule());
  OrderSamplingOptions o;
  o.max_origins = 5;
  o.lag_frames = 2;
  o.fast_threshold_A = 2.0;
  const OrderSampling s = sample_order(t, {"Cu", "Zr"}, o);
  // Origins spread evenly over [0, frames - 1 - lag] = [0, 8].
  EXPECT_EQ(s.origins, (std::vector<int>{0, 2, 4, 6, 8}));
  // Fast at origin o when o < jump <= o + 2: 4 atoms at 0, 8 at 4, 2 at 8.
  EXPECT_EQ(sizes(group(s, "all", "fast").w6hat), (std::vector<size_t>{4, 0, 8, 0, 2}));
  EXPECT_EQ(sizes(group(s, "all", "slow").w6hat), (std::vector<size_t>{252, 256, 248, 256, 254}));
  // Jumpers alternate Cu, Zr: half of each origin's fast atoms are Cu.
  EXPECT_EQ(sizes(group(s, "Cu", "fast").w6hat), (std::vector<size_t>{2, 0, 4, 0, 1}));
  EXPECT_EQ(sizes(group(s, "Zr", "all").w6hat), (std::vector<size_t>{128, 128, 128, 128, 128}));
  // The structure is perfect fcc at every origin, whatever the mobility.
  for (double w : group(s, "all", "fast").w6hat.pooled()) EXPECT_NEAR(w, kFccW6, 1e-5);
  for (double v : group(s, "all", "slow").volume_A3.pooled()) EXPECT_NEAR(v, kA * kA * kA / 4, 1e-9);
  // Per-origin means and their standard error: identical origins -> sem 0;
  // an origin without fast atoms has no mean.
  const auto m = group(s, "all", "fast").w6hat.origin_means();
  ASSERT_EQ(m.size(), 5u);
  EXPECT_TRUE(std::isnan(m[1]) && std::isnan(m[3]));
  EXPECT_NEAR(block_standard_error(group(s, "all", "all").w6hat.origin_means()), 0.0, 1e-12);
}

TEST(OrderSampling, FirstFrameLeavesTheStartOut) {
  const Trajectory t = jumping_crystal(jump_schedule());
  OrderSamplingOptions o;
  o.max_origins = 10;
  o.lag_frames = 2;
  o.first_frame = 5;  // e.g. the second half of a stage still equilibrating
  const OrderSampling s = sample_order(t, {"Cu", "Zr"}, o);
  EXPECT_EQ(s.origins, (std::vector<int>{5, 6, 7, 8}));  // every frame in [5, 8], fewer than max_origins
  EXPECT_EQ(sizes(group(s, "all", "fast").w6hat), (std::vector<size_t>{0, 0, 2, 2}));
}

TEST(OrderSampling, BlockStandardErrorOfOriginMeans) {
  // Means 1, 2, 3, 4 (and one origin without values): sd 1.29, sem = sd / 2.
  EXPECT_NEAR(block_standard_error({1, 2, 3, 4, NAN}), std::sqrt(5.0 / 3.0) / 2.0, 1e-12);
  EXPECT_TRUE(std::isnan(block_standard_error({1.0})));
}
