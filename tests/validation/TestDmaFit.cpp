// Arrhenius fit of DMA loss peaks and the inheritance estimate, on the
// synthetic data set of data/make_synthetic_dma.py (truth.yaml holds the
// generating parameters and the analytic standard errors of the fits).
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>

#include <yaml-cpp/yaml.h>

#include "core/error.hpp"
#include "synthetic_run.hpp"
#include "validation/dma_fit.hpp"

namespace v = gb::validation;

static std::string data(const std::string& f) {
  return gb::testing::source_dir() + "/tests/validation/data/" + f;
}

static v::Reference field(const std::string& name) {
  v::Reference r;
  r.id = name;
  r.probe = "dma_fit";
  r.params["field"] = name;
  return r;
}

TEST(DmaFit, RecoversTheGeneratingActivationEnergies) {
  const YAML::Node truth = YAML::LoadFile(data("truth.yaml"));
  v::DmaOptions o;
  o.dma_csv = data("dma-synthetic.csv");
  o.liquid_csv = data("liquid-synthetic.csv");
  o.G_inf_GPa = truth["G_inf_GPa"].as<double>();
  const auto a = v::analyse_dma(o);
  const double E = truth["E_fast_eV"].as<double>(), se = truth["se_E_fast_eV"].as<double>();
  // 4 standard errors: a correct fit lands inside with probability > 99.99%.
  EXPECT_NEAR(a.fast.E_eV, E, 4 * se);
  // The fit's own error estimate must be of the analytic size (5 points: within a factor 3).
  EXPECT_GT(a.fast.sigma_E_eV, se / 3);
  EXPECT_LT(a.fast.sigma_E_eV, se * 3);
  const double EL = truth["E_liquid_eV"].as<double>(), seL = truth["se_E_liquid_eV"].as<double>();
  ASSERT_TRUE(a.liquid);
  EXPECT_NEAR(a.liquid->E_eV, EL, 4 * seL);  // 4 standard errors, as above
  // The predicted room-temperature viscosity is the FAST law's (Fig. 3 blue
  // line) even with liquid data given: --liquid-csv must not switch the law
  // (the old code used the liquid law here, 6.49 instead of 7.80).
  const auto eta = v::dma_measurement(a, field("log10_viscosity_rt_predicted"));
  ASSERT_TRUE(eta.ok);
  EXPECT_NEAR(eta.value, std::log10(30e9) + truth["log10_tau_rt_fast_s"].as<double>(), 4 * eta.sigma);
  EXPECT_GT(std::fabs(eta.value - truth["log10_eta_rt_Pa_s"].as<double>()), 1.0);
  // Measured needs its own input (a nanoindentation relaxation time): never the fit.
  EXPECT_FALSE(v::dma_measurement(a, field("log10_viscosity_rt_measured")).ok);
  const auto ratio = v::dma_measurement(a, field("fast_over_liquid_ratio"));
  EXPECT_NEAR(ratio.value, E / EL, 4 * std::hypot(se / E, seL / EL));  // propagated 4 sigma
  EXPECT_EQ(v::dma_measurement(a, field("frequencies_match_protocol")).value, 1.0);
}

TEST(DmaFit, FastLawExtrapolationAndMaxwell) {
  const YAML::Node truth = YAML::LoadFile(data("truth.yaml"));
  v::DmaOptions o;
  o.dma_csv = data("dma-synthetic.csv");
  const auto a = v::analyse_dma(o);
  const auto tau = v::dma_measurement(a, field("log10_tau_rt_s"));
  // tau(293 K) = tau0 exp(E/kT): extrapolation 15% beyond the data in 1/T; 4 of its own sigmas.
  EXPECT_NEAR(tau.value, truth["log10_tau_rt_fast_s"].as<double>(), 4 * tau.sigma);
  EXPECT_FALSE(v::dma_measurement(a, field("log10_viscosity_rt_predicted")).ok);  // no G_inf: skip, not a guess
  EXPECT_DOUBLE_EQ(v::maxwell_viscosity_Pa_s(30e9, 1e-3), 3e7);
}

TEST(DmaFit, BadCsvNamesFileLineAndColumn) {
  const std::string dir = gb::testing::make_temp_dir("dma");
  std::ofstream(dir + "/d.csv") << "frequency_Hz,T_peak_K\n1,250\n2,abc\n";
  v::DmaOptions o;
  o.dma_csv = dir + "/d.csv";
  try {
    v::analyse_dma(o);
    FAIL();
  } catch (const gb::InputError& e) {
    EXPECT_NE(std::string(e.what()).find("d.csv:3:3: T_peak_K"), std::string::npos) << e.what();
  }
  std::ofstream(dir + "/e.csv") << "frequency_Hz,T_peak_K\n1,250\n2,255\n";
  o.dma_csv = dir + "/e.csv";
  EXPECT_THROW(v::analyse_dma(o), gb::InputError);  // 2 frequencies: no error estimate possible
}
