// Probe "arrhenius_crossover": where D(T) of one species leaves its
// high-temperature Arrhenius line, and whether it bends the way a supercooled
// liquid does.  From the diffusive D of every stage (one point per distinct
// temperature, stage_dynamics.hpp):
//   T_A      the crossover of analysis::find_arrhenius_crossover (high-T
//            window grown from the 3 hottest points; T_A where ln D first
//            departs from it by more than ln 1.10), K
//   E_high   Arrhenius activation energy over that high-T window ("the
//            Arrhenius range"), eV, fitted with the D errors
//            (analysis/arrhenius_range.hpp; compare's E_A_<El>_eV is the same)
//   E_ratio  E_low / E_high, E_low the Arrhenius energy over the points
//            colder than T_A -- or the coldest 2 when fewer than 2 lie below T_A
//            or no crossover is found -- and E_high over the window without
//            those points.  Super-Arrhenius dynamics make E_low > E_high; a
//            pure Arrhenius D(T) gives 1 (docs/validation.md).
// Needs >= 4 distinct temperatures for T_A and E_high, >= 5 for E_ratio
// (3 above, 2 below).
#include <algorithm>
#include <cmath>
#include <limits>

#include <fmt/format.h>

#include "analysis/arrhenius_range.hpp"
#include "validation/internal/probe.hpp"
#include "validation/stage_dynamics.hpp"

namespace gb::validation {
namespace {

// Arrhenius energy (eV) of D over the given points, weighted by sigma_D / D
// (analysis/arrhenius_range.hpp: the fit compare uses too).
analysis::ArrheniusEnergy arrhenius_energy(const std::vector<DiffusionPoint>& pts) {
  std::vector<double> T, D, s;
  for (const auto& p : pts) T.push_back(p.T_K), D.push_back(p.D_A2_per_ps), s.push_back(p.sigma);
  return analysis::arrhenius_energy(T, D, s);
}

}  // namespace

Measurement probe_arrhenius_crossover(const Reference& ref, const RunDirectory& run) {
  const std::string field = ref.param_string("field");
  if (field != "T_A" && field != "E_high" && field != "E_ratio")
    throw InputError(ref.where, "check.field", "expected T_A, E_high or E_ratio, got '" + field + "'");
  const std::string label = ref.param_string("species", "all");
  std::vector<std::string> notes;
  std::vector<DiffusionPoint> pts = diffusion_points(run, label, notes);
  std::sort(pts.begin(), pts.end(), [](const auto& a, const auto& b) { return a.T_K > b.T_K; });  // hottest first
  const size_t need = field == "E_ratio" ? 5 : 4;
  if (pts.size() < need) {
    std::string why = fmt::format("too little data: {} distinct temperature(s) with a diffusive D({}), need {}{}",
                                  pts.size(), label, need,
                                  field == "E_ratio" ? " (3 on the high-T line, 2 below it)" : " (3 for the high-T line + 1)");
    for (size_t i = 0; i < notes.size() && i < 3; ++i) why += (i ? "; " : "; ") + notes[i];
    return Measurement::skipped(why);
  }
  std::vector<double> T, D, sD;
  for (const auto& p : pts) T.push_back(p.T_K), D.push_back(p.D_A2_per_ps), sD.push_back(p.sigma);
  // The Arrhenius range and its energy: one definition with compare's E_A (analysis/arrhenius_range.hpp).
  const analysis::ArrheniusRangeEnergy range = analysis::arrhenius_range_energy(T, D, sD);
  const analysis::ArrheniusCrossover& c = range.crossover;
  const size_t window = static_cast<size_t>(c.window_points);
  const std::vector<DiffusionPoint> high_window(pts.begin(), pts.begin() + static_cast<long>(window));
  if (field == "T_A") {
    if (!c.found)
      return Measurement::skipped(fmt::format("no crossover: D({}) stays within 10 % of the high-T Arrhenius line down to "
                                              "{:g} K (T_A below the data)", label, pts.back().T_K));
    return Measurement::of(c.T_A_K, std::numeric_limits<double>::quiet_NaN(),
                           fmt::format("D({}): {}; high-T window {} points down to {:g} K", label, c.criterion, window,
                                       c.window_T_min_K));
  }
  if (field == "E_high") {
    const analysis::ArrheniusEnergy& e = range.energy;
    return Measurement::of(e.E_eV, e.sigma_eV,
                           fmt::format("Arrhenius fit of D({}) over the high-T window ({}); {}", label, e.range,
                                       c.found ? fmt::format("T_A = {:.0f} K", c.T_A_K) : std::string("no crossover found")));
  }
  // E_ratio: the points below T_A (at least the coldest 2), against the window without them.
  std::vector<DiffusionPoint> low;
  if (c.found)
    for (const auto& p : pts)
      if (p.T_K < c.T_A_K) low.push_back(p);
  const bool fallback = low.size() < 2;
  if (fallback) low.assign(pts.end() - 2, pts.end());
  std::vector<DiffusionPoint> high;
  for (const auto& p : high_window)
    if (std::none_of(low.begin(), low.end(), [&](const auto& q) { return q.T_K == p.T_K; })) high.push_back(p);
  if (high.size() < 3)
    return Measurement::too_weak(fmt::format("only {} point(s) on the high-T line once the coldest 2 are set apart", high.size()));
  const analysis::ArrheniusEnergy eh = arrhenius_energy(high), el = arrhenius_energy(low);
  if (!(eh.E_eV > 0)) return Measurement::too_weak(fmt::format("high-T activation energy {:.3g} eV is not positive", eh.E_eV));
  const double ratio = el.E_eV / eh.E_eV;
  const double rel = std::hypot(el.sigma_eV / std::max(std::fabs(el.E_eV), 1e-300), eh.sigma_eV / eh.E_eV);
  return Measurement::of(ratio, std::fabs(ratio) * rel,
                         fmt::format("D({}): E_low = {:.3f} ± {:.3f} eV ({}{}), E_high = {:.3f} ± {:.3f} eV ({}); {}",
                                     label, el.E_eV, el.sigma_eV, el.range,
                                     fallback ? (c.found ? ", the coldest 2: fewer below T_A" : ", the coldest 2: no crossover")
                                              : fmt::format(", below T_A = {:.0f} K", c.T_A_K),
                                     eh.E_eV, eh.sigma_eV, eh.range,
                                     c.found ? fmt::format("T_A = {:.0f} K", c.T_A_K) : std::string("no crossover found")));
}

}  // namespace gb::validation
