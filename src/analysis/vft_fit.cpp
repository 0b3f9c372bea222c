#include "analysis/vft_fit.hpp"

#include <algorithm>
#include <armadillo>
#include <cmath>

#include "analysis/statistics.hpp"
#include "core/error.hpp"

namespace gb::analysis {

double VftFit::predict_ln(double T) const {
  const double s = kind == ArrheniusKind::kRate ? -1.0 : 1.0;
  return ln_prefactor.value + s * B_K.value / (T - T0_K.value);
}

namespace {

struct Profile {
  double rss, lnA, slope;
};

// Weighted linear fit of Y on x = 1/(T - T0) for fixed T0.
Profile profile(const arma::vec& T, const arma::vec& Y, const arma::vec& W, double T0) {
  const arma::vec x = 1.0 / (T - T0);
  const double sw = arma::sum(W), mx = arma::dot(W, x) / sw, my = arma::dot(W, Y) / sw;
  const arma::vec dx = x - mx, dy = Y - my;
  const double b = arma::dot(W % dx, dy) / arma::dot(W % dx, dx);
  const double a = my - b * mx;
  const arma::vec r = Y - a - b * x;
  return {arma::dot(W % r, r), a, b};
}

}  // namespace

VftFit fit_vft(const std::vector<double>& Tv, const std::vector<double>& yv, const std::vector<double>& sv,
               ArrheniusKind kind, double confidence) {
  const size_t n = Tv.size();
  const bool weighted = !sv.empty();
  if (yv.size() != n || (weighted && sv.size() != n))
    throw InputError("VFT fit: temperature, value and error columns differ in length");
  if (n < (weighted ? 3u : 4u))
    throw InputError("VFT fit: need at least " + std::string(weighted ? "3" : "4") + " points, got " +
                     std::to_string(n));
  arma::vec T(n), Y(n), W(n, arma::fill::ones);
  for (size_t i = 0; i < n; ++i) {
    if (!(Tv[i] > 0)) throw InputError("VFT fit: temperature must be positive, point " + std::to_string(i + 1));
    if (!(yv[i] > 0)) throw InputError("VFT fit: values must be positive (log taken), point " + std::to_string(i + 1));
    T(i) = Tv[i];
    Y(i) = std::log(yv[i]);
    if (weighted) {
      if (!(sv[i] > 0)) throw InputError("VFT fit: errors must be positive, point " + std::to_string(i + 1));
      W(i) = std::pow(yv[i] / sv[i], 2);
    }
  }
  if (T.max() - T.min() <= 0) throw InputError("VFT fit: temperatures must not all be equal");
  const double tmin = T.min();
  // Grid scan of the profile RSS over T0 in [0, tmin), denser near tmin
  // where the model changes fastest, then golden-section refinement.
  const int ngrid = 400;
  auto t0_at = [&](int k) { return tmin * (1.0 - std::pow(1.0 - static_cast<double>(k) / ngrid, 2)); };
  int best = 0;
  double best_rss = profile(T, Y, W, 0.0).rss;
  for (int k = 1; k < ngrid; ++k) {
    const double r = profile(T, Y, W, t0_at(k)).rss;
    if (r < best_rss) best_rss = r, best = k;
  }
  double a = t0_at(std::max(0, best - 1)), b = t0_at(std::min(ngrid - 1, best + 1));
  const double g = (std::sqrt(5.0) - 1) / 2;
  double c = b - g * (b - a), d = a + g * (b - a);
  double fc = profile(T, Y, W, c).rss, fd = profile(T, Y, W, d).rss;
  for (int it = 0; it < 200 && b - a > 1e-12 * tmin; ++it) {
    if (fc < fd) {
      b = d, d = c, fd = fc, c = b - g * (b - a), fc = profile(T, Y, W, c).rss;
    } else {
      a = c, c = d, fc = fd, d = a + g * (b - a), fd = profile(T, Y, W, d).rss;
    }
  }
  double T0 = 0.5 * (a + b);
  if (profile(T, Y, W, 0.0).rss <= profile(T, Y, W, T0).rss) T0 = 0.0;
  const Profile p = profile(T, Y, W, T0);
  const double s = kind == ArrheniusKind::kRate ? -1.0 : 1.0;
  VftFit f;
  f.kind = kind;
  f.points = static_cast<int>(n);
  f.dof = static_cast<int>(n) - 3;
  f.rss = p.rss;
  f.confidence = confidence;
  f.absolute_sigma = weighted;
  f.T0_at_bound = T0 <= 0.0;
  const double B = s * p.slope;
  // Jacobian of ln y = lnA + s B/(T-T0) in (lnA, B, T0).
  arma::mat J(n, 3);
  for (size_t i = 0; i < n; ++i) {
    const double u = 1.0 / (T(i) - T0);
    J(i, 0) = 1.0;
    J(i, 1) = s * u;
    J(i, 2) = s * B * u * u;
  }
  arma::mat cov;
  if (!arma::inv_sympd(cov, J.t() * arma::diagmat(W) * J)) {
    cov.set_size(3, 3);
    cov.fill(arma::datum::nan);
  }
  if (!weighted) cov *= f.rss / std::max(1, f.dof);
  const double q = two_sided_quantile(confidence, weighted ? 0 : std::max(1, f.dof));
  auto est = [&](double v, double var) {
    ParameterEstimate e;
    e.value = v;
    e.sigma = std::sqrt(var);
    e.ci_low = v - q * e.sigma;
    e.ci_high = v + q * e.sigma;
    return e;
  };
  f.ln_prefactor = est(p.lnA, cov(0, 0));
  f.B_K = est(B, cov(1, 1));
  f.T0_K = est(T0, cov(2, 2));
  f.prefactor = std::exp(p.lnA);
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j) f.covariance[i][j] = cov(i, j);
  return f;
}

}  // namespace gb::analysis
