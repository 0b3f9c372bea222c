#pragma once
// Read-only view of a run directory (docs/run-directory.md): provenance, the
// case, the executed stages and what `glassbench analyze` left in analysis/.
// Loading never fails on missing analysis files; probes ask for what they need
// and turn absence into a "skip: missing ..." verdict.
#include <cmath>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace gb::validation {

struct StageRecord {
  std::string dir_name;   // "05-isothermal-0300K"
  std::string name;       // "isothermal-0300K"
  std::string kind;       // equilibrate | quench | relax | isothermal | shear
  std::string ensemble;   // NVT | NPT
  double T_start_K = 0, T_end_K = 0, pressure_bar = 0, timestep_ps = 0;
  long steps = 0;
  std::vector<std::string> elements;  // type order
  long first_step = -1;                // global step of the stage's start (-1: unknown)
  long equilibration_steps = 0;        // isothermal: steps before production
  bool has_pressure_set_point = false; // NPT (stage.yaml pressure_bar not null)
  std::string thermostat;              // nose-hoover | langevin ("" if not recorded)
  double thermostat_time_constant_ps = NAN;
  /// How an NVT stage's volume was chosen (stage.yaml `volume`): zero-pressure
  /// (mean box of an NPT pre-equilibration at P = 0), start-state (the box of
  /// start_from, the literal reading) or "" (not recorded / NPT).
  std::string volume;
  std::string path;       // DIR/stages/<dir_name>
  std::string analysis_path;  // DIR/analysis/<dir_name> (may not exist)
  double duration_ps() const { return steps * timestep_ps; }
  double temperature_K() const { return T_end_K; }
  std::string trajectory() const;  // path of trajectory.dump[.gz] or "" if absent
};

class RunDirectory {
 public:
  /// Throws gb::InputError if `dir` is not a run directory (no stages/ and no
  /// provenance.yaml), or a stage.yaml is malformed (file:line:field).
  static RunDirectory load(const std::string& dir);

  const std::string& path() const { return path_; }
  const std::string& case_name() const { return case_name_; }
  /// Text of case.yaml ("" if absent).
  const std::string& case_text() const { return case_text_; }
  /// The case claims the paper protocol: `protocol: chang2022`, a `paper` tag,
  /// or "paper" in its name.
  bool claims_paper_protocol() const { return claims_paper_; }
  /// case.yaml `purpose:` (physics | smoke | benchmark; default physics).  A
  /// run that is not physics gets a banner in reports and validate output.
  const std::string& purpose() const { return purpose_; }
  bool is_physics() const { return purpose_ == "physics"; }
  const std::vector<StageRecord>& stages() const { return stages_; }
  /// Element -> atom count (from the first stage's final.data); empty if unknown.
  const std::map<std::string, long>& composition() const { return composition_; }
  long atoms() const;
  /// "Cu64Zr36" style (percentages rounded to 0.1).
  std::string formula() const;
  /// provenance.yaml as flat "key: value" lines for reports ("" if absent).
  const std::string& provenance_text() const { return provenance_text_; }

  /// Isothermal stages sorted by temperature (descending).
  std::vector<const StageRecord*> isothermal_stages() const;
  /// The stage with an analysis file `file`, of any kind, whose temperature is
  /// nearest T (isothermal preferred); nullptr if none.
  const StageRecord* nearest_stage_with(double T_K, const std::string& file) const;
  /// Hottest non-quench stage with `file`; ties go to an isothermal stage.
  const StageRecord* hottest_stage_with(const std::string& file) const;
  /// analysis/<stage>/<file> parsed as JSON; nullopt if absent.  Malformed
  /// JSON throws gb::InputError naming the file.
  std::optional<nlohmann::json> analysis_json(const StageRecord& s, const std::string& file) const;
  bool has_analysis_file(const StageRecord& s, const std::string& file) const;
  /// analysis/summary.json (nullopt if absent).
  std::optional<nlohmann::json> summary() const;

 private:
  std::string path_, case_name_, case_text_, provenance_text_;
  bool claims_paper_ = false;
  std::string purpose_ = "physics";
  std::vector<StageRecord> stages_;
  std::map<std::string, long> composition_;
};

/// Parse "Al90La10", "Y68.9Co31.1", "La10Al90" -> element -> fraction (sums to 1).
/// Throws gb::InputError on text that is not a formula.
std::map<std::string, double> parse_formula(const std::string& formula);
/// Same elements and every fraction within `tol` (default 0.02 = 2 at.%).
bool same_system(const std::map<std::string, double>& a, const std::map<std::string, double>& b, double tol = 0.02);

}  // namespace gb::validation
