// Probe "density_trend": the density of the liquid against temperature, from
// the NPT stages' thermo.csv rows (thermo_state.hpp: production rows, block
// errors), one point per distinct temperature (an isotherm wins over an
// equilibrate stage at its T; quenches and the melt of a new structure are
// left out: their density is not an equilibrium one).
//   expansion     volumetric thermal expansion coefficient alpha_V =
//                 -d ln(rho)/dT (1/K) from a line fit of ln rho against T
//                 weighted by the block errors (analysis/thermal_expansion.hpp,
//                 the function compare uses too)
//   largest_step  over neighbouring temperatures (T_i < T_i+1), the largest
//                 rho(T_i+1) - rho(T_i) in g/cm^3 with its error: negative
//                 beyond the errors when rho falls monotonically with T
// Needs >= 3 distinct temperatures.
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "analysis/thermal_expansion.hpp"
#include "validation/internal/probe.hpp"
#include "validation/thermo_state.hpp"

namespace gb::validation {

namespace {
constexpr double kSameTemperatureK = 0.5;  // set points are written to 0.1 K in case files

struct RhoPoint {
  std::string stage;
  double T = 0, rho = 0, sigma = 0;
  bool iso = false;
};
}  // namespace

Measurement probe_density_trend(const Reference& ref, const RunDirectory& run) {
  const std::string field = ref.param_string("field");
  if (field != "expansion" && field != "largest_step")
    throw InputError(ref.where, "check.field", "expected expansion or largest_step, got '" + field + "'");
  std::vector<RhoPoint> pts;
  for (const auto& s : stage_states(run)) {
    if (s.ensemble != "NPT" || s.kind == "quench" || s.fresh_start || !std::isfinite(s.rho_mean_g_cm3)) continue;
    RhoPoint p{s.stage, s.T_set_K, s.rho_mean_g_cm3, s.rho_sem_g_cm3, s.kind == "isothermal"};
    auto same = std::find_if(pts.begin(), pts.end(), [&](const auto& q) { return std::fabs(q.T - p.T) <= kSameTemperatureK; });
    if (same == pts.end()) pts.push_back(p);
    else if (p.iso && !same->iso) *same = p;
  }
  if (pts.size() < 3)
    return Measurement::skipped(fmt::format("too little data: {} distinct temperature(s) with an NPT density in thermo.csv "
                                            "(production rows, not a quench or the first melt), need 3",
                                            pts.size()));
  std::sort(pts.begin(), pts.end(), [](const auto& a, const auto& b) { return a.T < b.T; });
  std::string list;
  for (const auto& p : pts) list += fmt::format("{}{:g} K: {:.4f} ± {:.4f}", list.empty() ? "" : "; ", p.T, p.rho, p.sigma);
  if (field == "expansion") {
    std::vector<analysis::DensityPoint> dp;
    for (const auto& p : pts) dp.push_back({p.T, p.rho, p.sigma});
    const analysis::ThermalExpansion e = analysis::thermal_expansion(dp);  // shared with compare
    return Measurement::of(e.alpha_per_K, e.sigma_per_K,
                           fmt::format("alpha_V = -d ln rho/dT over {} NPT stages, {:g}-{:g} K (g/cm^3: {})", pts.size(),
                                       pts.front().T, pts.back().T, list));
  }
  auto err = [&](size_t i) { return std::isfinite(pts[i].sigma) ? pts[i].sigma : 0.0; };
  size_t worst = 0;
  double worst_score = -INFINITY;
  for (size_t i = 0; i + 1 < pts.size(); ++i) {
    const double score = pts[i + 1].rho - pts[i].rho + 2 * std::hypot(err(i), err(i + 1));
    if (score > worst_score) worst_score = score, worst = i;  // the step closest to a rise
  }
  const double step = pts[worst + 1].rho - pts[worst].rho;
  const double sg = std::hypot(err(worst), err(worst + 1));
  return Measurement::of(step, sg,
                         fmt::format("deciding step {:g} -> {:g} K of {} (the one nearest to a rise); g/cm^3: {}",
                                     pts[worst].T, pts[worst + 1].T, pts.size() - 1, list));
}

}  // namespace gb::validation
