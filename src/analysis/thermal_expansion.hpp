#pragma once
// Volumetric thermal expansion coefficient of a liquid from its NPT densities:
// alpha_V = -d ln(rho)/dT (1/K), the slope of a line fit of ln rho against T
// weighted by each density's error sigma_rho / rho (THE line fit,
// linear_fit.hpp: weighted when every error is a positive finite number,
// unweighted otherwise).  The one definition `validate` (probe density_trend,
// field expansion) and `compare` (thermal_expansion_per_K) share; both give
// it each stage's production-row mean and block error
// (statistics.hpp: mean_and_block_error with kThermoBlocks).
#include <vector>

namespace gb::analysis {

struct DensityPoint {
  double T_K = 0.0;
  double rho_g_cm3 = 0.0;
  double sigma_g_cm3 = 0.0;  // 1-sigma error of the mean; NaN: unknown
};

struct ThermalExpansion {
  double alpha_per_K = 0.0, sigma_per_K = 0.0;
  int points = 0, dof = 0;
  bool weighted = false;
  double T_min_K = 0.0, T_max_K = 0.0;
};

/// >= 2 points with distinct T and rho > 0; throws gb::InputError otherwise.
ThermalExpansion thermal_expansion(const std::vector<DensityPoint>& points);

}  // namespace gb::analysis
