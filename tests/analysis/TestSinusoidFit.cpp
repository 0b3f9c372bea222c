// The MD-DMA stress fit sigma0 + sigma_A sin(2 pi f t + delta) by linear least
// squares, on synthetic signals with known parameters.
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "analysis/md_dma.hpp"
#include "analysis/sinusoid_fit.hpp"
#include "core/error.hpp"

namespace a = gb::analysis;

namespace {
// 1 GHz in 1/ps, the paper's frequency.
constexpr double kF = 1e-3;

std::vector<double> times(int n, double cycles) {
  std::vector<double> t(n);
  for (int i = 0; i < n; ++i) t[i] = cycles / kF * i / n;  // whole cycles, endpoint excluded
  return t;
}
}  // namespace

TEST(SinusoidFit, RecoversExactParameters) {
  const auto t = times(2000, 10);
  std::vector<double> s;
  for (double x : t) s.push_back(0.3 + 2.0 * std::sin(2 * M_PI * kF * x + 0.4));
  const auto f = a::fit_sinusoid(t, s, kF);
  EXPECT_NEAR(f.sigma0, 0.3, 1e-12);  // noiseless: only rounding
  EXPECT_NEAR(f.amplitude, 2.0, 1e-12);
  EXPECT_NEAR(f.phase_rad, 0.4, 1e-12);
  EXPECT_NEAR(f.cycles, 10 * 1999.0 / 2000, 1e-12);
  const auto m = a::dynamic_moduli(f, 0.01);
  EXPECT_NEAR(m.storage, 200 * std::cos(0.4), 1e-9);  // E' = sigma_A/eps_A cos(delta)
  EXPECT_NEAR(m.loss, 200 * std::sin(0.4), 1e-9);     // E'' = sigma_A/eps_A sin(delta)
}

TEST(SinusoidFit, NoisyFitErrorsHaveTheAnalyticSize) {
  // White noise s: over whole cycles var(a) = var(b) = 2 s^2 / n.
  const int n = 5000;
  const double s = 0.5;
  const auto t = times(n, 10);
  std::mt19937_64 rng(7);
  std::normal_distribution<double> g(0, s);
  std::vector<double> sig;
  for (double x : t) sig.push_back(-1.0 + 0.2 * std::sin(2 * M_PI * kF * x + 1.2) + g(rng));
  const auto f = a::fit_sinusoid(t, sig, kF);
  const double se = std::sqrt(2.0 / n) * s;
  EXPECT_NEAR(f.sigma_a, se, 0.05 * se);  // the estimate of s from 5000 residuals is good to ~1 %; 5 % margin
  EXPECT_NEAR(f.sigma_b, se, 0.05 * se);
  EXPECT_NEAR(f.a, 0.2 * std::cos(1.2), 4 * se);  // 4 standard errors
  EXPECT_NEAR(f.b, 0.2 * std::sin(1.2), 4 * se);
  EXPECT_NEAR(f.sigma0, -1.0, 4 * s / std::sqrt(n));
}

TEST(SinusoidFit, ReplicaMeanAndStandardError) {
  // 100 replicas (the paper's count), each with noise: the replica SE must
  // match the spread of the per-replica values, and the mean the truth.
  const double Ep = 30, Epp = 4;  // GPa
  const double eps = 0.01;
  const auto t = times(500, 10);
  std::mt19937_64 rng(11);
  std::normal_distribution<double> g(0, 0.05);  // GPa of stress noise
  std::vector<a::DynamicModuli> reps;
  for (int r = 0; r < 100; ++r) {
    std::vector<double> s;
    for (double x : t) {
      const double w = 2 * M_PI * kF * x;
      s.push_back(eps * (Ep * std::sin(w) + Epp * std::cos(w)) + g(rng));
    }
    reps.push_back(a::dynamic_moduli(a::fit_sinusoid(t, s, kF), eps));
  }
  const auto T = a::average_replicas(500, reps);
  EXPECT_EQ(T.replicas, 100);
  const double se = std::sqrt(2.0 / 500) * 0.05 / eps / std::sqrt(100.0);  // analytic SE of the mean
  EXPECT_NEAR(T.storage, Ep, 4 * se);
  EXPECT_NEAR(T.loss, Epp, 4 * se);
  EXPECT_NEAR(T.loss_se, se, 0.25 * se);  // SD of 100 values is good to ~7 %; 25 % margin
  EXPECT_NEAR(T.phase_rad, std::atan2(Epp, Ep), 4 * se / Ep);
  EXPECT_TRUE(std::isnan(a::average_replicas(500, {reps[0]}).loss_se));  // one replica: no error
}

TEST(SinusoidFit, RefusesTooShortOrTooFewSamples) {
  EXPECT_THROW(a::fit_sinusoid({0, 1, 2}, {0, 1, 2}, kF), gb::InputError);
  const auto t = times(100, 0.2);  // a fifth of a period: sin and cos not separable
  EXPECT_THROW(a::fit_sinusoid(t, std::vector<double>(t.size(), 1.0), kF), gb::InputError);
  EXPECT_THROW(a::fit_sinusoid(times(10, 2), std::vector<double>(9, 1.0), kF), gb::InputError);
  EXPECT_THROW(a::average_replicas(300, {}), gb::InputError);
}
