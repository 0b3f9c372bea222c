// The statistics behind `glassbench compare`: two one-sided tests, block and
// replica errors, Wasserstein-1 and curve distances with bootstrap intervals.
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "compare/internal/distribution_distance.hpp"
#include "compare/equivalence.hpp"

using namespace gb::compare;

namespace {
Estimate est(double v, double se, int dof) {
  Estimate e;
  e.value = v;
  e.se = se;
  e.dof = dof;
  return e;
}
Margin abs_margin(double m) { return Margin{Margin::Kind::Absolute, m, "test"}; }
}  // namespace

TEST(Tost, PassFailInconclusiveFollowTheIntervalAndTheMargin) {
  // 90% interval of the difference with dof large: +-1.645 * sqrt(2) * se.
  const Equivalence pass = tost(est(10.0, 0.01, 1000), est(10.02, 0.01, 1000), abs_margin(0.1));
  EXPECT_EQ(pass.verdict, Verdict::Pass) << pass.reason;
  EXPECT_NEAR(pass.hi - pass.lo, 2 * 1.6464 * std::sqrt(2.0) * 0.01, 1e-3);
  const Equivalence fail = tost(est(10.0, 0.01, 1000), est(10.5, 0.01, 1000), abs_margin(0.1));
  EXPECT_EQ(fail.verdict, Verdict::Fail) << fail.reason;
  // Same difference, error too large to decide.
  const Equivalence wide = tost(est(10.0, 0.2, 1000), est(10.02, 0.2, 1000), abs_margin(0.1));
  EXPECT_EQ(wide.verdict, Verdict::Inconclusive) << wide.reason;
  // Few replicas: Student's t widens the interval (dof 2: t_0.95 = 2.92).
  const Equivalence few = tost(est(10.0, 0.02, 2), est(10.0, 0.02, 2), abs_margin(0.1));
  EXPECT_EQ(few.verdict, Verdict::Pass);
  EXPECT_GT(few.hi, 2.0 * 0.02 * std::sqrt(2.0));  // wider than the normal interval
  // No error bar: never pass.
  EXPECT_EQ(tost(est(10.0, 0.0, 0), est(10.0, 0.0, 0), abs_margin(0.1)).verdict, Verdict::Inconclusive);
  // Relative margins scale with the values.
  const Margin rel{Margin::Kind::Relative, 0.01, "1%"};
  EXPECT_EQ(tost(est(1000, 1, 100), est(1004, 1, 100), rel).verdict, Verdict::Pass);
  EXPECT_EQ(tost(est(1000, 1, 100), est(1030, 1, 100), rel).verdict, Verdict::Fail);
}

TEST(Tost, FalsePassRateOfTwoIdenticalSourcesIsLowAndPowerIsHigh) {
  // Means of 8 replicas from one unit-variance distribution pass
  // (se of the difference 0.5, margin 2) most of the time; 4 apart they fail.
  std::mt19937_64 rng(5);
  std::normal_distribution<double> n(0.0, 1.0);
  int pass_same = 0, fail_diff = 0;
  for (int trial = 0; trial < 200; ++trial) {
    std::vector<double> a, b, c;
    for (int k = 0; k < 8; ++k) {
      a.push_back(n(rng));
      b.push_back(n(rng));
      c.push_back(n(rng) + 4.0);
    }
    const Estimate ea = mean_estimate(a, "a"), eb = mean_estimate(b, "b"), ec = mean_estimate(c, "c");
    pass_same += tost(ea, eb, abs_margin(2.0)).verdict == Verdict::Pass;
    fail_diff += tost(ea, ec, abs_margin(2.0)).verdict == Verdict::Fail;
  }
  EXPECT_GT(pass_same, 150);
  EXPECT_GT(fail_diff, 180);
}

TEST(Estimates, ReplicaAndBlockErrors) {
  const Estimate m = mean_estimate({1, 2, 3, 4}, "x");
  EXPECT_DOUBLE_EQ(m.value, 2.5);
  EXPECT_NEAR(m.se, std::sqrt(5.0 / 3.0 / 4.0), 1e-12);
  EXPECT_EQ(m.dof, 3);
  EXPECT_FALSE(mean_estimate({1}, "x").has_error());
  // A strongly correlated series (long runs of equal values): blocks see the
  // real spread, the naive error would be sqrt(100) times smaller.
  std::vector<double> s;
  for (int b = 0; b < 10; ++b)
    for (int i = 0; i < 100; ++i) s.push_back(b % 2 ? 1.0 : -1.0);
  const Estimate be = block_estimate(s, 10);
  EXPECT_EQ(be.dof, 9);
  EXPECT_NEAR(be.se, std::sqrt(10.0 / 9.0 / 10.0), 1e-12);
}

TEST(Distances, Wasserstein1AndCurveRms) {
  // W1 of a sample and its shift is the shift.
  std::vector<double> a{0.1, 0.4, 0.2, 0.9, 0.5}, b;
  for (double x : a) b.push_back(x + 0.3);
  EXPECT_NEAR(wasserstein1(a, b), 0.3, 1e-12);
  EXPECT_NEAR(wasserstein1(a, a), 0.0, 1e-15);
  // Two point masses: |x - y|.
  EXPECT_NEAR(wasserstein1({1.0, 1.0}, {3.0}), 2.0, 1e-12);
  EXPECT_NEAR(curve_rms({1, 2, 3}, {1, 2, 5}), std::sqrt(4.0 / 3.0), 1e-12);
  EXPECT_TRUE(std::isnan(wasserstein1({}, {1.0})));
}

TEST(Distances, BootstrapIntervalsCoverAndSeparate) {
  std::mt19937_64 rng(11);
  std::normal_distribution<double> n(0.0, 0.05);
  std::vector<double> a, b, c;
  for (int i = 0; i < 3000; ++i) {
    a.push_back(n(rng));
    b.push_back(n(rng));
    c.push_back(n(rng) + 0.03);
  }
  const auto same = bootstrap_wasserstein1(a, b, 300, 0.9, 1);
  const auto diff = bootstrap_wasserstein1(a, c, 300, 0.9, 1);
  EXPECT_LT(same.hi, 0.01);
  EXPECT_GT(diff.lo, 0.02);
  EXPECT_EQ(decide_distance(same.value, same.lo, same.hi, 0.01, "W1").verdict, Verdict::Pass);
  EXPECT_EQ(decide_distance(diff.value, diff.lo, diff.hi, 0.01, "W1").verdict, Verdict::Fail);
  // Reproducible from the seed.
  const auto again = bootstrap_wasserstein1(a, b, 300, 0.9, 1);
  EXPECT_EQ(again.lo, same.lo);
  EXPECT_EQ(again.hi, same.hi);
  // Curves: resampling whole curves.
  std::vector<std::vector<double>> ca, cb;
  for (int k = 0; k < 10; ++k) {
    std::vector<double> x, y;
    for (int i = 0; i < 50; ++i) {
      x.push_back(std::sin(0.2 * i) + n(rng));
      y.push_back(std::sin(0.2 * i) + 0.5 + n(rng));
    }
    ca.push_back(x);
    cb.push_back(y);
  }
  const auto cr = bootstrap_curve_rms(ca, cb, 200, 0.9, 3);
  EXPECT_NEAR(cr.value, 0.5, 0.02);
  EXPECT_LT(cr.lo, cr.value);
  EXPECT_GT(cr.hi, cr.value);
}
