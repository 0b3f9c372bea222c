#pragma once
// A stage kind is one type in one file (src/cases/stage_kind_<name>.cpp),
// registered by one line in src/rundir/stage_kinds.def.  The type says
//   - how a protocol entry of its kind parses (parse: one or more StageSpecs,
//     errors through YamlField::fail, i.e. file:line:column:field),
//   - what a stage plans (plan: steps, output schedule, hook interval),
//   - what the runner does at chunk boundaries (at_step: thermostat set
//     points, box changes, extra samples), through the engine-neutral
//     StageControl the runner implements (OpenMM today, LAMMPS decks later).
// See docs/stage-kinds.md for a worked example (adding `shear`).
#include <array>
#include <map>
#include <string>
#include <vector>

#include "cases/case_spec.hpp"
#include "cases/yaml_field.hpp"
#include "core/box.hpp"

namespace gb::cases {

/// What the case loader offers a stage kind's parser.
class ProtocolReader {
 public:
  virtual ~ProtocolReader() = default;
  /// Keys every stage entry accepts (kind, name, ensemble, pressure, timestep,
  /// thermostat, output, start_from, barostat); a kind's parse adds its own to expect_map.
  static std::vector<std::string> with_common_keys(std::vector<std::string> kind_keys);
  /// Ensemble, pressure, time step, thermostat and output of entry e into s.
  virtual void read_common(const YamlField& e, StageSpec& s) = 0;
  /// `start_from` of e (checked to name an earlier stage), else `fallback`.
  virtual void resolve_start(const YamlField& e, StageSpec& s, const std::string& fallback) = 0;
  /// `kind`, or `kind-2`, `kind-3`, ... if already used.
  virtual std::string unique_default_name(const std::string& kind) const = 0;
  /// Appends s (its dir_name is set here); `name_field` is blamed for a duplicate name.
  virtual void add(StageSpec s, const YamlField& name_field) = 0;
  /// The most recent stage a later stage starts from by default ("" before the first).
  virtual const std::string& default_start() const = 0;
  virtual void set_default_start(const std::string& stage_name) = 0;
  /// The stages parsed so far.
  virtual const Case& parsed() const = 0;
};

/// A stage's schedule, in steps of the stage (0-based; step `steps` is its end).
struct StagePlan {
  long steps = 0;
  long output_from_step = 0;   // first trajectory frame (equilibration before it)
  long thermo_every = 0;       // > 0
  long positions_every = 0;    // 0: no trajectory
  long velocities_every = 0;   // 0: no velocity dump
  long hook_every = 0;         // the runner stops at multiples of this and calls at_step (0: never)
  int frames() const { return positions_every > 0 ? static_cast<int>((steps - output_from_step) / positions_every + 1) : 0; }
  int velocity_frames() const {
    return velocities_every > 0 ? static_cast<int>((steps - output_from_step) / velocities_every + 1) : 0;
  }
};

/// The runner's side of a stage, engine-neutral (metal units).
class StageControl {
 public:
  virtual ~StageControl() = default;
  /// Thermostat (and barostat) set point.
  virtual void set_temperature(double T_K) = 0;
  /// The current periodic box.
  virtual Box box() const = 0;
  /// Replace the box, mapping atoms affinely (fractional coordinates kept): box changes such as shear strain.
  virtual void set_box(const Box& b) = 0;
  /// Pressure tensor of the current state, bar, LAMMPS order xx yy zz xy xz yz (virial + kinetic).
  virtual std::array<double, 6> pressure_tensor_bar() = 0;
  /// Appends one row to the stage's CSV `file_name` (e.g. "stress.csv") in its
  /// stage folder; `columns` is the header (written once).  Rows are cut back
  /// to the checkpoint on --resume like thermo.csv, so a hook never writes a row twice.
  virtual void record_sample(const std::string& file_name, const std::vector<std::string>& columns,
                             const std::vector<double>& row) = 0;
  /// Global simulated time of the current state, ps.
  virtual double time_ps() const = 0;
};

class StageType {
 public:
  virtual ~StageType() = default;
  virtual StageKind kind() const = 0;
  const char* name() const { return stage_kind_name(kind()); }
  /// Parse protocol entry `e` (a map with `kind: <name>`) into stages via r.add().
  virtual void parse(const YamlField& e, ProtocolReader& r) const = 0;
  /// Default: the spec's steps and output intervals, no hook.
  virtual StagePlan plan(const StageSpec& s) const;
  /// Thermostat set point at step (default: constant T_end).
  virtual double target_temperature(const StageSpec& s, long step) const;
  /// Called with the state at `step` at every multiple of plan().hook_every
  /// (step 0 and the stage's last step included), before thermo/dump output
  /// of that step and before integrating on.  It must depend on (s, step)
  /// only, never on earlier calls: a resumed run calls it again from the
  /// checkpoint's step (record_sample is then a no-op for that step).
  virtual void at_step(const StageSpec& s, long step, StageControl& c) const {}
  /// True if the stage tilts the box (shear): the run refuses, before its first
  /// stage, platforms that cannot run a triclinic box with the EAM force.
  virtual bool needs_triclinic_box() const { return false; }
  /// Kind-specific numbers for stage.yaml (quench: ramp_interval_steps).
  virtual std::map<std::string, double> record_parameters(const StageSpec& s) const { return s.parameters; }
};

/// equilibrate / relax: hold `temperature` for `duration` (stage_kind_equilibrate.cpp).
void parse_held_temperature_stage(const YamlField& e, ProtocolReader& r, StageKind kind);

/// The registered type of kind k (src/rundir/stage_kinds.def).
const StageType& stage_type(StageKind k);
/// The type named `name`, or nullptr.
const StageType* find_stage_type(const std::string& name);

// One accessor per registered kind, defined in its stage_kind_<name>.cpp.
#define GB_STAGE_KIND(E, name) const StageType& stage_type_##E();
#include "rundir/stage_kinds.def"
#undef GB_STAGE_KIND

}  // namespace gb::cases
