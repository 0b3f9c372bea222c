#pragma once
// An observable of `glassbench analyze run` is one module in a registry
// (src/analysis/observables.def): it says what it needs (positions,
// velocities, thermo rows, stress samples), what files it writes into
// analysis/<stage>/, and computes them plus its scalars in the stage's
// summary.json entry.  analyze_run_directory walks the registry for every
// complete stage; an observable whose needs the stage cannot meet (e.g. no
// trajectory) is skipped, so stages without a trajectory still get the
// observables that need only thermo rows or stress samples.  After the
// stages, each observable may write run-level files (summarize_run).
#include <cmath>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "analysis/dynamics_output.hpp"
#include "analysis/run_directory_analysis.hpp"
#include "analysis/trajectory.hpp"
#include "rundir/run_directory.hpp"
#include "rundir/thermo_log.hpp"

namespace gb::analysis {

enum Need : unsigned {
  kNeedPositions = 1u << 0,   // trajectory.dump[.gz]
  kNeedVelocities = 1u << 1,  // velocities.dump[.gz]
  kNeedThermo = 1u << 2,      // this stage's thermo.csv rows
  kNeedStress = 1u << 3,      // stress samples (stages/<stage>/stress.csv)
};

/// What a stage offers the observables (loaded once per stage).
struct StageData {
  const rundir::Stage& stage;
  const Trajectory* trajectory = nullptr;         // when the stage has positions
  std::string velocities_path;                    // "" if none
  std::vector<rundir::ThermoLogRow> thermo;       // this stage's rows
  std::string stress_path;                        // "" if none
  std::string out_dir;                            // analysis/<stage>/
  OutputContext context;
  const StageAnalysisOptions& options;
  std::vector<std::string> elements;              // type order
  unsigned available() const {
    return (trajectory ? kNeedPositions : 0u) | (velocities_path.empty() ? 0u : kNeedVelocities) |
           (thermo.empty() ? 0u : kNeedThermo) | (stress_path.empty() ? 0u : kNeedStress);
  }
};

/// Results shared along the registry for one stage.
struct StageResults {
  nlohmann::json summary = nlohmann::json::object();  // this stage's summary.json entry
  double gr_first_peak_A = NAN;    // gr
  int tau_string_lag = -1;         // strings: lag (frames) of the peak, -1 if none
  double G_inf_GPa = NAN, G_inf_error_GPa = NAN;  // green_kubo: instantaneous shear modulus
  double tau_alpha_ps = NAN;                      // scattering: F_s(q1, tau_alpha) = 1/e
};

/// What a run-level summary sees once every complete stage was analysed.
struct RunData {
  std::string analysis_dir;                 // DIR/analysis
  const nlohmann::json& stages;             // summary.json's "stages" (run order)
  std::string command;
};

class Observable {
 public:
  virtual ~Observable() = default;
  virtual const char* name() const = 0;
  /// Bitwise-or of Need values; the observable runs only when all are available.
  virtual unsigned needs() const = 0;
  /// Files written into analysis/<stage>/ (documentation and tests).
  virtual std::vector<std::string> writes() const = 0;
  virtual void compute(const StageData& in, StageResults& out) const = 0;
  /// Stage kinds it is meant for (default: every kind), e.g. md_dma only shear stages.
  virtual bool applies_to(const rundir::Stage&) const { return true; }
  /// Run-level files in analysis/ and keys of summary.json from the stages'
  /// entries (e.g. E''(T) across shear stages); default: none.
  virtual void summarize_run(const RunData&, nlohmann::json& /*run_summary*/) const {}
};

/// The registered observables, in registry order.
const std::vector<const Observable*>& observables();

#define GB_OBSERVABLE(Name) const Observable& observable_##Name();
#include "analysis/observables.def"
#undef GB_OBSERVABLE

/// JSON number, or null for NaN/inf.
inline nlohmann::json num_or_null(double v) { return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr); }

}  // namespace gb::analysis
