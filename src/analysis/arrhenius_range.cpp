#include "analysis/arrhenius_range.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include <fmt/format.h>

#include "analysis/linear_fit.hpp"
#include "core/error.hpp"
#include "core/units.hpp"

namespace gb::analysis {

ArrheniusEnergy arrhenius_energy(const std::vector<double>& T, const std::vector<double>& y,
                                 const std::vector<double>& sigma_y) {
  if (T.size() != y.size() || (!sigma_y.empty() && sigma_y.size() != y.size()))
    throw InputError("Arrhenius energy: temperature, value and error columns differ in length");
  if (T.size() < 2) throw InputError("Arrhenius energy: need at least 2 points");
  std::vector<double> x, ly, s;
  for (size_t i = 0; i < T.size(); ++i) {
    if (!(T[i] > 0) || !(y[i] > 0)) throw InputError(fmt::format("Arrhenius energy: point {} has T = {:g} K, y = {:g}; both must be > 0", i, T[i], y[i]));
    x.push_back(1.0 / T[i]);
    ly.push_back(std::log(y[i]));
    // An unknown error (NaN) becomes 0, which makes fit_line fit unweighted.
    if (!sigma_y.empty()) s.push_back(std::isfinite(sigma_y[i]) ? sigma_y[i] / y[i] : 0.0);
  }
  const LineFit f = fit_line(x, ly, s);
  ArrheniusEnergy e;
  e.E_eV = -f.slope.value * units::kBoltzmannEVPerK;
  e.sigma_eV = f.slope.sigma * units::kBoltzmannEVPerK;
  e.points = f.points;
  e.dof = f.dof;
  e.T_min_K = *std::min_element(T.begin(), T.end());
  e.T_max_K = *std::max_element(T.begin(), T.end());
  e.range = fmt::format("{} points, {:g}-{:g} K", e.points, e.T_min_K, e.T_max_K);
  return e;
}

ArrheniusRangeEnergy arrhenius_range_energy(const std::vector<double>& T, const std::vector<double>& y,
                                            const std::vector<double>& sigma_y) {
  ArrheniusRangeEnergy r;
  r.crossover = find_arrhenius_crossover(T, y, ArrheniusKind::kRate);
  std::vector<size_t> order(T.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return T[a] > T[b]; });  // hottest first
  std::vector<double> wt, wy, ws;
  for (int k = 0; k < r.crossover.window_points; ++k) {
    const size_t i = order[static_cast<size_t>(k)];
    wt.push_back(T[i]);
    wy.push_back(y[i]);
    if (!sigma_y.empty()) ws.push_back(sigma_y[i]);
  }
  r.energy = arrhenius_energy(wt, wy, ws);
  return r;
}

}  // namespace gb::analysis
