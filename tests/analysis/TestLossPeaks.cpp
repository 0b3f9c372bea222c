// Peaks of E''(T) with uncertainties (md_dma.hpp states the method), on
// synthetic spectra with peaks at known temperatures.
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "analysis/md_dma.hpp"
#include "core/error.hpp"

namespace a = gb::analysis;

namespace {
// Two Gaussian loss peaks, as the paper's Al90La10 (528 K and 665 K).
double spectrum(double T) {
  return 1.0 + 2.0 * std::exp(-0.5 * std::pow((T - 528) / 30, 2)) + 3.0 * std::exp(-0.5 * std::pow((T - 665) / 35, 2));
}
std::vector<double> grid() {
  std::vector<double> T;
  for (double x = 400; x <= 800; x += 20) T.push_back(x);
  return T;
}
}  // namespace

TEST(LossPeaks, FindsBothPeaksOfANoiselessSpectrum) {
  const auto T = grid();
  std::vector<double> E;
  for (double x : T) E.push_back(spectrum(x));
  const auto p = a::find_loss_peaks(T, E, {});
  ASSERT_EQ(p.size(), 2u);
  EXPECT_EQ(p[0].grid_T_K, 660);  // tallest first
  EXPECT_EQ(p[1].grid_T_K, 520);
  // Parabolic vertex on a 20 K grid: within a quarter of the grid step of the truth.
  EXPECT_NEAR(p[0].T_K, 665, 5);
  EXPECT_NEAR(p[1].T_K, 528, 5);
  EXPECT_NEAR(p[0].sigma_T_K, 20 / std::sqrt(12.0), 1e-9);  // no SEs: the grid term alone
}

TEST(LossPeaks, ErrorMatchesTheScatterOverRepeatedSpectra) {
  // 200 independent noisy spectra: the reported sigma_T must match the SD of
  // the peak positions found (calibration), and the mean must sit at the truth.
  const auto T = grid();
  const double se = 0.25;
  std::mt19937_64 rng(3);
  std::normal_distribution<double> g(0, se);
  std::vector<double> found;
  double sig_sum = 0;
  int n = 0;
  for (int rep = 0; rep < 200; ++rep) {
    std::vector<double> E, S(T.size(), se);
    for (double x : T) E.push_back(spectrum(x) + g(rng));
    const auto p = a::find_loss_peaks(T, E, S, 100 + rep);
    for (const auto& pk : p)
      if (std::fabs(pk.T_K - 665) < 50 && pk.height > 3) {
        found.push_back(pk.T_K);
        sig_sum += pk.sigma_T_K;
        ++n;
        break;
      }
  }
  ASSERT_GT(n, 180);  // the tall peak is found nearly every time
  double m = 0, ss = 0;
  for (double x : found) m += x;
  m /= n;
  for (double x : found) ss += (x - m) * (x - m);
  const double sd = std::sqrt(ss / (n - 1)), mean_sigma = sig_sum / n;
  EXPECT_NEAR(m, 665, 3 * sd / std::sqrt(n) + 5);  // statistical 3 SE + parabola bias on a 20 K grid (5 K)
  // Calibration within a factor 1.6 (the bootstrap around a noisy mean and the grid term are approximations).
  EXPECT_GT(mean_sigma, sd / 1.6);
  EXPECT_LT(mean_sigma, sd * 1.6);
}

TEST(LossPeaks, NoiseWithoutAPeakHasLowProminence) {
  // A flat spectrum plus noise has grid maxima, but none stands out: prominence
  // below 3 SE and persistence well below that of a real peak.
  const auto T = grid();
  std::mt19937_64 rng(5);
  std::normal_distribution<double> g(0, 0.1);
  std::vector<double> E, S(T.size(), 0.1);
  for (size_t i = 0; i < T.size(); ++i) E.push_back(1.0 + g(rng));
  for (const auto& p : a::find_loss_peaks(T, E, S)) {
    EXPECT_LT(p.prominence_se, 3.0) << p.grid_T_K;
    EXPECT_LT(p.persistence, 0.95) << p.grid_T_K;
  }
  std::vector<double> Ep;
  for (double x : T) Ep.push_back(spectrum(x));
  const auto real = a::find_loss_peaks(T, Ep, std::vector<double>(T.size(), 0.1));
  ASSERT_FALSE(real.empty());
  EXPECT_GT(real[0].prominence_se, 3.0);
  EXPECT_GT(real[0].persistence, 0.95);
}

TEST(LossPeaks, UnsortedInputAndBadSizes) {
  std::vector<double> T{700, 500, 600}, E{1, 1, 2};
  const auto p = a::find_loss_peaks(T, E, {});
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].grid_T_K, 600);
  EXPECT_THROW(a::find_loss_peaks({1, 2, 3}, {1, 2}, {}), gb::InputError);
  EXPECT_TRUE(a::find_loss_peaks({1, 2}, {1, 2}, {}).empty());
}
