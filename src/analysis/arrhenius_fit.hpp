#pragma once
// Arrhenius fit of a rate-like or time-like quantity versus temperature:
//   rate (e.g. D):       y = A exp(-E_a / (k_B T))   ->  ln y = ln A - E_a x
//   time (e.g. tau, eta): y = A exp(+E_a / (k_B T))  ->  ln y = ln A + E_a x
// with x = 1/(k_B T) in 1/eV: a straight line in (x, ln y) by THE line fit
// (analysis/linear_fit.hpp) and its error convention; per-point errors
// sigma_y enter as the first-order error of ln y, sigma_y / y.
#include <string>
#include <vector>

#include "analysis/linear_fit.hpp"

namespace gb::analysis {

enum class ArrheniusKind { kRate, kTime };

struct ArrheniusFit {
  ArrheniusKind kind = ArrheniusKind::kRate;
  ParameterEstimate activation_energy_eV;
  ParameterEstimate ln_prefactor;  // ln A, A in the units of y
  double prefactor = 0.0;          // exp(ln A)
  double covariance_Ea_lnA = 0.0;
  int points = 0;
  int dof = 0;
  double rss = 0.0;                // residual sum of squares of (weighted) ln y
  double confidence = 0.95;
  bool absolute_sigma = false;     // true when per-point errors were given
  LineFit line;                    // the fit of ln y against 1/(k_B T) (slope = -E_a for rates, +E_a for times)

  /// ln y predicted at temperature T (K).
  double predict_ln(double T_K) const;
};

/// T_K and y positive, same length, >= 3 points (2 if sigma_y given).
/// sigma_y: empty or one positive error per point.  Throws gb::InputError.
ArrheniusFit fit_arrhenius(const std::vector<double>& T_K, const std::vector<double>& y,
                           const std::vector<double>& sigma_y, ArrheniusKind kind, double confidence = 0.95);

}  // namespace gb::analysis
