// Green-Kubo viscosity (green_kubo.hpp) on synthetic stress series whose
// autocorrelation is known exactly: each traceless component an AR(1)
// (discrete Ornstein-Uhlenbeck) process x' = phi x + sqrt(1-phi^2) s xi, so
// ACF(k) = s^2 phi^k and the trapezoidal integral is s^2 dt (1/(1-phi) - 1/2).
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "analysis/green_kubo.hpp"
#include "core/error.hpp"

namespace a = gb::analysis;

namespace {
struct Truth {
  double s_bar = 3000, dt_ps = 0.01, tau_ps = 0.1, V_A3 = 10000, T_K = 2000;
  double phi() const { return std::exp(-dt_ps / tau_ps); }
  double eta() const { return a::green_kubo_factor(V_A3, T_K) * s_bar * s_bar * dt_ps * (1 / (1 - phi()) - 0.5); }
  double G_GPa() const { return a::green_kubo_factor(V_A3, T_K) / 1e-12 * s_bar * s_bar * 1e-9; }
};

a::StressSeries synthetic(const Truth& tr, size_t n, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> g(0, 1);
  const double phi = tr.phi(), c = std::sqrt(1 - phi * phi) * tr.s_bar;
  double x[5];
  for (double& v : x) v = tr.s_bar * g(rng);
  a::StressSeries s;
  s.source = "synthetic";
  for (size_t i = 0; i < n; ++i) {
    const double p_iso = 500 + 800 * g(rng);  // mean pressure and its own noise: must not leak in
    s.steps.push_back(static_cast<long>(i));
    s.time_ps.push_back(i * tr.dt_ps);
    // (pxx-pyy)/2 = x3, (pyy-pzz)/2 = x4
    s.p_bar[1].push_back(p_iso);
    s.p_bar[0].push_back(p_iso + 2 * x[3]);
    s.p_bar[2].push_back(p_iso - 2 * x[4]);
    s.p_bar[3].push_back(x[0]);
    s.p_bar[4].push_back(x[1]);
    s.p_bar[5].push_back(x[2]);
    s.volume_A3.push_back(tr.V_A3);
    s.temperature_K.push_back(tr.T_K);
    for (double& v : x) v = phi * v + c * g(rng);
  }
  return s;
}
}  // namespace

TEST(GreenKubo, AutocorrelationEqualsTheDirectSum) {
  std::mt19937_64 rng(1);
  std::normal_distribution<double> g(0, 1);
  std::vector<double> x(1000);
  for (double& v : x) v = g(rng) + 0.3;
  const auto c = a::autocorrelation(x, 50);
  for (size_t k = 0; k <= 50; k += 7) {
    double d = 0;
    for (size_t i = 0; i + k < x.size(); ++i) d += x[i] * x[i + k];
    d /= static_cast<double>(x.size() - k);
    EXPECT_NEAR(c[k], d, 1e-12 * std::fabs(d) + 1e-12);  // FFT vs direct sum: rounding only
  }
}

TEST(GreenKubo, RecoversTheKnownViscosityAndModulus) {
  const Truth tr;
  const auto r = a::green_kubo({synthetic(tr, 100000, 42)});
  ASSERT_TRUE(r.cutoff_found);
  EXPECT_EQ(r.blocks, 5);
  // 4 standard errors, plus 3 % for the truncation at the noise floor (the
  // tail beyond t_c is ~2 SE of the ACF times tau: ~1.5 % here).
  EXPECT_NEAR(r.eta_Pa_s, tr.eta(), 4 * r.eta_se_Pa_s + 0.03 * tr.eta());
  EXPECT_LT(r.eta_se_Pa_s, 0.1 * tr.eta());  // 1000 ps of a 0.1 ps process: a few % error
  EXPECT_NEAR(r.G_inf_GPa, tr.G_GPa(), 4 * r.G_inf_se_GPa);
  EXPECT_GT(r.cutoff_ps, 2 * tr.tau_ps);  // not cut inside the decay
  EXPECT_LT(r.cutoff_ps, 10 * tr.tau_ps);
  EXPECT_NEAR(r.temperature_K, 2000, 1e-9);
  // Doubling the data must shrink the relative error by ~sqrt(2): the cost projection rests on this.
  const double need = r.length_for_relative_error_ps(0.1);
  EXPECT_NEAR(need, r.total_length_ps * std::pow(r.eta_se_Pa_s / r.eta_Pa_s / 0.1, 2), 1e-9 * need);
}

TEST(GreenKubo, ErrorBarMatchesTheScatterOfIndependentRuns) {
  const Truth tr;
  std::vector<double> eta;
  double se_sum = 0;
  const int runs = 40;
  for (int k = 0; k < runs; ++k) {
    const auto r = a::green_kubo({synthetic(tr, 20000, 1000 + k)});
    eta.push_back(r.eta_Pa_s);
    se_sum += r.eta_se_Pa_s;
  }
  double m = 0, ss = 0;
  for (double e : eta) m += e;
  m /= runs;
  for (double e : eta) ss += (e - m) * (e - m);
  const double sd = std::sqrt(ss / (runs - 1)), se_mean = se_sum / runs;
  // The block SE of one run must describe the scatter between runs: factor 1.5
  // (an SD from 40 runs is good to ~11 %; 5-block SEs are biased low by ~6 %).
  EXPECT_GT(se_mean, sd / 1.5);
  EXPECT_LT(se_mean, sd * 1.5);
  EXPECT_NEAR(m, tr.eta(), 4 * sd / std::sqrt(runs) + 0.03 * tr.eta());  // as above: 4 SE + truncation
}

TEST(GreenKubo, ReplicasPoolAsBlocks) {
  const Truth tr;
  const auto r = a::green_kubo({synthetic(tr, 20000, 1), synthetic(tr, 20000, 2), synthetic(tr, 20000, 3)});
  EXPECT_EQ(r.blocks, 15);
  EXPECT_NEAR(r.total_length_ps, 600, 1e-9);
  EXPECT_NEAR(r.eta_Pa_s, tr.eta(), 4 * r.eta_se_Pa_s + 0.03 * tr.eta());  // 4 SE + truncation
}

TEST(GreenKubo, RefusesUnusableInput) {
  const Truth tr;
  EXPECT_THROW(a::green_kubo({}), gb::InputError);
  EXPECT_THROW(a::green_kubo({synthetic(tr, 15, 1)}), gb::InputError);  // 3 samples per block
  a::GreenKuboOptions one;
  one.blocks = 1;
  EXPECT_THROW(a::green_kubo({synthetic(tr, 1000, 1)}, one), gb::InputError);  // no error possible
  auto other = synthetic(tr, 1000, 2);
  for (double& t : other.time_ps) t *= 2;
  EXPECT_THROW(a::green_kubo({synthetic(tr, 1000, 1), other}), gb::InputError);  // two intervals
}
