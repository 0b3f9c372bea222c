#include "validation/thermo_state.hpp"

#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <fmt/format.h>

#include "core/error.hpp"
#include "core/text_parse.hpp"

namespace gb::validation {
namespace fs = std::filesystem;

namespace {

struct Row {
  long step = 0;
  double T = NAN, T_set = NAN, P = NAN;
};

// mean and block standard error (kStateBlocks contiguous blocks; NaN if < 2 blocks fit)
std::pair<double, double> mean_and_block_error(const std::vector<double>& v) {
  if (v.empty()) return {NAN, NAN};
  double m = 0;
  for (double x : v) m += x;
  m /= v.size();
  const int nb = std::min<int>(kStateBlocks, static_cast<int>(v.size()));
  if (nb < 2) return {m, NAN};
  const size_t len = v.size() / nb;
  std::vector<double> bm;
  for (int b = 0; b < nb; ++b) {
    double s = 0;
    for (size_t i = b * len; i < (b + 1) * len; ++i) s += v[i];
    bm.push_back(s / len);
  }
  double bmean = 0, ss = 0;
  for (double x : bm) bmean += x / nb;
  for (double x : bm) ss += (x - bmean) * (x - bmean);
  return {m, std::sqrt(ss / (nb - 1) / nb)};
}

}  // namespace

std::vector<StageState> stage_states(const RunDirectory& run) {
  const fs::path path = fs::path(run.path()) / "thermo.csv";
  std::vector<StageState> out;
  if (!fs::exists(path)) return out;
  std::ifstream in(path);
  std::string line;
  int lineno = 0;
  std::vector<std::string> header;
  std::map<std::string, std::vector<Row>> rows;
  int c_stage = -1, c_step = -1, c_T = -1, c_Tset = -1, c_P = -1;
  while (std::getline(in, line)) {
    ++lineno;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cells;
    std::stringstream ss(line);
    std::string c;
    while (std::getline(ss, c, ',')) cells.push_back(c);
    if (header.empty()) {
      header = cells;
      for (size_t k = 0; k < header.size(); ++k) {
        if (header[k] == "stage") c_stage = static_cast<int>(k);
        if (header[k] == "step") c_step = static_cast<int>(k);
        if (header[k] == "temperature_K") c_T = static_cast<int>(k);
        if (header[k] == "target_temperature_K") c_Tset = static_cast<int>(k);
        if (header[k] == "pressure_bar") c_P = static_cast<int>(k);
      }
      if (c_stage < 0 || c_T < 0) return out;  // not a runner thermo.csv (e.g. a synthetic stub)
      continue;
    }
    if (cells.size() != header.size())
      throw InputError({path.string(), lineno, 1}, "", fmt::format("expected {} values, got {}", header.size(), cells.size()));
    Row r;
    auto num = [&](int k, double& v) {
      if (k < 0) return;
      if (!parse_finite_double(cells[static_cast<size_t>(k)], v))
        throw InputError({path.string(), lineno, 0}, header[static_cast<size_t>(k)],
                         "expected a finite number, got '" + cells[static_cast<size_t>(k)] + "'");
    };
    double step = 0;
    num(c_step, step);
    r.step = static_cast<long>(step);
    num(c_T, r.T);
    num(c_Tset, r.T_set);
    num(c_P, r.P);
    rows[cells[static_cast<size_t>(c_stage)]].push_back(r);
  }
  for (const auto& s : run.stages()) {
    auto it = rows.find(s.name);
    if (it == rows.end() || it->second.empty()) continue;
    const auto& all = it->second;
    StageState st;
    st.stage = s.dir_name;
    st.kind = s.kind;
    st.ensemble = s.ensemble;
    st.thermostat = s.thermostat;
    st.volume = s.volume;
    // Production rows.
    std::vector<const Row*> use;
    if (s.kind == "quench") {
      for (const auto& r : all) use.push_back(&r);
    } else if (s.kind == "isothermal" && s.first_step >= 0) {
      for (const auto& r : all)
        if (r.step >= s.first_step + s.equilibration_steps) use.push_back(&r);
    } else {
      for (size_t i = all.size() / 2; i < all.size(); ++i) use.push_back(&all[i]);
    }
    if (use.empty()) continue;
    std::vector<double> dT, T, P;
    double set = 0;
    for (const Row* r : use) {
      const double target = std::isfinite(r->T_set) ? r->T_set : s.T_end_K;
      T.push_back(r->T);
      dT.push_back(r->T - target);
      set += target / use.size();
      if (std::isfinite(r->P)) P.push_back(r->P);
    }
    st.rows = static_cast<int>(use.size());
    st.T_set_K = set;
    const auto [mdT, edT] = mean_and_block_error(dT);
    st.T_mean_K = set + mdT;
    st.T_sem_K = edT;
    std::tie(st.P_mean_bar, st.P_sem_bar) = mean_and_block_error(P);
    if (s.has_pressure_set_point || s.ensemble == "NPT") {
      st.P_set = true;
      st.P_set_bar = s.pressure_bar;
      st.P_meaning = "NPT set point";
    } else if (s.volume == "zero-pressure") {
      st.P_set = true;
      st.P_set_bar = 0;
      st.P_meaning = "NVT at the zero-pressure volume";
    } else {
      st.P_meaning = s.volume == "start-state" ? "NVT in the start state's box (not a set point)"
                                               : "NVT, volume choice not recorded (not a set point)";
    }
    out.push_back(st);
  }
  return out;
}

}  // namespace gb::validation
