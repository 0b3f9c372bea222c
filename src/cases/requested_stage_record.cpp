#include "cases/requested_stage_record.hpp"

#include <filesystem>

#include "cases/stage_type.hpp"
#include "rundir/layout.hpp"

namespace gb::cases {

rundir::StageRecord requested_stage_record(const StageSpec& st, long first_step, double first_time_ps,
                                           const std::vector<std::string>& elements) {
  rundir::StageRecord r;
  r.name = st.name;
  r.dir_name = st.dir_name;
  r.kind = st.kind;
  r.ensemble = st.npt ? "NPT" : "NVT";
  r.T_start_K = st.t_start_K;
  r.T_end_K = st.t_end_K;
  if (st.npt) r.pressure_bar = st.pressure_bar;
  r.timestep_ps = st.timestep_ps;
  r.steps = st.steps;
  r.first_step = first_step;
  r.first_time_ps = first_time_ps;
  r.equilibration_steps = st.equilibration_steps;
  r.thermo_interval_steps = st.output.thermo_steps;
  r.dump_interval_steps = st.output.positions_steps;
  if (st.output.positions_steps > 0)
    r.trajectory = std::filesystem::path(rundir::StageLayout(".").trajectory(st.output.compress)).filename().string();
  r.velocity_dump_interval_steps = st.output.velocities_steps;
  r.elements = elements;
  r.started_from = st.start_from;
  r.thermostat_kind = thermostat_name(st.thermostat.kind);
  r.thermostat_time_constant_ps = st.thermostat.time_constant_ps;
  r.parameters = stage_type(st.kind).record_parameters(st);
  r.volume = st.volume;
  return r;
}

}  // namespace gb::cases
