#pragma once
// Provenance stamped into every analysis output: glassbench version, git
// commit, the command, the input file and the time of writing (UTC).
#include <nlohmann/json.hpp>
#include <string>

namespace gb::analysis {

/// {"glassbench_version", "git_commit", "command", "input", "created_utc"}.
nlohmann::json provenance_json(const std::string& command, const std::string& input);

/// One CSV comment line (starting with "# ") carrying the same fields.
std::string provenance_csv_line(const std::string& command, const std::string& input);

}  // namespace gb::analysis
