// Probes on the cooperative (string-like) motion of the paper's Fig. 4d-e and
// Methods: the fast/string thresholds recorded with the analysis, and the
// peaks of the displacement distribution p(u,t) at the g(r) peak (an atom
// hopping to a neighbour's site moves one neighbour distance).
#include <cmath>
#include <filesystem>

#include <fmt/format.h>

#include "rundir/analysis_files.hpp"
#include "validation/internal/probe.hpp"
#include "validation/stage_dynamics.hpp"

namespace gb::validation {
namespace fs = std::filesystem;

Measurement probe_string_thresholds(const Reference& ref, const RunDirectory& run) {
  const std::string field = ref.param_string("field");
  const char* key = field == "fast" ? "fast_threshold_A" : field == "string" ? "string_threshold_A" : nullptr;
  if (!key) throw InputError(ref.where, "check.field", "expected fast or string, got '" + field + "'");
  double value = NAN;
  std::string where;
  int stages = 0;
  for (const StageRecord* s : run.isothermal_stages()) {
    const auto f = rundir::read_strings_file(s->analysis.file(AnalysisFile::Strings));
    if (!f) continue;
    const double v = field == "fast" ? f->fast_threshold_A : f->string_threshold_A;
    ++stages;
    if (std::isnan(value)) value = v, where = s->dir_name;
    else if (v != value)  // one definition per run, or the stages are not comparable
      return Measurement::of(v, 0, fmt::format("{} = {:g} A in {} but {:g} A in {}", key, v, s->dir_name, value, where));
  }
  if (stages == 0) return Measurement::skipped("missing analysis: no isothermal stage has strings.json");
  return Measurement::of(value, 0, fmt::format("{} = {:g} A in strings.json of {} isothermal stage(s)", key, value, stages));
}

namespace {

// Position of the highest local maximum of y(x) over x in [x_lo, x_hi].
double highest_peak(const std::vector<double>& x, const std::vector<double>& y, double x_lo, double x_hi) {
  double best_x = NAN, best_y = -INFINITY;
  for (size_t i = 1; i + 1 < x.size(); ++i) {
    if (x[i] < x_lo || x[i] > x_hi || !std::isfinite(y[i])) continue;
    if (y[i] >= y[i - 1] && y[i] >= y[i + 1] && y[i] > best_y) best_y = y[i], best_x = x[i];
  }
  return best_x;
}

const std::vector<double>* col(const std::vector<std::pair<std::string, std::vector<double>>>& c, const std::string& n) {
  for (auto& [k, v] : c)
    if (k == n) return &v;
  return nullptr;
}

}  // namespace

Measurement probe_vanhove_gr_peaks(const Reference& ref, const RunDirectory& run) {
  const StageRecord* s = run.nearest_stage_with(ref.param_number("T_K", 300), AnalysisFile::VanHove);
  if (!s || !s->has(AnalysisFile::Gr))
    return Measurement::skipped("missing analysis: no stage has vanhove.csv and gr.csv (run `glassbench analyze`)");
  if (const std::string why = outside_temperature_window(ref, *s); !why.empty()) return Measurement::skipped(why);
  const std::string label = ref.param_string("species", "all");
  const auto vh = read_numeric_csv(s->analysis.file(AnalysisFile::VanHove));
  const auto gr = read_numeric_csv(s->analysis.file(AnalysisFile::Gr));
  const auto *t = col(vh, "t_ps"), *u = col(vh, "u_A"), *p = col(vh, "p_" + label + "_per_A");
  const auto* r = col(gr, "r_A");
  const std::vector<double>* g = col(gr, "g_total");
  if (!g) g = col(gr, "g_all");
  if (!t || !u || !p || !r || !g)
    return Measurement::skipped(fmt::format("missing data: {} lacks t_ps/u_A/p_{}_per_A or gr.csv lacks r_A/g_total",
                                            s->dir_name, label));
  // Longest stored lag: the hops have happened.
  double t_max = -INFINITY;
  for (double x : *t) t_max = std::max(t_max, x);
  std::vector<double> uu, pp;
  for (size_t i = 0; i < t->size(); ++i)
    if ((*t)[i] == t_max) uu.push_back((*u)[i]), pp.push_back((*p)[i]);
  const double r1 = highest_peak(*r, *g, 0.5, 6.0);
  if (!std::isfinite(r1)) return Measurement::skipped("missing data: g(r) has no peak in " + s->dir_name);
  // The hop peak of p(u,t): beyond the minimum that follows the vibrational
  // peak, near one neighbour distance.  It counts only as a real population:
  // >= 1 % of the atoms beyond that minimum and a maximum >= 20 % above it
  // (a decaying, noisy tail of caged atoms has neither).
  const double u_lo = ref.param_number("hop_min_A", 0.6 * r1);
  size_t i_min = 0;
  double p_min = INFINITY;
  for (size_t i = 0; i < uu.size(); ++i)
    if (uu[i] >= u_lo && uu[i] <= r1 && pp[i] < p_min) p_min = pp[i], i_min = i;
  const double bin = uu.size() > 1 ? std::fabs(uu[1] - uu[0]) : 0.0;
  double mass = 0;
  for (size_t i = i_min; i < uu.size(); ++i) mass += pp[i] * bin;
  const double u2 = std::isfinite(p_min) ? highest_peak(uu, pp, uu[i_min], 1.5 * r1) : NAN;
  double p2 = 0;
  for (size_t i = 0; i < uu.size(); ++i)
    if (uu[i] == u2) p2 = pp[i];
  if (!std::isfinite(u2) || mass < 0.01 || !(p2 >= 1.2 * p_min))
    return Measurement::too_weak(fmt::format(
        "no hop population in p(u, {:g} ps) of {}: {:.2g} of the atoms beyond the cage minimum at {:.2f} A{}; needs "
        ">= 1 % and a peak >= 20 % above that minimum",
        t_max, s->dir_name, mass, std::isfinite(p_min) ? uu[i_min] : NAN,
        std::isfinite(u2) && p_min > 0 ? fmt::format(", highest point {:.2f} A at {:.2f} x the minimum", u2, p2 / p_min) : ""));
  return Measurement::of(u2 - r1, bin,
                         fmt::format("{} ({:g} K), species {}: p(u, {:g} ps) peaks at u = {:.2f} A beyond the cage, "
                                     "g(r) first peak at {:.2f} A (bin {:.2f} A)",
                                     s->dir_name, s->temperature_K(), label, t_max, u2, r1, bin));
}

}  // namespace gb::validation
