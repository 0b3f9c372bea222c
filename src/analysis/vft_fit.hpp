#pragma once
// Vogel-Fulcher-Tammann fit:
//   time (tau, eta):  y = y0 exp(+B / (T - T0))   ->  ln y = ln y0 + B/(T - T0)
//   rate (D):         y = y0 exp(-B / (T - T0))   ->  ln y = ln y0 - B/(T - T0)
// by nonlinear least squares on ln y.  For fixed T0 the model is linear in
// (ln y0, B), so the residual is minimised over T0 in [0, min T) by a grid
// scan plus golden-section refinement of this profile (no starting guess
// needed, no divergence); the covariance of (ln y0, B, T0) is then
// s^2 (J^T W J)^-1 at the optimum (Armadillo), J the model Jacobian —
// the usual linearised (Gauss-Newton) estimate.  Intervals: Student's t with
// n-3 dof (normal law when per-point errors are given, absolute sigma).
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
