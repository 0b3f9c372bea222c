#include "analysis/sinusoid_fit.hpp"

#include <armadillo>
#include <cmath>

#include <fmt/format.h>

#include "core/error.hpp"

namespace gb::analysis {

SinusoidFit fit_sinusoid(const std::vector<double>& t, const std::vector<double>& sigma, double frequency) {
  const size_t n = t.size();
  if (sigma.size() != n) throw InputError(fmt::format("sinusoid fit: {} times but {} stresses", n, sigma.size()));
  if (n < 4) throw InputError(fmt::format("sinusoid fit: {} samples, need at least 4", n));
  if (!(frequency > 0)) throw InputError("sinusoid fit: frequency must be > 0");
  const double span = t.back() - t.front();
  if (!(frequency * span >= 0.5))
    throw InputError(fmt::format("sinusoid fit: the samples span {:.3g} periods; need at least half a period to "
                                 "separate the in-phase and out-of-phase parts", frequency * span));
  const double w = 2 * M_PI * frequency;
  arma::mat X(n, 3);
  arma::vec y(n);
  for (size_t i = 0; i < n; ++i) {
    X(i, 0) = 1.0;
    X(i, 1) = std::sin(w * t[i]);
    X(i, 2) = std::cos(w * t[i]);
    y(i) = sigma[i];
  }
  arma::vec beta;
  if (!arma::solve(beta, X, y)) throw InputError("sinusoid fit: singular design matrix (check the sample times)");
  const arma::vec r = y - X * beta;
  const double rss = arma::dot(r, r);
  const double s2 = rss / static_cast<double>(n - 3);
  arma::mat cov;
  if (!arma::inv_sympd(cov, X.t() * X)) cov = arma::pinv(X.t() * X);
  cov *= s2;
  SinusoidFit f;
  f.sigma0 = beta(0);
  f.a = beta(1);
  f.b = beta(2);
  f.sigma_a = std::sqrt(cov(1, 1));
  f.sigma_b = std::sqrt(cov(2, 2));
  f.cov_ab = cov(1, 2);
  f.amplitude = std::hypot(f.a, f.b);
  f.phase_rad = std::atan2(f.b, f.a);
  f.rms_residual = std::sqrt(rss / static_cast<double>(n));
  f.points = static_cast<int>(n);
  f.cycles = frequency * span;
  return f;
}

DynamicModuli dynamic_moduli(const SinusoidFit& fit, double strain_amplitude) {
  if (!(strain_amplitude > 0)) throw InputError("dynamic moduli: strain amplitude must be > 0");
  DynamicModuli m;
  m.storage = fit.a / strain_amplitude;
  m.loss = fit.b / strain_amplitude;
  m.sigma_storage = fit.sigma_a / strain_amplitude;
  m.sigma_loss = fit.sigma_b / strain_amplitude;
  m.phase_rad = fit.phase_rad;
  return m;
}

}  // namespace gb::analysis
