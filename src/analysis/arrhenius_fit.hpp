#pragma once
// Arrhenius fit of a rate-like or time-like quantity versus temperature:
//   rate (e.g. D):       y = A exp(-E_a / (k_B T))   ->  ln y = ln A - E_a x
//   time (e.g. tau, eta): y = A exp(+E_a / (k_B T))  ->  ln y = ln A + E_a x
// with x = 1/(k_B T) in 1/eV, by (weighted) linear least squares on ln y
// (Armadillo).  Uncertainties: without per-point errors the residual scatter
// sets the scale (covariance s^2 (X^T X)^-1, s^2 = RSS/(n-2), intervals from
// Student's t with n-2 dof); with per-point errors sigma_y the covariance is
// (X^T W X)^-1 with w = (y/sigma_y)^2 and intervals from the normal law.
#include <string>
#include <vector>

namespace gb::analysis {

enum class ArrheniusKind { kRate, kTime };

struct ParameterEstimate {
  double value = 0.0;
  double sigma = 0.0;              // one standard error
  double ci_low = 0.0, ci_high = 0.0;  // at FitSummary::confidence
};

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

  /// ln y predicted at temperature T (K).
  double predict_ln(double T_K) const;
};

/// T_K and y positive, same length, >= 3 points (2 if sigma_y given).
/// sigma_y: empty or one positive error per point.  Throws gb::InputError.
ArrheniusFit fit_arrhenius(const std::vector<double>& T_K, const std::vector<double>& y,
                           const std::vector<double>& sigma_y, ArrheniusKind kind, double confidence = 0.95);

}  // namespace gb::analysis
