#pragma once
// DIR/thermo.csv read back as typed rows (the runner's writer is
// runners/thermo_file.hpp; the column contract is docs/run-directory.md), and
// the achieved conditions of a stage computed from it.
#include <string>
#include <vector>

#include "rundir/stage_record.hpp"

namespace gb::rundir {

struct ThermoLogRow {
  std::string stage;
  long step = 0;
  double time_ps = 0, temperature_K = 0, potential_energy_eV = 0, kinetic_energy_eV = 0, total_energy_eV = 0,
         volume_A3 = 0, density_g_cm3 = 0, pressure_bar = 0, target_temperature_K = 0;
};

/// Columns stage, step, temperature_K are required; others absent read as NaN.
/// Throws gb::InputError (file:line:column:column-name) for a missing column or a bad cell.
std::vector<ThermoLogRow> read_thermo_log(const std::string& path);

/// Mean and sample standard deviation of T and P over the rows of `stage_name`
/// at global steps >= from_step (samples = 0 when there are none).
AchievedConditions achieved_conditions(const std::vector<ThermoLogRow>& rows, const std::string& stage_name,
                                       long from_step);

}  // namespace gb::rundir
