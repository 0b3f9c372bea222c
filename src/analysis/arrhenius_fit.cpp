#include "analysis/arrhenius_fit.hpp"

#include <armadillo>
#include <cmath>

#include "analysis/statistics.hpp"
#include "core/error.hpp"
#include "core/units.hpp"

namespace gb::analysis {

double ArrheniusFit::predict_ln(double T_K) const {
  const double x = 1.0 / (units::kBoltzmannEVPerK * T_K);
  const double s = kind == ArrheniusKind::kRate ? -1.0 : 1.0;
  return ln_prefactor.value + s * activation_energy_eV.value * x;
}

ArrheniusFit fit_arrhenius(const std::vector<double>& T, const std::vector<double>& y,
                           const std::vector<double>& sigma_y, ArrheniusKind kind, double confidence) {
  const size_t n = T.size();
  const bool weighted = !sigma_y.empty();
  if (y.size() != n || (weighted && sigma_y.size() != n))
    throw InputError("Arrhenius fit: temperature, value and error columns differ in length");
  if (n < (weighted ? 2u : 3u))
    throw InputError("Arrhenius fit: need at least " + std::string(weighted ? "2" : "3") + " points, got " +
                     std::to_string(n));
  arma::mat X(n, 2);
  arma::vec Y(n), W(n, arma::fill::ones);
  for (size_t i = 0; i < n; ++i) {
    if (!(T[i] > 0)) throw InputError("Arrhenius fit: temperature must be positive, point " + std::to_string(i + 1));
    if (!(y[i] > 0)) throw InputError("Arrhenius fit: values must be positive (log taken), point " + std::to_string(i + 1));
    X(i, 0) = 1.0;
    X(i, 1) = 1.0 / (units::kBoltzmannEVPerK * T[i]);
    Y(i) = std::log(y[i]);
    if (weighted) {
      if (!(sigma_y[i] > 0)) throw InputError("Arrhenius fit: errors must be positive, point " + std::to_string(i + 1));
      const double s_ln = sigma_y[i] / y[i];  // error of ln y, first order
      W(i) = 1.0 / (s_ln * s_ln);
    }
  }
  const arma::mat XtW = X.t() * arma::diagmat(W);
  const arma::mat A = XtW * X;
  arma::mat Ainv;
  if (!arma::inv_sympd(Ainv, A)) throw InputError("Arrhenius fit: temperatures must not all be equal");
  const arma::vec beta = Ainv * (XtW * Y);
  const arma::vec r = Y - X * beta;
  ArrheniusFit f;
  f.kind = kind;
  f.points = static_cast<int>(n);
  f.dof = static_cast<int>(n) - 2;
  f.rss = arma::dot(r % W, r);
  f.confidence = confidence;
  f.absolute_sigma = weighted;
  arma::mat cov = Ainv;
  if (!weighted) cov *= f.rss / f.dof;
  const double q = two_sided_quantile(confidence, weighted ? 0 : f.dof);
  const double s = kind == ArrheniusKind::kRate ? -1.0 : 1.0;
  auto est = [&](double v, double var) {
    ParameterEstimate e;
    e.value = v;
    e.sigma = std::sqrt(std::max(0.0, var));
    e.ci_low = v - q * e.sigma;
    e.ci_high = v + q * e.sigma;
    return e;
  };
  f.ln_prefactor = est(beta(0), cov(0, 0));
  f.activation_energy_eV = est(s * beta(1), cov(1, 1));
  f.prefactor = std::exp(beta(0));
  f.covariance_Ea_lnA = s * cov(0, 1);
  return f;
}

}  // namespace gb::analysis
