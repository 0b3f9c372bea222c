// MSD and D on Gaussian random walks with known D per species; the block
// error must cover the truth at the rate its t-distribution predicts; the
// same walk read back from a wrapped dump (no image flags) gives the same MSD.
#include <gtest/gtest.h>

#include "analysis/msd.hpp"
#include "common/temp_dir.hpp"
#include "core/lammps_dump.hpp"
#include "synthetic_trajectories.hpp"

using namespace gb::analysis;

TEST(Msd, RecoversKnownDiffusionPerSpecies) {
  // D1 = 0.5, D2 = 0.1 A^2/ps; 1000 walkers x 400 frames.
  const auto t = gb::testing::random_walk(1000, 400, 0.1, 0.5, 0.1, 30.0, 42);
  const auto r = compute_msd(t, MsdOptions{}, {"Cu", "Zr"});
  ASSERT_EQ(r.labels, (std::vector<std::string>{"all", "Cu", "Zr"}));
  // Relative statistical error of D here is ~3 % (500 walkers, fit to 20 ps over ~200 origins):
  // 12 % is 4 sigma.
  EXPECT_NEAR(r.fits[1].D_A2_per_ps, 0.5, 0.5 * 0.12);
  EXPECT_NEAR(r.fits[2].D_A2_per_ps, 0.1, 0.1 * 0.12);
  EXPECT_NEAR(r.fits[0].D_A2_per_ps, 0.3, 0.3 * 0.12);
  EXPECT_TRUE(r.fits[1].diffusive) << r.fits[1].diffusive_reason << " slope " << r.fits[1].loglog_slope;
  EXPECT_NEAR(r.fits[1].loglog_slope, 1.0, 0.05);  // a pure random walk has slope 1 at every lag
  // MSD at the shortest lag (one step, every origin): 6 D dt within 4 sigma (sd ~ 0.2 %).
  EXPECT_NEAR(r.msd_A2[1][0], 6 * 0.5 * 0.1, 6 * 0.5 * 0.1 * 0.01);
  // Default fit window: the last decade keeping half the frames as origins,
  // [duration/20, duration/2] = [1.995, 19.95] ps -> whole frames: hi = 199, lo = 199/10 = 19, [1.9, 19.9] ps.
  EXPECT_NEAR(r.fits[0].fit_from_ps, 1.9, 1e-9);
  EXPECT_NEAR(r.fits[0].fit_to_ps, 19.9, 1e-9);
  EXPECT_EQ(r.fits[0].block_D_A2_per_ps.size(), 5u);
  EXPECT_GT(r.fits[0].D_error_A2_per_ps, 0.0);
}

TEST(Msd, BlockErrorCoverageOverSeeds) {
  // The standard error over 5 atom subsets is a t-statistic with 4 dof:
  // P(|D - D_true| < 2 sigma) = 0.884.  40 seeds: expected 35.4, binomial
  // sd 2.0; accept 28..40 (about -3.7 sigma; upper end is the maximum).
  int inside = 0;
  const int seeds = 40;
  for (int s = 0; s < seeds; ++s) {
    const auto t = gb::testing::random_walk(200, 250, 0.1, 0.4, 0.4, 30.0, 1000 + s);
    MsdOptions o;
    o.lags_per_decade = 3;
    const auto r = compute_msd(t, o);
    if (std::abs(r.fits[0].D_A2_per_ps - 0.4) < 2 * r.fits[0].D_error_A2_per_ps) ++inside;
  }
  EXPECT_GE(inside, 28);
}

TEST(Msd, WrappedDumpIsUnwrappedByContinuity) {
  gb::testing::TempDir d;
  const auto t = gb::testing::random_walk(50, 60, 0.1, 2.0, 2.0, 8.0, 7);  // crosses the 8 A box often
  const std::string p = d.file("wrapped.dump");
  {
    gb::DumpWriter w(p, {{"id", "type", "x", "y", "z"}, 17, false});
    for (size_t f = 0; f < t.frames(); ++f) {
      gb::DumpFrame fr;
      fr.timestep = t.timesteps[f];
      fr.box = t.boxes[f];
      fr.ids = t.ids;
      fr.types = t.types;
      fr.positions = t.positions[f];
      w.write(fr);
    }
  }
  const auto back = load_trajectory(p, {0.001, 0.0});
  EXPECT_FALSE(back.unwrapped_in_file);
  EXPECT_DOUBLE_EQ(back.frame_interval_ps, 0.1);  // 100 steps x 0.001 ps
  for (size_t f = 0; f < t.frames(); ++f)
    for (size_t a = 0; a < t.atoms(); ++a) {
      // Same displacement from frame 0 (the wrap of frame 0 is a lattice shift); rounding ~1e-13.
      const gb::Vec3 d0 = (back.positions[f][a] - back.positions[0][a]) - (t.positions[f][a] - t.positions[0][a]);
      ASSERT_LT(d0.norm(), 1e-9) << "frame " << f << " atom " << a;
    }
}

// A caged system that creeps: a random walk with D = 0.002 A^2/ps over 100 ps
// has log-log slope 1 but never leaves the cage (MSD(50 ps) = 0.6 A^2).  The
// old guard (|slope - 1| < 0.15 alone) called it diffusive (the 100 K
// post-quench stage: D = 0.039 A^2/ps at slope 0.88); the cage bound must not.
TEST(Msd, SlopeOneInsideTheCageIsNotDiffusive) {
  const auto t = gb::testing::random_walk(400, 201, 0.5, 0.002, 0.002, 30.0, 5);
  const auto r = compute_msd(t, MsdOptions{});
  EXPECT_NEAR(r.fits[0].loglog_slope, 1.0, 0.1);
  EXPECT_LT(r.fits[0].msd_end_A2, 1.0);
  EXPECT_FALSE(r.fits[0].diffusive);
  EXPECT_NE(r.fits[0].diffusive_reason.find("cage"), std::string::npos);
}

// A hot liquid seen with 0.5 ps frames: vibration (plateau p = 0.4 A^2) on top
// of diffusion D = 0.15 A^2/ps, 30 ps (the 1400 K Cu64Zr36 isotherm of issue
// 9).  The old fixed window (1.2-3 ps) saw log-slope ~0.8 and threw the stage
// away; the long-time window [1.5, 15] ps sees ~0.9 and keeps it, with D.
TEST(Msd, LongTimeWindowKeepsAShortLiquidIsotherm) {
  gb::testing::Normal n(11);
  auto t = gb::testing::random_walk(2000, 61, 0.5, 0.15, 0.15, 40.0, 12);
  const double s = std::sqrt(0.4 / 6.0);  // per-component vibration: 2 * 3 * s^2 = 0.4 A^2
  for (auto& frame : t.positions)
    for (auto& r : frame) r += gb::Vec3{s * n(), s * n(), s * n()};
  const auto r = compute_msd(t, MsdOptions{});
  EXPECT_NEAR(r.fits[0].fit_from_ps, 1.5, 1e-9);
  EXPECT_NEAR(r.fits[0].fit_to_ps, 15.0, 1e-9);
  EXPECT_TRUE(r.fits[0].diffusive) << r.fits[0].diffusive_reason;
  EXPECT_GT(r.fits[0].loglog_slope, 0.85);
  // 2000 walkers: D error ~1.5 %; 8 % is > 4 sigma.
  EXPECT_NEAR(r.fits[0].D_A2_per_ps, 0.15, 0.15 * 0.08);
}

TEST(Msd, UserWindowShorterThanADecadeIsNotDiffusive) {
  const auto t = gb::testing::random_walk(400, 201, 0.5, 0.5, 0.5, 30.0, 6);
  MsdOptions o;
  o.fit_from_ps = 10;
  o.fit_to_ps = 50;
  const auto r = compute_msd(t, o);
  EXPECT_NEAR(r.fits[0].loglog_slope, 1.0, 0.1);
  EXPECT_FALSE(r.fits[0].diffusive);
  EXPECT_NE(r.fits[0].diffusive_reason.find("decade"), std::string::npos);
}
