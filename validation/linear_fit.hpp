#pragma once
// Weighted straight-line fit y = a + b x (Armadillo least squares) with the
// parameter covariance, used for Arrhenius laws (ln tau vs 1/T).
#include <vector>

namespace gb::validation {

struct LineFit {
  double a = 0, b = 0;                 // intercept, slope
  double var_a = 0, var_b = 0, cov_ab = 0;
  double chi2 = 0;                     // sum of squared weighted residuals
  int n = 0;
  /// Prediction a + b x and its standard error from the covariance.
  double at(double x) const { return a + b * x; }
  double sigma_at(double x) const;
};

/// sigma_y: 1-sigma per point; empty or all-nonpositive = unweighted.  With
/// weights, the covariance is scaled by max(1, chi2/(n-2)) so scatter larger
/// than the stated errors widens the uncertainty (never narrows it); without
/// weights it is estimated from the residuals (needs n >= 3).  Throws
/// std::invalid_argument for n < 2 or identical x.
LineFit fit_line(const std::vector<double>& x, const std::vector<double>& y, const std::vector<double>& sigma_y = {});

}  // namespace gb::validation
