#pragma once
// The record of one executed stage, DIR/stages/<NN>-<name>/stage.yaml: what
// was requested (kind, ensemble, set points, time step, steps, output
// schedule) and what was achieved (mean/sd of T and P from thermo.csv after
// the stage's equilibration).  The runner writes it last, atomically, when the
// stage is complete; every reader gets it through read_stage_record().
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "rundir/stage_kind.hpp"

namespace gb::rundir {

/// Achieved conditions of a stage: statistics over its thermo.csv rows at
/// steps >= first_step + equilibration_steps.
struct AchievedConditions {
  long samples = 0;  // thermo rows used (0: unknown, the fields below are NaN)
  double T_mean_K = 0, T_sd_K = 0;
  double P_mean_bar = 0, P_sd_bar = 0;
  double volume_mean_A3 = 0;
  double T_last_K = 0, P_last_bar = 0;  // the stage's last row
};

struct StageRecord {
  int schema_version = 0;     // of the stage.yaml read (1: written before the run model)
  std::string dir_name;       // "05-isothermal-0300K"
  std::string name;           // "isothermal-0300K"
  std::optional<StageKind> kind;  // nullopt: a kind this build does not know (kind_name says which)
  std::string kind_name;      // as written
  std::string ensemble;       // NVT | NPT
  double T_start_K = 0, T_end_K = 0;     // requested (equal except for a ramp)
  std::optional<double> pressure_bar;    // requested (NPT only)
  double timestep_ps = 0;
  long steps = 0;
  long first_step = 0;
  double first_time_ps = 0;
  long equilibration_steps = 0;
  long thermo_interval_steps = 0;
  long dump_interval_steps = 0;
  int frames = 0;
  std::string trajectory;     // file name in the stage folder, "" if none
  long velocity_dump_interval_steps = 0;
  int velocity_frames = 0;
  std::vector<std::string> elements;  // LAMMPS type order
  std::string started_from;           // stage name, "" = fresh structure
  bool velocities_reassigned = false;
  std::string thermostat_kind;
  double thermostat_time_constant_ps = 0;
  std::optional<long> barostat_interval_steps;  // NPT only
  /// Kind-specific parameters (quench: ramp_interval_steps; shear: amplitude, period ...),
  /// written as top-level keys.
  std::map<std::string, double> parameters;
  /// NVT isotherms: how the volume was chosen (zero-pressure: the mean box of
  /// an NPT pre-equilibration at P = 0; start-state: start_from's box), and the
  /// numbers behind it (science, issue 9).
  std::string volume, volume_source;
  AchievedConditions achieved;
  bool complete = false;      // stage.yaml exists (false: the folder holds a stage in progress)

  bool is(StageKind k) const { return kind && *kind == k; }
  double duration_ps() const { return steps * timestep_ps; }
  /// The one rule for "the temperature of a stage": its final set point
  /// (= the temperature of isothermal/equilibrate/relax stages, the end of a quench).
  double temperature_K() const { return T_end_K; }
};

/// YAML text of a stage record (schema_version kSchemaVersion).
std::string stage_record_yaml(const StageRecord& r, const std::string& provenance_comment);
/// Reads `path` (stage.yaml); dir_name is taken from its folder.  Throws
/// gb::InputError naming file:line:field for malformed values.
StageRecord read_stage_record(const std::string& path);

}  // namespace gb::rundir
