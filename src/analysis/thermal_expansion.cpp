#include "analysis/thermal_expansion.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "analysis/linear_fit.hpp"
#include "core/error.hpp"

namespace gb::analysis {

ThermalExpansion thermal_expansion(const std::vector<DensityPoint>& pts) {
  if (pts.size() < 2) throw InputError("thermal expansion: need at least 2 densities at distinct temperatures");
  std::vector<double> x, y, s;
  for (const auto& p : pts) {
    if (!(p.rho_g_cm3 > 0))
      throw InputError(fmt::format("thermal expansion: density {:g} g/cm^3 at {:g} K is not positive", p.rho_g_cm3, p.T_K));
    x.push_back(p.T_K);
    y.push_back(std::log(p.rho_g_cm3));
    s.push_back(std::isfinite(p.sigma_g_cm3) ? p.sigma_g_cm3 / p.rho_g_cm3 : 0.0);  // 0: fit_line fits unweighted
  }
  const LineFit f = fit_line(x, y, s);
  ThermalExpansion e;
  e.alpha_per_K = -f.slope.value;
  e.sigma_per_K = f.slope.sigma;
  e.points = f.points;
  e.dof = f.dof;
  e.weighted = f.weighted;
  e.T_min_K = *std::min_element(x.begin(), x.end());
  e.T_max_K = *std::max_element(x.begin(), x.end());
  return e;
}

}  // namespace gb::analysis
