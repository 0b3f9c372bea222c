// Maxwell viscosity and the inheritance estimate (viscosity_estimates.hpp)
// on simulated Arrhenius data with known parameters.
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "analysis/internal/viscosity_estimates.hpp"
#include "core/error.hpp"
#include "core/units.hpp"

namespace a = gb::analysis;

namespace {
constexpr double kE = 0.41, kEta0 = 2e-4;  // eV, Pa s: a liquid-like law (Al90La10's E from the paper)
double eta_true(double T) { return kEta0 * std::exp(kE / (gb::units::kBoltzmannEVPerK * T)); }
const std::vector<double> kT{1400, 1500, 1600, 1700, 1800, 1900, 2000};
}  // namespace

TEST(Maxwell, ProductAndPropagatedError) {
  const auto e = a::maxwell_viscosity({30, 3}, {1.0, 0.1});  // GPa, ps
  EXPECT_NEAR(e.value, 0.03, 1e-15);                          // 30e9 Pa x 1e-12 s
  EXPECT_NEAR(e.sigma, 0.03 * std::sqrt(2.0) * 0.1, 1e-15);  // 10 % and 10 % in quadrature
}

TEST(Inheritance, ExtrapolatedViscosityCoversTheTruth) {
  // 300 simulated data sets with 5 % errors: the 95 % interval at 293 K must
  // cover the true value in ~95 % of them (binomial SD 1.3 %: accept 90-99 %).
  std::mt19937_64 rng(17);
  std::normal_distribution<double> g(0, 0.05);
  int covered = 0;
  const int sets = 300;
  const double truth = std::log10(eta_true(293));
  for (int k = 0; k < sets; ++k) {
    std::vector<double> eta, sig;
    for (double T : kT) {
      eta.push_back(eta_true(T) * std::exp(g(rng)));
      sig.push_back(0.05 * eta.back());
    }
    const auto r = a::inheritance_from_viscosity(kT, eta, sig, 293);
    if (r.ci_low_log10 <= truth && truth <= r.ci_high_log10) ++covered;
  }
  EXPECT_GE(covered, 270);
  EXPECT_LE(covered, 297);
}

TEST(Inheritance, UnweightedFitAndItsActivationEnergy) {
  std::mt19937_64 rng(2);
  std::normal_distribution<double> g(0, 0.05);
  std::vector<double> eta;
  for (double T : kT) eta.push_back(eta_true(T) * std::exp(g(rng)));
  const auto r = a::inheritance_from_viscosity(kT, eta, {}, 293);
  EXPECT_NEAR(r.activation_energy_eV, kE, 4 * r.activation_energy_sigma_eV);  // 4 standard errors
  EXPECT_LE(r.ci_low_log10, std::log10(eta_true(293)) + 1e-12);
  EXPECT_GE(r.ci_high_log10, std::log10(eta_true(293)) - 1e-12);
  EXPECT_EQ(r.points, 7);
  EXPECT_THROW(a::inheritance_from_viscosity({1400, 1500}, {1, 2}, {}, 293), gb::InputError);  // 2 points
}

TEST(Inheritance, FromDiffusionWithAnAnchorViscosity) {
  // D = D0 exp(-E/kT) shares E with eta; anchored at 2000 K the law reaches the true eta(293 K).
  std::vector<double> D, sD;
  std::mt19937_64 rng(8);
  std::normal_distribution<double> g(0, 0.03);
  for (double T : kT) {
    D.push_back(1e-8 * std::exp(-kE / (gb::units::kBoltzmannEVPerK * T)) * std::exp(g(rng)));
    sD.push_back(0.03 * D.back());
  }
  const auto r = a::inheritance_from_diffusion(kT, D, sD, 2000, {eta_true(2000), 0.05 * eta_true(2000)}, 293);
  const double truth = std::log10(eta_true(293));
  EXPECT_NEAR(r.log10_eta_Pa_s, truth, 4 * r.sigma_log10);  // 4 standard errors
  EXPECT_LT(r.ci_low_log10, truth + 2 * r.sigma_log10);
  EXPECT_THROW(a::inheritance_from_diffusion(kT, D, sD, 2000, {0, 0}, 293), gb::InputError);
}
