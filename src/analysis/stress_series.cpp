#include "analysis/stress_series.hpp"

#include <cmath>
#include <numeric>

#include <fmt/format.h>

#include "analysis/csv_table.hpp"
#include "core/error.hpp"

namespace gb::analysis {

namespace {
const char* kComponents[6] = {"pxx_bar", "pyy_bar", "pzz_bar", "pxy_bar", "pxz_bar", "pyz_bar"};

double mean(const std::vector<double>& v) {
  return v.empty() ? NAN : std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size());
}
}  // namespace

double StressSeries::interval_ps() const { return size() >= 2 ? time_ps[1] - time_ps[0] : NAN; }
double StressSeries::mean_volume_A3() const { return mean(volume_A3); }
double StressSeries::mean_temperature_K() const { return mean(temperature_K); }

std::string stress_csv_header(bool with_strain) {
  return std::string("step,time_ps,pxx_bar,pyy_bar,pzz_bar,pxy_bar,pxz_bar,pyz_bar,volume_A3,temperature_K") +
         (with_strain ? ",strain_xy" : "");
}

StressSeries read_stress_csv(const std::string& path) {
  const CsvTable t = read_csv_table(path);
  StressSeries s;
  s.source = path;
  const auto steps = t.values(t.column("step"));
  for (double v : steps) s.steps.push_back(std::lround(v));
  s.time_ps = t.values(t.column("time_ps"));
  for (int c = 0; c < 6; ++c) s.p_bar[c] = t.values(t.column(kComponents[c]));
  s.volume_A3 = t.values(t.column("volume_A3"));
  for (size_t i = 0; i < t.header.size(); ++i) {
    if (t.header[i] == "strain_xy") s.strain_xy = t.values(static_cast<int>(i));
    if (t.header[i] == "temperature_K") s.temperature_K = t.values(static_cast<int>(i));
  }
  if (s.size() < 2) throw InputError({path, 0, 0}, "time_ps", fmt::format("{} rows; need at least 2", s.size()));
  const double dt = s.interval_ps();
  if (!(dt > 0)) throw InputError({path, 0, 0}, "time_ps", "times must increase");
  for (size_t i = 1; i < s.size(); ++i)
    if (std::fabs(s.time_ps[i] - s.time_ps[i - 1] - dt) > 1e-6 * dt + 1e-9)
      throw InputError({path, 0, 0}, "time_ps",
                       fmt::format("uneven sampling: row {} is {:g} ps after the previous one, row 2 was {:g} ps", i + 1,
                                   s.time_ps[i] - s.time_ps[i - 1], dt));
  return s;
}

}  // namespace gb::analysis
