#include "validation/thermo_state.hpp"

#include <cmath>
#include <filesystem>
#include <map>

#include <fmt/format.h>

#include "analysis/statistics.hpp"
#include "core/error.hpp"
#include "rundir/thermo_log.hpp"

namespace gb::validation {
namespace fs = std::filesystem;

using analysis::mean_and_block_error;  // kStateBlocks == analysis::kThermoBlocks

std::vector<StageState> stage_states(const RunDirectory& run) {
  std::vector<StageState> out;
  const std::string path = run.layout().thermo_csv();
  if (!fs::exists(path)) return out;
  std::vector<rundir::ThermoLogRow> log;
  try {
    log = rundir::read_thermo_log(path);
  } catch (const InputError&) {
    return out;  // not a runner thermo.csv (e.g. a stub without the required columns)
  }
  std::map<std::string, std::vector<const rundir::ThermoLogRow*>> rows;
  for (const auto& r : log) rows[r.stage].push_back(&r);
  for (const auto& s : run.stages()) {
    if (!s.complete) continue;
    auto it = rows.find(s.name);
    if (it == rows.end() || it->second.empty()) continue;
    const auto& all = it->second;
    StageState st;
    st.stage = s.dir_name;
    st.kind = s.kind_name;
    st.ensemble = s.ensemble;
    st.thermostat = s.thermostat_kind;
    st.volume = s.volume;
    st.fresh_start = &s == &run.stages().front() && s.started_from.empty();  // the run's first stage only
    // Production rows.
    std::vector<const rundir::ThermoLogRow*> use;
    if (s.is(StageKind::Quench)) {
      use = all;
    } else if (s.is(StageKind::Isothermal) && s.schema_version >= 2) {
      for (const auto* r : all)
        if (r->step >= s.first_step + s.equilibration_steps) use.push_back(r);
    } else {
      use.assign(all.begin() + static_cast<long>(all.size() / 2), all.end());
    }
    if (use.empty()) continue;
    std::vector<double> dT, P, rho;
    double set = 0;
    for (const auto* r : use) {
      const double target = std::isfinite(r->target_temperature_K) ? r->target_temperature_K : s.T_end_K;
      dT.push_back(r->temperature_K - target);
      set += target / use.size();
      if (std::isfinite(r->pressure_bar)) P.push_back(r->pressure_bar);
      if (std::isfinite(r->density_g_cm3)) rho.push_back(r->density_g_cm3);
    }
    st.rows = static_cast<int>(use.size());
    st.T_set_K = set;
    const auto [mdT, edT] = mean_and_block_error(dT);
    st.T_mean_K = set + mdT;
    st.T_sem_K = edT;
    std::tie(st.P_mean_bar, st.P_sem_bar) = mean_and_block_error(P);
    std::tie(st.rho_mean_g_cm3, st.rho_sem_g_cm3) = mean_and_block_error(rho);
    if (s.pressure_bar || s.ensemble == "NPT") {
      st.P_set = true;
      st.P_set_bar = s.pressure_bar.value_or(0.0);
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
