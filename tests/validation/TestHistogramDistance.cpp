// Distances between binned distributions (validation/histogram_distance.hpp),
// used by the w6hat fast/slow/liquid verdicts: exact values on histograms whose
// CDFs are known by construction, and the block bootstrap's interval.
#include <gtest/gtest.h>

#include <stdexcept>

#include "validation/internal/histogram_distance.hpp"

using namespace gb::validation;

TEST(HistogramDistance, ExactOnShiftedAndDisjointHistograms) {
  const Counts a{0, 10, 10, 10, 10, 0, 0, 0};  // uniform over bins 1-4
  const Counts b{0, 0, 0, 10, 10, 10, 10, 0};  // the same shape two bins right
  const Counts c{0, 0, 0, 0, 0, 0, 0, 7};      // all mass in the last bin
  // A shift by k bins of width w moves all mass by k w: W1 = k w.
  EXPECT_NEAR(wasserstein1(a, b, 0.01), 0.02, 1e-15);
  // CDFs differ by at most 2 of the 4 bins' mass.
  EXPECT_NEAR(ks_distance(a, b), 0.5, 1e-15);
  EXPECT_NEAR(ks_distance(a, c), 1.0, 1e-15);
  EXPECT_NEAR(ks_distance(a, a), 0.0, 0.0);
  // Normalisation: counts are scaled to a distribution.
  Counts a3 = a;
  for (double& x : a3) x *= 3;
  EXPECT_NEAR(wasserstein1(a, a3, 0.01), 0.0, 1e-15);
  EXPECT_THROW(ks_distance(a, Counts{1, 2}), std::invalid_argument);
}

TEST(HistogramDistance, BlockBootstrapIntervalBracketsTheDistance) {
  // Eight blocks (origins) each of a and of b (b = a shifted by two bins), with
  // block-to-block scatter in the bin weights.
  std::vector<Counts> A, B;
  for (int k = 0; k < 8; ++k) {
    const double e = (k % 3) - 1.0;  // -1, 0, +1 scatter
    A.push_back({0, 10 + e, 10 - e, 10, 10, 0, 0, 0});
    B.push_back({0, 0, 0, 10, 10 + e, 10 - e, 10, 0});
  }
  const DistanceEstimate d = bootstrap_distance(A, B, 0.01, true, 500);
  EXPECT_NEAR(d.w1, 0.02, 1e-12);  // pooled: exactly the two-bin shift
  EXPECT_LE(d.w1_lo, d.w1);
  EXPECT_GE(d.w1_hi, d.w1);
  EXPECT_GT(d.w1_lo, 0.015);  // the shift is far outside the scatter
  EXPECT_LE(d.ks_lo, d.ks);
  EXPECT_GE(d.ks_hi, d.ks);
  EXPECT_EQ(d.resamples, 500);
  // Identical blocks: every resample is distance 0.
  const DistanceEstimate z = bootstrap_distance(A, A, 0.01, true, 200);
  EXPECT_EQ(z.w1_hi, 0.0);
  EXPECT_EQ(z.ks_hi, 0.0);
  // Deterministic for a seed.
  EXPECT_EQ(bootstrap_distance(A, B, 0.01, false, 300, 7).w1_lo, bootstrap_distance(A, B, 0.01, false, 300, 7).w1_lo);
  EXPECT_THROW(bootstrap_distance(A, std::vector<Counts>(A.begin(), A.begin() + 3), 0.01, true), std::invalid_argument);
}
