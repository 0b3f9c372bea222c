#include "analysis/linear_fit.hpp"

#include <armadillo>
#include <cmath>
#include <limits>
#include <string>

#include "analysis/statistics.hpp"
#include "core/error.hpp"

namespace gb::analysis {

double LineFit::sigma_at(double x) const {
  const double v = intercept.sigma * intercept.sigma + x * x * slope.sigma * slope.sigma + 2 * x * covariance_ab;
  return std::sqrt(std::max(0.0, v));
}

ParameterEstimate make_estimate(double value, double variance, double confidence, int dof) {
  ParameterEstimate e;
  e.value = value;
  e.sigma = std::isnan(variance) ? variance : std::sqrt(std::max(0.0, variance));
  const double q = two_sided_quantile(confidence, dof);
  e.ci_low = value - q * e.sigma;
  e.ci_high = value + q * e.sigma;
  return e;
}

LineFit fit_line(const std::vector<double>& x, const std::vector<double>& y, const std::vector<double>& sigma_y,
                 double confidence) {
  const size_t n = x.size();
  if (y.size() != n) throw InputError("line fit: x and y columns differ in length");
  if (!sigma_y.empty() && sigma_y.size() != n) throw InputError("line fit: error column differs in length");
  if (n < 2) throw InputError("line fit: need at least 2 points, got " + std::to_string(n));
  bool weighted = sigma_y.size() == n;
  for (size_t i = 0; weighted && i < n; ++i) weighted = std::isfinite(sigma_y[i]) && sigma_y[i] > 0;
  arma::mat A(n, 2);
  arma::vec b(n);
  for (size_t i = 0; i < n; ++i) {
    if (!std::isfinite(x[i]) || !std::isfinite(y[i]))
      throw InputError("line fit: point " + std::to_string(i + 1) + " is not a finite number");
    const double w = weighted ? 1.0 / sigma_y[i] : 1.0;
    A(i, 0) = w;
    A(i, 1) = w * x[i];
    b(i) = w * y[i];
  }
  const arma::mat AtA = A.t() * A;
  arma::mat cov;
  if (arma::rcond(AtA) < 1e-14 || !arma::inv_sympd(cov, AtA)) throw InputError("line fit: x values do not vary");
  const arma::vec p = cov * (A.t() * b);
  const arma::vec r = b - A * p;
  LineFit f;
  f.points = static_cast<int>(n);
  f.dof = f.points - 2;
  f.chi2 = arma::dot(r, r);
  f.weighted = weighted;
  f.confidence = confidence;
  if (weighted)
    f.scale = f.dof > 0 ? std::max(1.0, f.chi2 / f.dof) : 1.0;
  else
    f.scale = f.dof > 0 ? f.chi2 / f.dof : std::numeric_limits<double>::quiet_NaN();
  cov *= f.scale;
  const int q_dof = weighted ? 0 : f.dof;
  f.intercept = make_estimate(p(0), cov(0, 0), confidence, q_dof);
  f.slope = make_estimate(p(1), cov(1, 1), confidence, q_dof);
  f.covariance_ab = cov(0, 1);
  return f;
}

}  // namespace gb::analysis
