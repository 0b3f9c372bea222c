#include "lammps/internal/lammps_stage_output.hpp"

#include <fmt/format.h>

#include <cmath>

#include "core/error.hpp"
#include "core/lammps_dump.hpp"
#include "lammps/internal/lammps_log.hpp"

namespace gb::lammps {

std::vector<runners::ThermoRow> thermo_rows_from_log(const std::string& log_text, const std::string& source,
                                                     const cases::StageSpec& st, long first_step,
                                                     double first_time_ps) {
  const auto blocks = parse_thermo_blocks(log_text, source);
  if (blocks.empty())
    throw InputError(SourceLocation{source, 0, 0}, "thermo", "no thermo output in the LAMMPS log of stage " + st.name);
  const ThermoBlock& b = blocks.back();
  const SourceLocation where{source, b.header_line, 0};
  if (!b.complete)
    throw InputError(where, "thermo", "the LAMMPS run of stage " + st.name + " did not finish (no 'Loop time')");
  const char* names[] = {"Step", "Temp", "PotEng", "KinEng", "TotEng", "Volume", "Density", "Press"};
  int col[8];
  for (int i = 0; i < 8; ++i) {
    col[i] = b.column(names[i]);
    if (col[i] < 0) throw InputError(where, "thermo", fmt::format("the thermo header has no '{}' column", names[i]));
  }
  std::vector<runners::ThermoRow> rows;
  long expect = 0;  // next step in stage glassbench writes
  for (const auto& r : b.rows) {
    const long step = std::lround(r[static_cast<size_t>(col[0])]);
    const long s = step - first_step;
    if (s != expect) continue;  // e.g. a duplicate last row; missing ones are caught below
    runners::ThermoRow row;
    row.stage = st.name;
    row.step = step;
    row.time_ps = first_time_ps + static_cast<double>(s) * st.timestep_ps;
    row.temperature_K = r[static_cast<size_t>(col[1])];
    row.potential_energy_eV = r[static_cast<size_t>(col[2])];
    row.kinetic_energy_eV = r[static_cast<size_t>(col[3])];
    row.volume_A3 = r[static_cast<size_t>(col[5])];
    row.density_g_cm3 = r[static_cast<size_t>(col[6])];
    row.pressure_bar = r[static_cast<size_t>(col[7])];
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
