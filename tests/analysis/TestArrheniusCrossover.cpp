// T_A: Arrhenius above 1000 K, a known departure below it; the 10 % criterion
// crosses where c (1000 - T)^2 = ln 1.1.
#include <gtest/gtest.h>

#include <cmath>

#include "analysis/arrhenius_crossover.hpp"
#include "core/units.hpp"

using namespace gb::analysis;

TEST(ArrheniusCrossover, FindsTheKnownDeparture) {
  const double c = 4e-5;  // ln-deviation per K^2 below 1000 K
  std::vector<double> T, y;
  for (double t = 2000; t >= 600; t -= 20) {
    T.push_back(t);
    const double dev = t < 1000 ? c * (1000 - t) * (1000 - t) : 0.0;
    y.push_back(1e-2 * std::exp(0.45 / (gb::units::kBoltzmannEVPerK * t) + dev));
  }
  const auto r = find_arrhenius_crossover(T, y, ArrheniusKind::kTime);
  ASSERT_TRUE(r.found);
  const double expected = 1000 - std::sqrt(std::log(1.1) / c);  // 951.2 K
  // Linear interpolation of a quadratic between grid points 20 K apart: error < 1 K.
  EXPECT_NEAR(r.T_A_K, expected, 1.0);
  EXPECT_NEAR(r.high_T_fit.activation_energy_eV.value, 0.45, 1e-3);  // window may include a few barely-deviating points
  EXPECT_NE(r.criterion.find("10.0%"), std::string::npos);
}

TEST(ArrheniusCrossover, PureArrheniusHasNoCrossover) {
  std::vector<double> T, y;
  for (double t = 2000; t >= 600; t -= 100) T.push_back(t), y.push_back(std::exp(-0.3 / (gb::units::kBoltzmannEVPerK * t)));
  EXPECT_FALSE(find_arrhenius_crossover(T, y, ArrheniusKind::kRate).found);
}
