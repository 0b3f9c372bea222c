// Arrhenius and VFT fits recover known parameters from noisy synthetic data,
// and their reported 95 % intervals contain the truth at the nominal rate.
// With n trials and p = 0.95 the count inside is Binomial(n, 0.95): for
// n = 400, mean 380, sd 4.36; we accept 363..397 (+-3.9 sd; a wrong interval
// (e.g. normal instead of t quantile, or a factor sqrt(2) off) leaves it).
#include <gtest/gtest.h>

#include <cmath>
#include <iostream>

#include "core/error.hpp"

#include "analysis/arrhenius_fit.hpp"
#include "analysis/linear_fit.hpp"
#include "analysis/statistics.hpp"
#include "analysis/vft_fit.hpp"
#include "core/units.hpp"
#include "synthetic_trajectories.hpp"

using namespace gb::analysis;

TEST(Statistics, QuantilesMatchTables) {
  // Student-t table values (two-sided 95 %) and the normal 1.95996.
  EXPECT_NEAR(two_sided_quantile(0.95, 8), 2.306, 1e-3);
  EXPECT_NEAR(two_sided_quantile(0.95, 3), 3.182, 1e-3);
  EXPECT_NEAR(two_sided_quantile(0.95, 0), 1.95996, 1e-4);
  EXPECT_NEAR(two_sided_quantile(0.6827, 0), 1.0, 1e-3);
}

TEST(ArrheniusFit, ExactDataGiveExactParameters) {
  std::vector<double> T, y;
  for (double t = 900; t <= 2000; t += 100) {
    T.push_back(t);
    y.push_back(3.0 * std::exp(-0.63 / (gb::units::kBoltzmannEVPerK * t)));
  }
  const auto f = fit_arrhenius(T, y, {}, ArrheniusKind::kRate);
  EXPECT_NEAR(f.activation_energy_eV.value, 0.63, 1e-10);  // noiseless: rounding only
  EXPECT_NEAR(f.prefactor, 3.0, 1e-9);
}

TEST(ArrheniusFit, CoverageOfIntervalsOverSeeds) {
  const int trials = 400;
  int inside_E = 0, inside_A = 0, inside_E_abs = 0;
  const double Ea = 0.5, lnA = std::log(2.0), noise = 0.08;
  for (int s = 0; s < trials; ++s) {
    gb::testing::Normal n(500 + s);
    std::vector<double> T, y, sig;
    for (int k = 0; k < 10; ++k) {
      const double t = 800 + 130 * k;
      T.push_back(t);
      // time-like quantity: ln y = lnA + Ea/(kB T) + noise
      y.push_back(std::exp(lnA + Ea / (gb::units::kBoltzmannEVPerK * t) + noise * n()));
      sig.push_back(noise * y.back());  // absolute sigma of y (ln-y error = noise, to first order)
    }
    const auto f = fit_arrhenius(T, y, {}, ArrheniusKind::kTime);
    inside_E += f.activation_energy_eV.ci_low <= Ea && Ea <= f.activation_energy_eV.ci_high;
    inside_A += f.ln_prefactor.ci_low <= lnA && lnA <= f.ln_prefactor.ci_high;
    const auto g = fit_arrhenius(T, y, sig, ArrheniusKind::kTime);
    inside_E_abs += g.activation_energy_eV.ci_low <= Ea && Ea <= g.activation_energy_eV.ci_high;
  }
  std::cout << "[coverage] Arrhenius 95% intervals, 400 trials: E " << inside_E << ", ln A " << inside_A
            << ", E with per-point errors " << inside_E_abs << "\n";
  EXPECT_GE(inside_E, 363);
  EXPECT_LE(inside_E, 397);
  EXPECT_GE(inside_A, 363);
  EXPECT_LE(inside_A, 397);
  EXPECT_GE(inside_E_abs, 363);
  EXPECT_LE(inside_E_abs, 397);
}

TEST(VftFit, RecoversParametersAndCoverage) {
  const int trials = 400;
  const double lnA = std::log(1e-3), B = 2500, T0 = 450, noise = 0.03;
  int in_B = 0, in_T0 = 0, in_A = 0;
  double mean_T0 = 0;
  for (int s = 0; s < trials; ++s) {
    gb::testing::Normal n(9000 + s);
    std::vector<double> T, y;
    for (int k = 0; k < 12; ++k) {
      const double t = 600 + 80 * k;
      T.push_back(t);
      y.push_back(std::exp(lnA + B / (t - T0) + noise * n()));
    }
    const auto f = fit_vft(T, y, {}, ArrheniusKind::kTime);
    in_B += f.B_K.ci_low <= B && B <= f.B_K.ci_high;
    in_T0 += f.T0_K.ci_low <= T0 && T0 <= f.T0_K.ci_high;
    in_A += f.ln_prefactor.ci_low <= lnA && lnA <= f.ln_prefactor.ci_high;
    mean_T0 += f.T0_K.value / trials;
  }
  // Mean of 400 estimates: sd of one T0 estimate here is ~15 K, so the mean is good to ~1 K;
  // 5 K allows for the small nonlinear bias.
  std::cout << "[coverage] VFT 95% intervals, 400 trials: B " << in_B << ", T0 " << in_T0 << ", ln A " << in_A
            << "; mean T0 " << mean_T0 << " K\n";
  EXPECT_NEAR(mean_T0, T0, 5.0);
  // Linearised intervals of a nonlinear model: the binomial band around 95 % as for Arrhenius.
  EXPECT_GE(in_B, 363);
  EXPECT_LE(in_B, 397);
  EXPECT_GE(in_T0, 363);
  EXPECT_LE(in_T0, 397);
  EXPECT_GE(in_A, 363);
  EXPECT_LE(in_A, 397);
}

TEST(VftFit, ExactDataAndRateKind) {
  std::vector<double> T, y;
  for (int k = 0; k < 8; ++k) {
    const double t = 700 + 100 * k;
    T.push_back(t);
    y.push_back(5.0 * std::exp(-1800.0 / (t - 380.0)));  // D-like
  }
  const auto f = fit_vft(T, y, {}, ArrheniusKind::kRate);
  // Noiseless data: GSL's Levenberg-Marquardt stops at relative step 1e-12, so
  // the parameters are exact to far better than these bounds (1e-6 relative).
  EXPECT_NEAR(f.T0_K.value, 380.0, 380e-6);
  EXPECT_NEAR(f.B_K.value, 1800.0, 1800e-6);
  EXPECT_NEAR(f.prefactor, 5.0, 5e-6);
  EXPECT_FALSE(f.T0_at_bound);
}

TEST(VftFit, ArrheniusDataGiveTheBoundAtZero) {
  // Pure Arrhenius data (T0 = 0) with a little curvature the other way: the
  // optimum would be T0 < 0, which VFT does not allow: reported at the bound.
  std::vector<double> T, y;
  for (int k = 0; k < 8; ++k) {
    const double t = 700 + 100 * k;
    T.push_back(t);
    y.push_back(std::exp(-3000.0 / (t + 150.0)));
  }
  const auto f = fit_vft(T, y, {}, ArrheniusKind::kRate);
  EXPECT_TRUE(f.T0_at_bound);
  EXPECT_EQ(f.T0_K.value, 0.0);
}

TEST(LineFit, RecoversAnExactLineAndTextbookSlopeError) {
  const auto f = fit_line({1, 2, 3, 4}, {3, 5, 7, 9});
  EXPECT_NEAR(f.intercept.value, 1.0, 1e-12);  // exact data: only rounding error
  EXPECT_NEAR(f.slope.value, 2.0, 1e-12);
  // y = x + e with residuals (+1,-1,-1,+1)/10: s^2 = 0.04/2, Sxx = 5 -> var(b) = 0.004.
  const auto g = fit_line({1, 2, 3, 4}, {1.1, 1.9, 2.9, 4.1});
  EXPECT_NEAR(g.slope.sigma * g.slope.sigma, 0.004, 1e-12);  // closed form; rounding only
}

TEST(LineFit, StatedErrorsWidenWithScatterButNeverNarrow) {
  // y = 1 + 2x with residuals +-0.1: chi2 with sigma = 0.01 is 4e2 (Birge
  // ratio sqrt(chi2/dof) = 14.1), with sigma = 1 it is 4e-2 (< dof).
  const std::vector<double> x = {0, 1, 2, 3, 4, 5}, y = {1.1, 2.9, 5.1, 6.9, 9.1, 10.9};
  const auto small = fit_line(x, y, std::vector<double>(6, 0.01));
  const auto large = fit_line(x, y, std::vector<double>(6, 1.0));
  const auto none = fit_line(x, y);
  // Unweighted: s^2 (X^T X)^-1 with s^2 = chi2/4; S_xx = 17.5 -> var(b) = s^2/17.5.
  EXPECT_NEAR(none.slope.sigma, std::sqrt(none.chi2 / 4 / 17.5), 1e-12);
  // Errors much smaller than the scatter: the residuals set the scale, as without errors.
  EXPECT_NEAR(small.slope.sigma, none.slope.sigma, 1e-12);
  EXPECT_GT(small.scale, 1.0);
  // Errors much larger than the scatter: the stated errors set it (1/sqrt(17.5)), not the tiny scatter.
  EXPECT_NEAR(large.slope.sigma, 1.0 / std::sqrt(17.5), 1e-12);
  EXPECT_EQ(large.scale, 1.0);
  // Unknown errors for one point: unweighted.
  auto s = std::vector<double>(6, 1.0);
  s[2] = 0;
  EXPECT_FALSE(fit_line(x, y, s).weighted);
  EXPECT_THROW(fit_line({1, 1, 1}, {1, 2, 3}), gb::InputError);
}
