#include "analysis/arrhenius_crossover.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "core/error.hpp"

namespace gb::analysis {

ArrheniusCrossover find_arrhenius_crossover(const std::vector<double>& T, const std::vector<double>& y,
                                            ArrheniusKind kind, double threshold_ln, double window_tol) {
  if (window_tol <= 0) window_tol = 0.25 * threshold_ln;
  const size_t n = T.size();
  if (y.size() != n) throw InputError("Arrhenius crossover: temperature and value columns differ in length");
  if (n < 4) throw InputError("Arrhenius crossover: need at least 4 points (3 for the high-T line + 1 below)");
  if (!(threshold_ln > 0)) throw InputError("Arrhenius crossover: threshold must be positive");
  std::vector<size_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return T[a] > T[b]; });
  auto fit_first = [&](size_t m) {
    std::vector<double> tt, yy;
    for (size_t k = 0; k < m; ++k) tt.push_back(T[order[k]]), yy.push_back(y[order[k]]);
    return fit_arrhenius(tt, yy, {}, kind);
  };
  size_t m = 3;
  ArrheniusFit fit = fit_first(m);
  while (m < n && std::abs(std::log(y[order[m]]) - fit.predict_ln(T[order[m]])) <= window_tol) {
    ++m;
    fit = fit_first(m);
  }
  ArrheniusCrossover c;
  c.threshold_ln = threshold_ln;
  c.window_points = static_cast<int>(m);
  c.window_T_min_K = T[order[m - 1]];
  c.high_T_fit = fit;
  c.deviation_ln.resize(n);
  for (size_t i = 0; i < n; ++i) c.deviation_ln[i] = std::log(y[i]) - fit.predict_ln(T[i]);
  char buf[512];
  std::snprintf(buf, sizeof buf,
                "T_A = temperature where |ln y - ln y_Arrhenius| first exceeds %.4g (a %.1f%% departure) below "
                "the high-T Arrhenius window (grown from the 3 hottest points while each next point stays "
                "within %.4g of the line), linear interpolation in T",
                threshold_ln, 100 * (std::exp(threshold_ln) - 1), window_tol);
  c.criterion = buf;
  // Walk down from the window edge, interpolating where |dev| crosses threshold.
  for (size_t k = m; k < n; ++k) {
    const double d1 = std::abs(c.deviation_ln[order[k]]);
    if (d1 > threshold_ln) {
      const double d0 = std::abs(c.deviation_ln[order[k - 1]]);
      const double T0 = T[order[k - 1]], T1 = T[order[k]];
      const double f = d1 > d0 ? (threshold_ln - d0) / (d1 - d0) : 0.0;
      c.T_A_K = T0 + std::clamp(f, 0.0, 1.0) * (T1 - T0);
      c.found = true;
      break;
    }
  }
  return c;
}

}  // namespace gb::analysis
