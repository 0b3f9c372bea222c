#pragma once
// What a run achieved, stage by stage, from thermo.csv (docs/run-directory.md):
// mean temperature against the thermostat set point and mean pressure, each
// with a block standard error, over the stage's production rows (isothermal:
// after its equilibration; other stages: the second half; a quench: every
// row, against the moving set point).  "An MD run is only as good as its state."
#include <string>
#include <vector>

#include "analysis/statistics.hpp"
#include "validation/run_directory.hpp"

namespace gb::validation {

struct StageState {
  std::string stage;          // dir_name
  std::string kind, ensemble, thermostat, volume;
  int rows = 0;               // production rows used
  double T_set_K = 0;         // mean set point over those rows
  double T_mean_K = NAN, T_sem_K = NAN;
  double P_mean_bar = NAN, P_sem_bar = NAN;
  double rho_mean_g_cm3 = NAN, rho_sem_g_cm3 = NAN;  // NaN when thermo.csv has no density column
  bool P_set = false;         // the stage is meant to sit at P_set_bar
  double P_set_bar = 0;
  bool fresh_start = false;   // the run's first stage, started from the case's new structure
  std::string P_meaning;      // "NPT set point", "NVT at the zero-pressure volume", "NVT in the start state's box (not a set point)"
};

/// Blocks for the standard error of a mean over correlated rows.
constexpr int kStateBlocks = analysis::kThermoBlocks;

/// One entry per stage with thermo rows; empty when thermo.csv is absent.
/// Throws gb::InputError for a malformed thermo.csv (file:line:column).
std::vector<StageState> stage_states(const RunDirectory& run);

}  // namespace gb::validation
