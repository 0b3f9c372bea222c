#pragma once
// Outputs of `glassbench validate`: a plain-text table (terminal), JSON (for
// reports and scripts) and JUnit XML (CI dashboards).  Files are written
// atomically and carry glassbench version + git commit.
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "validation/check_result.hpp"
#include "validation/validator.hpp"

namespace gb::validation {

std::string results_table(const std::vector<CheckResult>& results);
/// With `options`, the document records them ("options": sigma, only,
/// references, self_checks) so a reader can tell how the verdicts were made.
nlohmann::json results_json(const std::vector<CheckResult>& results, const nlohmann::json& options = nullptr);
/// Inverse of results_json (the report reads validate's JSON).  Throws
/// gb::InputError naming `source` on a malformed document.
std::vector<CheckResult> results_from_json(const nlohmann::json& j, const std::string& source);
std::string results_junit(const std::vector<CheckResult>& results);
void write_results_json(const std::string& path, const std::vector<CheckResult>& results,
                        const nlohmann::json& options = nullptr);

/// The options of a `glassbench validate` run as recorded in validation.json.
nlohmann::json validation_options_json(const ValidationOptions& opt, const std::string& references_dir,
                                       bool self_checks);

/// The verdicts `glassbench validate` wrote into a run directory
/// (DIR/validation.json, rundir::RunLayout::validation_json) with the options
/// it used.  The report shows these, so it can never disagree with validate.
struct RecordedValidation {
  std::string path;
  std::vector<CheckResult> results;
  double k_sigma = 2.0;
  std::vector<std::string> only;
  std::string references_dir, written_utc;
  bool options_recorded = false;  // false: written before validate recorded its options
};
/// nullopt if the run has no validation.json; gb::InputError naming the file if it is malformed.
std::optional<RecordedValidation> read_run_validation(const std::string& run_dir);
void write_results_junit(const std::string& path, const std::vector<CheckResult>& results);

}  // namespace gb::validation
