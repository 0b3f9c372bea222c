#include "validation/stage_dynamics.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>

#include <fmt/format.h>

#include "core/csv_reader.hpp"
#include "core/error.hpp"
#include "core/text_parse.hpp"
#include "rundir/analysis_files.hpp"

namespace gb::validation {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// Binomial standard error of a ratio h out of nf fast atoms, as `glassbench analyze`
// writes peak_ratio_sigma (with a floor of 1/2 atom so a zero ratio has an error).
double ratio_sigma(double h, double nf) { return nf > 0 ? std::sqrt(std::max(h * (1 - h), 0.25 / nf) / nf) : INFINITY; }

constexpr double kProminenceSigmas = 2;  // a peak stands out of its noise by 2 SE (the MD-DMA loss-peak rule)

// Whether the ratio's maximum at t_peak stands out: its prominence (height minus
// the higher of the lowest ratios before and after it) must exceed 2 combined
// binomial SE.  A flat, noisy curve (a liquid far above the string regime) has
// a largest value somewhere, but no peak; its time is noise, not tau_string.
// Returns "" when prominent, else the reason.
std::string peak_not_prominent(const std::string& strings_csv, double t_peak) {
  if (!fs::exists(strings_csv)) return "no strings.csv to judge the peak against its curve";
  const auto cols = read_numeric_csv(strings_csv);
  const std::vector<double>*t = nullptr, *nf = nullptr, *r = nullptr;
  for (const auto& [name, v] : cols) {
    if (name == "t_ps") t = &v;
    if (name == "n_fast") nf = &v;
    if (name == "ratio") r = &v;
  }
  if (!t || !nf || !r || t->empty()) return "strings.csv lacks t_ps/n_fast/ratio";
  size_t k = 0;
  for (size_t i = 1; i < t->size(); ++i)
    if (std::fabs((*t)[i] - t_peak) < std::fabs((*t)[k] - t_peak)) k = i;
  auto lowest = [&](size_t from, size_t to) {  // index of the smallest ratio in [from, to)
    size_t m = from;
    for (size_t i = from; i < to; ++i)
      if ((*r)[i] < (*r)[m]) m = i;
    return m;
  };
  if (k == 0 || k + 1 >= t->size()) return "";  // an edge maximum is refused elsewhere
  const size_t left = lowest(0, k), right = lowest(k + 1, t->size());
  const size_t base = (*r)[left] > (*r)[right] ? left : right;
  const double prominence = (*r)[k] - (*r)[base];
  const double se = std::hypot(ratio_sigma((*r)[k], (*nf)[k]), ratio_sigma((*r)[base], (*nf)[base]));
  if (prominence > kProminenceSigmas * se) return "";
  return fmt::format("ratio maximum {:.4g} at {:g} ps stands only {:.2g} above the curve's floor ({:.4g} at {:g} ps), "
                     "less than 2 SE ({:.2g}): no peak, only noise",
                     (*r)[k], (*t)[k], prominence, (*r)[base], (*t)[base], kProminenceSigmas * se);
}

}  // namespace

std::vector<std::pair<std::string, std::vector<double>>> read_numeric_csv(const std::string& path) {
  const CsvDocument d = read_csv(path);
  std::vector<std::pair<std::string, std::vector<double>>> cols;
  for (size_t k = 0; k < d.header.size(); ++k) cols.push_back({d.header[k], d.numbers(static_cast<int>(k), true)});
  return cols;
}

namespace {

// One point per distinct temperature (within kSameTemperatureK): an isotherm
// wins over an equilibrate/relax stage at the same set point (an NPT
// equilibration at 2000 K next to a 2000 K isotherm is not a second
// temperature), otherwise the first stage in run order is kept.
constexpr double kSameTemperatureK = 0.5;  // set points are written to 0.1 K in case files

template <class P>
std::vector<P> one_per_temperature(std::vector<std::pair<P, bool>> pts, std::vector<std::string>& notes) {
  std::vector<P> out;
  std::vector<bool> iso;
  for (auto& [p, is_iso] : pts) {
    size_t k = 0;
    while (k < out.size() && std::fabs(out[k].T_K - p.T_K) > kSameTemperatureK) ++k;
    if (k == out.size()) {
      out.push_back(p);
      iso.push_back(is_iso);
    } else if (is_iso && !iso[k]) {
      notes.push_back(fmt::format("{}: same temperature as {}; the isotherm counts", out[k].stage, p.stage));
      out[k] = p;
      iso[k] = true;
    } else {
      notes.push_back(fmt::format("{}: same temperature ({:g} K) as {}; counted once", p.stage, p.T_K, out[k].stage));
    }
  }
  return out;
}

}  // namespace

std::vector<DiffusionPoint> diffusion_points(const RunDirectory& run, const std::string& label,
                                             std::vector<std::string>& notes) {
  std::vector<std::pair<DiffusionPoint, bool>> out;
  for (const auto& s : run.stages()) {
    if (!s.complete || s.is(StageKind::Quench)) continue;
    const auto msd = rundir::read_msd_file(s.analysis.file(AnalysisFile::Msd));
    if (!msd) continue;
    const auto it = msd->species.find(label);
    if (it == msd->species.end()) {
      notes.push_back(s.dir_name + ": msd.json has no D for " + label);
      continue;
    }
    const rundir::DiffusionRecord& fit = it->second;
    if (!fit.diffusive) {
      notes.push_back(s.dir_name + ": MSD not diffusive over the fit range");
      continue;
    }
    DiffusionPoint d;
    d.stage = s.dir_name;
    d.T_K = s.temperature_K();
    d.D_A2_per_ps = fit.D_A2_per_ps;
    d.sigma = fit.D_error_A2_per_ps;
    if (!(d.D_A2_per_ps > 0)) {
      notes.push_back(s.dir_name + ": D <= 0");
      continue;
    }
    out.emplace_back(d, s.is(StageKind::Isothermal));
  }
  return one_per_temperature(std::move(out), notes);
}

// The peak `glassbench analyze` picked (strings.json); never re-picked here.
std::vector<StringPeak> string_peaks(const RunDirectory& run, std::vector<std::string>& notes) {
  std::vector<std::pair<StringPeak, bool>> out;
  for (const StageRecord* s : run.isothermal_stages()) {
    const auto str = rundir::read_strings_file(s->analysis.file(AnalysisFile::Strings));
    if (!str) {
      notes.push_back(s->dir_name + ": no strings.json");
      continue;
    }
    if (!str->peak_found) {
      notes.push_back(s->dir_name + ": no lag with enough fast atoms");
      continue;
    }
    if (!str->usable_peak()) {
      notes.push_back(s->dir_name + ": ratio maximal at an end of the lag range (no peak inside the trajectory)");
      continue;
    }
    if (const std::string why = peak_not_prominent(s->analysis.file(AnalysisFile::StringsCsv), *str->tau_string_ps);
        !why.empty()) {
      notes.push_back(s->dir_name + ": " + why);
      continue;
    }
    StringPeak pk;
    pk.stage = s->dir_name;
    pk.T_K = s->temperature_K();
    pk.t_ps = *str->tau_string_ps;
    pk.sigma_ln_t = str->tau_string_sigma_ln;
    pk.height = *str->peak_ratio;
    pk.sigma_height = str->peak_ratio_sigma;
    out.emplace_back(pk, true);
  }
  return one_per_temperature(std::move(out), notes);
}

}  // namespace gb::validation
