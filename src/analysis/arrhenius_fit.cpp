#include "analysis/arrhenius_fit.hpp"

#include <cmath>

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
  std::vector<double> x(n), ln_y(n), sigma_ln;
  for (size_t i = 0; i < n; ++i) {
    if (!(T[i] > 0)) throw InputError("Arrhenius fit: temperature must be positive, point " + std::to_string(i + 1));
    if (!(y[i] > 0)) throw InputError("Arrhenius fit: values must be positive (log taken), point " + std::to_string(i + 1));
    x[i] = 1.0 / (units::kBoltzmannEVPerK * T[i]);
    ln_y[i] = std::log(y[i]);
    if (weighted) {
      if (!(sigma_y[i] > 0)) throw InputError("Arrhenius fit: errors must be positive, point " + std::to_string(i + 1));
      sigma_ln.push_back(sigma_y[i] / y[i]);  // error of ln y, first order
    }
  }
  bool distinct = false;
  for (size_t i = 1; i < n; ++i) distinct = distinct || T[i] != T[0];
  if (!distinct) throw InputError("Arrhenius fit: temperatures must not all be equal");
  ArrheniusFit f;
  f.line = fit_line(x, ln_y, sigma_ln, confidence);
  const double s = kind == ArrheniusKind::kRate ? -1.0 : 1.0;
  f.kind = kind;
  f.points = f.line.points;
  f.dof = f.line.dof;
  f.rss = f.line.chi2;
  f.confidence = confidence;
  f.absolute_sigma = f.line.weighted;
  f.ln_prefactor = f.line.intercept;
  f.activation_energy_eV = f.line.slope;
  if (s < 0) {
    f.activation_energy_eV.value = -f.line.slope.value;
    f.activation_energy_eV.ci_low = -f.line.slope.ci_high;
    f.activation_energy_eV.ci_high = -f.line.slope.ci_low;
  }
  f.prefactor = std::exp(f.ln_prefactor.value);
  f.covariance_Ea_lnA = s * f.line.covariance_ab;
  return f;
}

}  // namespace gb::analysis
