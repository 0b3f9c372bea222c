#include "validation/linear_fit.hpp"

#include <armadillo>
#include <cmath>
#include <stdexcept>

namespace gb::validation {

double LineFit::sigma_at(double x) const {
  const double v = var_a + x * x * var_b + 2 * x * cov_ab;
  return std::sqrt(std::max(0.0, v));
}

LineFit fit_line(const std::vector<double>& x, const std::vector<double>& y, const std::vector<double>& sigma_y) {
  const size_t n = x.size();
  if (n != y.size()) throw std::invalid_argument("fit_line: x and y differ in length");
  if (n < 2) throw std::invalid_argument("fit_line: need at least 2 points");
  bool weighted = sigma_y.size() == n;
  if (weighted)
    for (double s : sigma_y) weighted = weighted && std::isfinite(s) && s > 0;
  arma::mat A(n, 2);
  arma::vec b(n), w(n);
  for (size_t i = 0; i < n; ++i) {
    w(i) = weighted ? 1.0 / sigma_y[i] : 1.0;
    A(i, 0) = w(i);
    A(i, 1) = w(i) * x[i];
    b(i) = w(i) * y[i];
  }
  const arma::mat AtA = A.t() * A;
  if (arma::rcond(AtA) < 1e-14) throw std::invalid_argument("fit_line: x values do not vary");
  const arma::vec p = arma::solve(AtA, A.t() * b);
  const arma::vec r = b - A * p;
  LineFit f;
  f.n = static_cast<int>(n);
  f.a = p(0);
  f.b = p(1);
  f.chi2 = arma::dot(r, r);
  arma::mat cov = arma::inv_sympd(AtA);
  const int dof = static_cast<int>(n) - 2;
  if (weighted) {
    if (dof > 0) cov *= std::max(1.0, f.chi2 / dof);
  } else {
    cov *= dof > 0 ? f.chi2 / dof : std::numeric_limits<double>::quiet_NaN();
  }
  f.var_a = cov(0, 0);
  f.var_b = cov(1, 1);
  f.cov_ab = cov(0, 1);
  return f;
}

}  // namespace gb::validation
