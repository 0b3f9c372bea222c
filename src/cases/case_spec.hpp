#pragma once
// A glassbench case: what to simulate and how, as read from a YAML case file
// (schema: docs/cases.md).  All values are in the runner's units: K, bar, ps,
// Angstrom, K/ps; step counts are exact integers.  The protocol is stored
// expanded: one StageSpec per executed stage, in order (an `isothermal` entry
// with several temperatures becomes several stages).
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/error.hpp"
#include "rundir/stage_kind.hpp"

namespace gb::cases {

struct StructureSpec {
  enum class Kind { Random, Fcc, Data } kind = Kind::Random;
  // random: number density (1/A^3) or mass density (g/cm^3); the runner converts
  // a mass density with the potential's masses.
  double density = 0;
  bool mass_density = false;
  double min_distance_A = 1.8;
  // fcc
  double lattice_constant_A = 0;
  int cells[3] = {0, 0, 0};
  // data: a LAMMPS data file (atom_style atomic), path resolved against the
  // case file's folder; its atom type t is potential.elements[t-1] (as in
  // `pair_coeff * * file El1 El2`).  Velocities are used when present.
  std::string data_file;
  bool data_has_velocities = false;
  bool data_triclinic = false;
};

struct SystemSpec {
  std::vector<std::pair<std::string, double>> composition;  // element, relative amount (file order)
  int atoms = 0;
  std::vector<std::pair<std::string, int>> counts;  // element -> exact atom count (composition order)
  StructureSpec structure;
  uint64_t seed = 0;
};

struct PotentialSpec {
  std::string file;             // as written (after ${VAR} expansion); may be a bare name
  std::string missing_env;      // name of an unset environment variable the file refers to
  std::vector<std::string> elements;  // element order of the potential mapping (LAMMPS pair_coeff order)
  std::string sha256;           // lower-case hex, empty if not given
  SourceLocation where;         // of potential.file, for errors found later
};

struct PlatformSpec {
  std::vector<std::string> preference{"CUDA", "OpenCL", "CPU", "Reference"};
  std::string precision;  // single | mixed | double | "" (platform default); GPU platforms only
  int device = -1;                  // -1: platform default
  int threads = 0;                  // CPU platform threads, 0: platform default
  /// EAM force implementation: "native" (EamPlugin::EamForce) | "custom"
  /// (CustomGBForce) | "" (native where the platform has it).
  std::string force;
};

struct ThermostatSpec {
  enum class Kind { NoseHoover, Langevin } kind = Kind::NoseHoover;
  double time_constant_ps = 0.1;  // NH: 1/collision frequency; Langevin: 1/friction
};

struct OutputSpec {
  long thermo_steps = 0;      // > 0
  long positions_steps = 0;   // 0 = no trajectory
  long velocities_steps = 0;  // 0 = no velocity dump
  bool compress = false;      // gzip the dumps
};

struct StageSpec {
  using Kind = gb::StageKind;  // registry: src/rundir/stage_kinds.def
  Kind kind = Kind::Equilibrate;
  std::string name;      // unique; isothermal: "isothermal-0300K"
  std::string dir_name;  // "NN-name"
  bool npt = false;
  double pressure_bar = 0;
  double t_start_K = 0, t_end_K = 0;  // equal except for quench
  double timestep_ps = 0;
  long steps = 0;
  long equilibration_steps = 0;  // isothermal: steps before output starts (part of `steps`)
  long ramp_interval_steps = 0;  // quench: thermostat update interval
  std::map<std::string, double> parameters;  // kind-specific numbers (written to stage.yaml)
  std::string start_from;        // stage name; "" = fresh structure (first stage)
  ThermostatSpec thermostat;
  int barostat_interval = 25;    // steps between Monte Carlo volume moves
  /// How an isothermal NVT stage's volume is chosen (docs/cases.md):
  ///  "zero-pressure": an NPT pre-equilibration stage at this T and P = 0 runs
  ///                   first (start_from names it) and this stage starts in the
  ///                   mean box of that stage's second half (box_from_mean);
  ///  "start-state":   the box of start_from as it is (the literal reading:
  ///                   NVT in the 100 K glass's or the 2000 K liquid's box).
  /// "" for every other stage.
  std::string volume;
  /// Start in the mean volume of the second half of start_from's thermo rows
  /// (isotropic rescale of the final box and positions).
  bool box_from_mean = false;
  OutputSpec output;
  SourceLocation where;          // of the protocol entry

  double duration_ps() const { return steps * timestep_ps; }
};

struct CheckpointSpec {
  long every_steps = 0;          // 0: only by wall time / at stage ends
  double every_wall_s = 900;     // 0: only by steps / at stage ends
};

struct LimitsSpec {
  double max_temperature_K = 0;  // 0: automatic (per stage, see docs/cases.md)
};

struct Case {
  std::string file;  // path it was read from
  std::string name;
  std::string description;
  /// physics (default) | smoke | benchmark: a case that is not physics (it
  /// checks the machinery) is flagged by a banner in reports.
  std::string purpose = "physics";
  SystemSpec system;
  PotentialSpec potential;
  PlatformSpec platform;
  CheckpointSpec checkpoint;
  LimitsSpec limits;
  std::vector<StageSpec> stages;
  int replicas = 1;  // independent copies with derived seeds (`replicas: N`, `run --replicas N`)

  long total_steps() const;
  double total_time_ps() const;
  /// Global step at which stage k starts (sum of the steps of stages before it).
  long stage_offset(size_t k) const;
  /// Index of the stage named `name`, or -1.
  int stage_index(const std::string& name) const;
};

using gb::stage_kind_name;  // "equilibrate", ... (rundir/stage_kind.hpp)
const char* thermostat_name(ThermostatSpec::Kind k);  // "nose-hoover" | "langevin"

}  // namespace gb::cases
