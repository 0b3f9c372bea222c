#pragma once
// Read-only view of a run directory (docs/run-directory.md): provenance, the
// case, the executed stages with their records, and what `glassbench analyze`
// left in analysis/.  Analysis, validation and reports all read runs through
// this class, with one set of rules:
//   - a stage folder without stage.yaml is a stage in progress
//     (Stage::complete == false): listed, never analysed;
//   - a stage's temperature is its final set point (StageRecord::temperature_K);
//   - "the stage nearest to T": the non-quench stage minimising |T_stage - T|,
//     isothermal stages winning ties (nearest_stage).
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "rundir/layout.hpp"
#include "rundir/stage_record.hpp"

namespace gb::rundir {

/// A stage of a run: its record plus where its files are.
struct Stage : StageRecord {
  Stage(StageRecord r, StageLayout f, AnalysisLayout a)
      : StageRecord(std::move(r)), files(std::move(f)), analysis(std::move(a)) {}
  StageLayout files;
  AnalysisLayout analysis;
  /// Path of trajectory.dump[.gz], "" if the stage wrote none.
  std::string trajectory_path() const { return files.existing_trajectory(); }
  bool has(AnalysisFile f) const { return analysis.has(f); }
};

class RunDirectory {
 public:
  /// Throws gb::InputError if `dir` is not a run directory (no stages/ and no
  /// provenance.yaml), or a stage.yaml / thermo.csv is malformed (file:line:field).
  static RunDirectory load(const std::string& dir);
  /// No run at all (for run-independent self-checks).
  static RunDirectory empty() { return RunDirectory(""); }

  const RunLayout& layout() const { return layout_; }
  const std::string& path() const { return layout_.root(); }
  int schema_version() const { return schema_version_; }
  const std::string& case_name() const { return case_name_; }
  /// Text of case.yaml ("" if absent).
  const std::string& case_text() const { return case_text_; }
  /// The case claims the paper protocol: `protocol: chang2022`, a `paper` tag,
  /// or "paper" in its name.
  bool claims_paper_protocol() const { return claims_paper_; }
  /// case.yaml `purpose:` (physics | smoke | benchmark; default physics).  A
  /// run that is not physics gets a banner in reports and a note from validate.
  const std::string& purpose() const { return purpose_; }
  bool is_physics() const { return purpose_ == "physics"; }
  /// Every stage folder in execution order (complete or not).
  const std::vector<Stage>& stages() const { return stages_; }
  /// Complete stages of kind k.
  std::vector<const Stage*> stages_of(StageKind k) const;
  /// Complete isothermal stages sorted by temperature (descending).
  std::vector<const Stage*> isothermal_stages() const;
  /// Element -> atom count (from the first stage's final.data); empty if unknown.
  const std::map<std::string, long>& composition() const { return composition_; }
  long atoms() const;
  /// "Cu64Zr36" style (percentages rounded to 0.1).
  std::string formula() const;
  /// provenance.yaml text ("" if absent).
  const std::string& provenance_text() const { return provenance_text_; }

  using StageFilter = std::function<bool(const Stage&)>;
  /// The one "stage nearest to T" rule (see above) among complete stages
  /// accepted by `usable`; nullptr if none.
  const Stage* nearest_stage(double T_K, const StageFilter& usable) const;
  const Stage* nearest_stage_with(double T_K, AnalysisFile f) const;
  /// The hottest complete non-quench stage accepted by `usable`; ties go to an isotherm.
  const Stage* hottest_stage(const StageFilter& usable) const;
  const Stage* hottest_stage_with(AnalysisFile f) const;


 private:
  explicit RunDirectory(std::string dir) : layout_(std::move(dir)) {}
  RunLayout layout_;
  int schema_version_ = 1;
  std::string case_name_, case_text_, provenance_text_;
  bool claims_paper_ = false;
  std::string purpose_ = "physics";
  std::vector<Stage> stages_;
  std::map<std::string, long> composition_;
};

/// JSON file parsed, nullopt if absent; malformed JSON -> gb::InputError naming the file.
std::optional<nlohmann::json> read_json_file(const std::string& path);

}  // namespace gb::rundir
