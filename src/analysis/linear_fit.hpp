#pragma once
// THE straight-line fit y = a + b x of glassbench: every Arrhenius law
// (analysis/arrhenius_fit: summary.json, the relaxation-map figure, `analyze
// fit`, compare) and every validation probe fits through it, so they share
// one error convention:
//  * no per-point errors: covariance s^2 (X^T X)^-1 with s^2 = chi2/(n-2),
//    intervals from Student's t with n-2 dof;
//  * per-point 1-sigma errors: covariance (X^T W X)^-1, w = 1/sigma^2, scaled
//    by max(1, chi2/(n-2)) (Birge ratio) so scatter larger than the stated
//    errors widens the uncertainty and never narrows it; intervals from the
//    normal law.
// Solved by Armadillo (normal equations on the weighted design matrix).
#include <vector>

namespace gb::analysis {

/// One fitted parameter with its standard error and two-sided interval.
struct ParameterEstimate {
  double value = 0.0;
  double sigma = 0.0;                  // one standard error
  double ci_low = 0.0, ci_high = 0.0;  // at the fit's confidence
};

struct LineFit {
  ParameterEstimate intercept, slope;  // a, b
  double covariance_ab = 0.0;
  int points = 0, dof = 0;             // dof = points - 2
  double chi2 = 0.0;                   // sum of squared (weighted) residuals
  double scale = 1.0;                  // factor applied to (X^T W X)^-1 (see the convention above)
  bool weighted = false;               // per-point errors were used
  double confidence = 0.95;

  double at(double x) const { return intercept.value + slope.value * x; }
  /// Standard error of at(x) from the parameter covariance.
  double sigma_at(double x) const;
};

/// sigma_y: empty, or one 1-sigma error per point; if any is not a positive
/// finite number the errors are unknown and the fit is unweighted.  Needs
/// n >= 2 points (with n = 2 and no errors the uncertainties are NaN) and x
/// not all equal.  Throws gb::InputError.
LineFit fit_line(const std::vector<double>& x, const std::vector<double>& y, const std::vector<double>& sigma_y = {},
                 double confidence = 0.95);

/// v +- q sigma with q the two-sided quantile for `confidence` (Student's t with
/// `dof` degrees of freedom, dof <= 0: the normal law).
ParameterEstimate make_estimate(double value, double variance, double confidence, int dof);

}  // namespace gb::analysis
