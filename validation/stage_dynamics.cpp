#include "validation/stage_dynamics.hpp"

#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>

#include <fmt/format.h>

#include "core/error.hpp"
#include "core/text_parse.hpp"

namespace gb::validation {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

/// Find the object holding "D_A2_per_ps" for `label`, wherever msd.json puts
/// it: {label: {...}}, [{label|species: label, ...}], nested one level deeper.
const json* find_fit(const json& j, const std::string& label, int depth = 0) {
  if (depth > 4) return nullptr;
  if (j.is_object()) {
    auto it = j.find(label);
    if (it != j.end() && it->is_object() && it->contains("D_A2_per_ps")) return &*it;
    for (const char* k : {"label", "species"})
      if (j.contains(k) && j[k].is_string() && j[k] == label && j.contains("D_A2_per_ps")) return &j;
    for (auto& [k, v] : j.items())
      if (v.is_structured())
        if (const json* f = find_fit(v, label, depth + 1)) return f;
  } else if (j.is_array()) {
    for (const auto& v : j)
      if (const json* f = find_fit(v, label, depth + 1)) return f;
  }
  return nullptr;
}

double number_or_nan(const json& j, std::initializer_list<const char*> keys) {
  for (const char* k : keys)
    if (j.contains(k) && j[k].is_number()) return j[k].get<double>();
  return std::numeric_limits<double>::quiet_NaN();
}

}  // namespace

std::vector<std::pair<std::string, std::vector<double>>> read_numeric_csv(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw InputError({path, 0, 0}, "", "cannot open");
  std::vector<std::pair<std::string, std::vector<double>>> cols;
  std::string line;
  int lineno = 0;
  bool header = false;
  while (std::getline(in, line)) {
    ++lineno;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cells;
    std::vector<int> colpos;
    size_t p = 0;
    while (true) {
      const size_t q = line.find(',', p);
      std::string c = line.substr(p, q == std::string::npos ? std::string::npos : q - p);
      const size_t a = c.find_first_not_of(" \t"), b = c.find_last_not_of(" \t");
      cells.push_back(a == std::string::npos ? "" : c.substr(a, b - a + 1));
      colpos.push_back(static_cast<int>(p + 1));
      if (q == std::string::npos) break;
      p = q + 1;
    }
    if (!header) {
      for (auto& c : cells) cols.push_back({c, {}});
      header = true;
      continue;
    }
    if (cells.size() != cols.size())
      throw InputError({path, lineno, 1}, "", fmt::format("expected {} comma-separated values, got {}", cols.size(), cells.size()));
    for (size_t k = 0; k < cells.size(); ++k) {
      double v = 0;
      if (cells[k] == "nan" || cells[k] == "NaN") {
        v = std::numeric_limits<double>::quiet_NaN();  // "undefined" as written by the analysis (e.g. 0/0 ratios)
      } else if (!parse_finite_double(cells[k], v)) {
        throw InputError({path, lineno, colpos[k]}, cols[k].first, "expected a finite number or nan, got '" + cells[k] + "'");
      }
      cols[k].second.push_back(v);
    }
  }
  if (!header) throw InputError({path, lineno, 0}, "", "no header line");
  return cols;
}

std::vector<DiffusionPoint> diffusion_points(const RunDirectory& run, const std::string& label,
                                             std::vector<std::string>& notes) {
  std::vector<DiffusionPoint> out;
  for (const auto& s : run.stages()) {
    if (!s.complete || s.is(StageKind::Quench)) continue;
    auto j = run.analysis_json(s, AnalysisFile::Msd);
    if (!j) continue;
    const json* fit = find_fit(*j, label);
    if (!fit) {
      notes.push_back(s.dir_name + ": msd.json has no D for " + label);
      continue;
    }
    if (fit->contains("diffusive") && (*fit)["diffusive"].is_boolean() && !(*fit)["diffusive"].get<bool>()) {
      notes.push_back(s.dir_name + ": MSD not diffusive over the fit range");
      continue;
    }
    DiffusionPoint d;
    d.stage = s.dir_name;
    d.T_K = s.temperature_K();
    d.D_A2_per_ps = number_or_nan(*fit, {"D_A2_per_ps"});
    d.sigma = number_or_nan(*fit, {"D_error_A2_per_ps", "D_stderr_A2_per_ps", "D_sigma_A2_per_ps"});
    if (!(d.D_A2_per_ps > 0)) {
      notes.push_back(s.dir_name + ": D <= 0");
      continue;
    }
    out.push_back(d);
  }
  return out;
}

std::vector<StringPeak> string_peaks(const RunDirectory& run, std::vector<std::string>& notes) {
  std::vector<StringPeak> out;
  for (const StageRecord* s : run.isothermal_stages()) {
    const fs::path csv = s->analysis.file(AnalysisFile::StringsCsv);
    if (!fs::exists(csv)) {
      notes.push_back(s->dir_name + ": no strings.csv");
      continue;
    }
    auto cols = read_numeric_csv(csv.string());
    const std::vector<double>*t = nullptr, *r = nullptr, *nf = nullptr;
    for (auto& [name, v] : cols) {
      if (name == "t_ps") t = &v;
      if (name == "ratio") r = &v;
      if (name == "n_fast") nf = &v;
    }
    if (!t || !r || !nf) {
      notes.push_back(s->dir_name + ": strings.csv lacks t_ps, n_fast or ratio");
      continue;
    }
    // Peak over lags with at least one fast atom per origin (ratio of tiny counts is noise).
    int best = -1;
    for (size_t i = 0; i < t->size(); ++i)
      if ((*nf)[i] >= 1.0 && std::isfinite((*r)[i]) && (best < 0 || (*r)[i] > (*r)[best])) best = static_cast<int>(i);
    if (best < 0) {
      notes.push_back(s->dir_name + ": no lag with a fast atom");
      continue;
    }
    const int n = static_cast<int>(t->size());
    if (best == 0 || best == n - 1 || (*t)[best] <= 0) {
      notes.push_back(fmt::format("{}: ratio maximal at the {} lag (no peak inside the trajectory)", s->dir_name,
                                  best == 0 ? "first" : "last"));
      continue;
    }
    StringPeak pk;
    pk.stage = s->dir_name;
    pk.T_K = s->temperature_K();
    pk.t_ps = (*t)[best];
    // The peak is known to one lag spacing in ln t: sigma = spacing / sqrt(12).
    const double spacing = 0.5 * (std::log((*t)[best + 1]) - std::log((*t)[best - 1]));
    pk.sigma_ln_t = spacing / std::sqrt(12.0);
    pk.height = (*r)[best];
    // Binomial error of a fraction out of n_fast atoms (one origin: conservative).
    pk.sigma_height = std::sqrt(std::max(pk.height * (1 - pk.height), 0.25 / (*nf)[best]) / (*nf)[best]);
    out.push_back(pk);
  }
  return out;
}

}  // namespace gb::validation
