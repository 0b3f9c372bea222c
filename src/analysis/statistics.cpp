#include "analysis/statistics.hpp"

#include <cmath>
#include <stdexcept>

namespace gb::analysis {

double two_sided_probability(double x, int dof) {
  if (x <= 0) return 0.0;
  if (dof <= 0) return std::erf(x / std::sqrt(2.0));
  // P(|T|<x) = 1 - I_{nu/(nu+x^2)}(nu/2, 1/2); integrate the density instead
  // (Simpson on a fine grid of the substitution t = x * s, s in [0,1]); the
  // density is smooth so 2000 intervals give ~1e-10.
  const double nu = dof;
  const double c = std::exp(std::lgamma((nu + 1) / 2) - std::lgamma(nu / 2)) / std::sqrt(nu * M_PI);
  auto dens = [&](double t) { return c * std::pow(1 + t * t / nu, -(nu + 1) / 2); };
  const int n = 2000;
  const double h = x / n;
  double s = dens(0) + dens(x);
  for (int i = 1; i < n; ++i) s += (i % 2 ? 4 : 2) * dens(i * h);
  return 2.0 * s * h / 3.0;
}

double two_sided_quantile(double confidence, int dof) {
  if (!(confidence > 0 && confidence < 1)) throw std::invalid_argument("confidence must be in (0,1)");
  double lo = 0, hi = 1;
  while (two_sided_probability(hi, dof) < confidence) hi *= 2;
  for (int it = 0; it < 100; ++it) {
    const double mid = 0.5 * (lo + hi);
    (two_sided_probability(mid, dof) < confidence ? lo : hi) = mid;
  }
  return 0.5 * (lo + hi);
}

}  // namespace gb::analysis
