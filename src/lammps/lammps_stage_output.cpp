#include "lammps/internal/lammps_stage_output.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "core/error.hpp"
#include "core/lammps_dump.hpp"
#include "lammps/internal/lammps_log.hpp"

namespace gb::lammps {

std::vector<runners::ThermoRow> thermo_rows_from_log(const std::string& log_text, const std::string& source,
                                                     const cases::StageSpec& st, long first_step,
                                                     double first_time_ps) {
  return thermo_rows_from_segments({LogSegment{log_text, source, -1}}, st, first_step, first_time_ps);
}

long last_thermo_step(const std::string& log_text, const std::string& source) {
  const auto blocks = parse_thermo_blocks(log_text, source);
  if (blocks.empty()) return -1;
  const int c = blocks.back().column("Step");
  long last = -1;
  if (c >= 0)
    for (const auto& r : blocks.back().rows) last = std::max(last, std::lround(r[static_cast<size_t>(c)]));
  return last;
}

std::vector<runners::ThermoRow> thermo_rows_from_segments(const std::vector<LogSegment>& segments,
                                                          const cases::StageSpec& st, long first_step,
                                                          double first_time_ps) {
  if (segments.empty()) throw std::logic_error("thermo_rows_from_segments: no segments");
  const char* names[] = {"Step", "Temp", "PotEng", "KinEng", "TotEng", "Volume", "Density", "Press"};
  // Every segment's rows in its step range, as columns in `names` order.
  std::vector<std::vector<double>> raw;
  SourceLocation where;
  long prev_until = -1;
  for (size_t i = 0; i < segments.size(); ++i) {
    const LogSegment& seg = segments[i];
    const bool last = i + 1 == segments.size();
    const auto blocks = parse_thermo_blocks(seg.text, seg.source);
    if (blocks.empty())
      throw InputError(SourceLocation{seg.source, 0, 0}, "thermo", "no thermo output in the LAMMPS log of stage " + st.name);
    const ThermoBlock& b = blocks.back();
    where = SourceLocation{seg.source, b.header_line, 0};
    if (last && !b.complete)
      throw InputError(where, "thermo", "the LAMMPS run of stage " + st.name + " did not finish (no 'Loop time')");
    int col[8];
    for (int k = 0; k < 8; ++k) {
      col[k] = b.column(names[k]);
      if (col[k] < 0) throw InputError(where, "thermo", fmt::format("the thermo header has no '{}' column", names[k]));
    }
    for (const auto& r : b.rows) {
      const long step = std::lround(r[static_cast<size_t>(col[0])]);
      if (step <= prev_until || (seg.until_step >= 0 && step > seg.until_step)) continue;
      std::vector<double> v(8);
      for (int k = 0; k < 8; ++k) v[static_cast<size_t>(k)] = r[static_cast<size_t>(col[k])];
      raw.push_back(std::move(v));
    }
    if (!last) prev_until = seg.until_step;
  }
  std::vector<runners::ThermoRow> rows;
  long expect = 0;  // next step in stage glassbench writes
  for (const auto& r : raw) {
    const long step = std::lround(r[0]);
    const long s = step - first_step;
    if (s != expect) continue;  // e.g. a duplicate last row; missing ones are caught below
    runners::ThermoRow row;
    row.stage = st.name;
    row.step = step;
    row.time_ps = first_time_ps + static_cast<double>(s) * st.timestep_ps;
    row.temperature_K = r[1];
    row.potential_energy_eV = r[2];
    row.kinetic_energy_eV = r[3];
    row.volume_A3 = r[5];
    row.density_g_cm3 = r[6];
    row.pressure_bar = r[7];
    row.target_temperature_K =
        st.t_start_K + (st.t_end_K - st.t_start_K) * static_cast<double>(s) / static_cast<double>(st.steps);
    rows.push_back(row);
    if (s >= st.steps) break;
    expect = std::min(st.steps, (s / st.output.thermo_steps + 1) * st.output.thermo_steps);
  }
  if (rows.empty() || rows.back().step != first_step + st.steps)
    throw InputError(where, "thermo",
                     fmt::format("stage {}: the LAMMPS thermo output lacks step {} (stage step {}); the deck's thermo "
                                 "interval and glassbench's disagree",
                                 st.name, first_step + expect, expect));
  return rows;
}

int convert_dump_segments(const std::vector<DumpSegment>& segments, const std::string& out_path, bool gzip,
                          const std::vector<std::string>& columns) {
  DumpWriter::Options o;
  o.columns = columns;
  o.gzip = gzip;
  DumpWriter out(out_path, o);
  long prev_until = -1;
  for (size_t i = 0; i < segments.size(); ++i) {
    const DumpSegment& seg = segments[i];
    const bool last = i + 1 == segments.size();
    DumpReader in(seg.path);
    DumpFrame f;
    while (true) {
      try {
        if (!in.next(f)) break;
      } catch (const InputError&) {
        if (last) throw;
        break;  // a frame cut by the interruption: past this segment's restart step
      }
      if (f.timestep <= prev_until) continue;
      if (seg.until_step >= 0 && f.timestep > seg.until_step) break;
      out.write(f);
    }
    if (!last) prev_until = seg.until_step;
  }
  out.close();
  return out.frames_written();
}

int convert_dump(const std::string& lammps_dump, const std::string& out_path, bool gzip,
                 const std::vector<std::string>& columns) {
  DumpReader in(lammps_dump);
  DumpWriter::Options o;
  o.columns = columns;
  o.gzip = gzip;
  DumpWriter out(out_path, o);
  DumpFrame f;
  while (in.next(f)) out.write(f);
  out.close();
  return out.frames_written();
}

}  // namespace gb::lammps
