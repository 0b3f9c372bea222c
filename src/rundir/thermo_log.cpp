#include "rundir/thermo_log.hpp"

#include <algorithm>
#include <cmath>

#include "core/csv_reader.hpp"

namespace gb::rundir {

std::vector<ThermoLogRow> read_thermo_log(const std::string& path) {
  const CsvDocument d = read_csv(path);
  const int c_stage = d.column("stage"), c_step = d.column("step"), c_T = d.column("temperature_K");
  // The rest may be absent (a log written by another tool): NaN then.
  const int c_t = d.find_column("time_ps"), c_pe = d.find_column("potential_energy_eV"),
            c_ke = d.find_column("kinetic_energy_eV"), c_te = d.find_column("total_energy_eV"),
            c_V = d.find_column("volume_A3"), c_rho = d.find_column("density_g_cm3"), c_P = d.find_column("pressure_bar"),
            c_target = d.find_column("target_temperature_K");
  std::vector<ThermoLogRow> out;
  out.reserve(d.rows.size());
  for (size_t r = 0; r < d.rows.size(); ++r) {
    auto opt = [&](int c) { return c >= 0 ? d.number(r, c, false) : NAN; };
    ThermoLogRow row;
    row.stage = d.cell(r, c_stage);
    row.step = static_cast<long>(d.number(r, c_step, false));
    row.temperature_K = d.number(r, c_T, false);
    row.time_ps = opt(c_t);
    row.potential_energy_eV = opt(c_pe);
    row.kinetic_energy_eV = opt(c_ke);
    row.total_energy_eV = opt(c_te);
    row.volume_A3 = opt(c_V);
    row.density_g_cm3 = opt(c_rho);
    row.pressure_bar = opt(c_P);
    row.target_temperature_K = opt(c_target);
    out.push_back(row);
  }
  return out;
}

AchievedConditions achieved_conditions(const std::vector<ThermoLogRow>& rows, const std::string& stage_name,
                                       long from_step) {
  AchievedConditions a;
  double sT = 0, sT2 = 0, sP = 0, sP2 = 0, sV = 0;
  for (const auto& r : rows) {
    if (r.stage != stage_name || r.step < from_step) continue;
    ++a.samples;
    sT += r.temperature_K, sT2 += r.temperature_K * r.temperature_K;
    sP += r.pressure_bar, sP2 += r.pressure_bar * r.pressure_bar;
    sV += r.volume_A3;
    a.T_last_K = r.temperature_K;
    a.P_last_bar = r.pressure_bar;
  }
  if (a.samples == 0) return a;
  const double n = static_cast<double>(a.samples);
  a.T_mean_K = sT / n;
  a.P_mean_bar = sP / n;
  a.volume_mean_A3 = sV / n;
  auto sd = [n](double s, double s2) { return n > 1 ? std::sqrt(std::max(0.0, (s2 - s * s / n) / (n - 1))) : 0.0; };
  a.T_sd_K = sd(sT, sT2);
  a.P_sd_bar = sd(sP, sP2);
  return a;
}

}  // namespace gb::rundir
