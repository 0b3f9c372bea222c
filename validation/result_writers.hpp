#pragma once
// Outputs of `glassbench validate`: a plain-text table (terminal), JSON (for
// reports and scripts) and JUnit XML (CI dashboards).  Files are written
// atomically and carry glassbench version + git commit.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "validation/check_result.hpp"

namespace gb::validation {

std::string results_table(const std::vector<CheckResult>& results);
nlohmann::json results_json(const std::vector<CheckResult>& results);
/// Inverse of results_json (the report reads validate's JSON).  Throws
/// gb::InputError naming `source` on a malformed document.
std::vector<CheckResult> results_from_json(const nlohmann::json& j, const std::string& source);
std::string results_junit(const std::vector<CheckResult>& results);
void write_results_json(const std::string& path, const std::vector<CheckResult>& results);
void write_results_junit(const std::string& path, const std::vector<CheckResult>& results);

}  // namespace gb::validation
