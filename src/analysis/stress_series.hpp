#pragma once
// Pressure-tensor time series of an isothermal (or shear) stage, as the
// runner writes it to stages/<stage>/stress.csv (docs/run-directory.md):
//
//   # provenance line(s)
//   step,time_ps,pxx_bar,pyy_bar,pzz_bar,pxy_bar,pxz_bar,pyz_bar,volume_A3[,temperature_K]
// (temperature_K optional: without it the stage's set point is used).  Shear
// stages add replica,t_shear_ps,strain_xy columns (one file, all replicas).
//
// p_ab is LAMMPS's pressure tensor (compute pressure: kinetic + virial, bar,
// metal units); the shear stress is sigma_ab = -p_ab.  xy strain rows of a
// shear stage add a column strain_xy (tilt xy / ly).
#include <array>
#include <string>
#include <vector>

namespace gb::analysis {

struct StressSeries {
  std::string source;                        // file it was read from
  std::vector<long> steps;
  std::vector<double> time_ps;
  std::array<std::vector<double>, 6> p_bar;  // pxx pyy pzz pxy pxz pyz
  std::vector<double> volume_A3;
  std::vector<double> temperature_K;         // may be empty (then mean_temperature_K() is NaN)
  std::vector<double> strain_xy;             // empty unless a shear stage wrote it

  size_t size() const { return time_ps.size(); }
  /// Sampling interval (ps): time_ps must be evenly spaced (checked on read).
  double interval_ps() const;
  double mean_volume_A3() const;
  double mean_temperature_K() const;
};

/// Throws gb::InputError (file:line:column: field) on a missing column, a bad
/// number, fewer than 2 rows or uneven sampling.
StressSeries read_stress_csv(const std::string& path);

/// The header line (without newline) of stress.csv, with or without strain_xy.
std::string stress_csv_header(bool with_strain);

}  // namespace gb::analysis
