#pragma once
// Vogel-Fulcher-Tammann fit:
//   time (tau, eta):  y = y0 exp(+B / (T - T0))   ->  ln y = ln y0 + B/(T - T0)
//   rate (D):         y = y0 exp(-B / (T - T0))   ->  ln y = ln y0 - B/(T - T0)
// by nonlinear least squares on ln y: GSL's trust-region Levenberg-Marquardt
// (gsl_multifit_nlinear) in (ln y0, B, v) with T0 = min T - e^v, so T0 stays
// below the coldest point.  The start is the best point of a coarse scan of
// T0 (for fixed T0 the model is a straight line, fitted by THE line fit).
// The covariance of (ln y0, B, T0) is gsl_multifit_nlinear_covar of the
// Jacobian at the optimum, (J^T W J)^-1, scaled by the same convention as the
// line fit (analysis/linear_fit.hpp): s^2 = RSS/(n-3) without per-point
// errors (Student's t, n-3 dof), max(1, RSS/(n-3)) with them (normal law).
// An optimum at T0 <= 0 is reported at the bound T0 = 0 (Arrhenius-like data).
#include <vector>

#include "analysis/arrhenius_fit.hpp"

namespace gb::analysis {

struct VftFit {
  ArrheniusKind kind = ArrheniusKind::kTime;
  ParameterEstimate ln_prefactor;  // ln y0
  ParameterEstimate B_K;           // K
  ParameterEstimate T0_K;          // K
  double prefactor = 0.0;          // y0
  double covariance[3][3] = {};    // (ln y0, B, T0)
  bool T0_at_bound = false;        // optimum at T0 = 0: data are Arrhenius-like, T0 not determined
  int points = 0, dof = 0;
  double rss = 0.0;
  double confidence = 0.95;
  bool absolute_sigma = false;

  double predict_ln(double T_K) const;
};

/// >= 4 points (3 with sigma_y).  Throws gb::InputError.
VftFit fit_vft(const std::vector<double>& T_K, const std::vector<double>& y, const std::vector<double>& sigma_y,
               ArrheniusKind kind, double confidence = 0.95);

}  // namespace gb::analysis
